import Storage

/// Group commit for the webhook inbox: deliveries that arrive while a transaction is being written wait and are
/// then written together, in one transaction (one disk flush), and each caller is answered only after that
/// transaction committed.
///
/// Nothing waits for a timer: when no write is running a delivery is written at once (a batch of one), so under
/// light load the latency is that of a single write; under load the batch grows to what arrived during the
/// previous commit, up to `batchLimit`. Duplicates stay exact: the store reports, per delivery, whether its id
/// was new, including a second copy inside the same batch. If the transaction fails, every caller in the batch
/// gets the error and nothing of the batch is stored.
public actor DeliveryGroupCommit {
    /// Writes a batch in one transaction, answering per delivery whether it was new (``Store/recordDeliveries(_:)``).
    public typealias Writer = @Sendable ([Delivery]) async throws -> [Bool]

    private let write: Writer
    private let batchLimit: Int
    private var waiting: [(delivery: Delivery, reply: CheckedContinuation<Bool, any Error>)] = []
    private var writing = false

    /// Deliveries waiting for the next transaction.
    public var pendingCount: Int { waiting.count }

    /// Group commit over a store.
    /// - Parameters:
    ///   - store: the inbox.
    ///   - batchLimit: the most deliveries written in one transaction (at least 1; 1 writes each on its own).
    public init(store: any Store, batchLimit: Int = 256) {
        self.init(batchLimit: batchLimit) { try await store.recordDeliveries($0) }
    }

    /// Group commit over any batch writer (tests inject one).
    public init(batchLimit: Int = 256, write: @escaping Writer) {
        self.batchLimit = max(1, batchLimit)
        self.write = write
    }

    /// Stores one delivery and returns once it is durable.
    /// - Returns: `false` when a delivery with this id was stored before.
    public func record(_ delivery: Delivery) async throws -> Bool {
        try await withCheckedThrowingContinuation { reply in
            waiting.append((delivery, reply))
            if !writing {
                writing = true
                Task { await self.drain() }
            }
        }
    }

    /// Writes batches until nobody is waiting. Runs once at a time; callers arriving meanwhile join the next batch.
    private func drain() async {
        while !waiting.isEmpty {
            let batch = Array(waiting.prefix(batchLimit))
            waiting.removeFirst(batch.count)
            do {
                let results = try await write(batch.map(\.delivery))
                guard results.count == batch.count else {
                    throw DeliveryGroupCommitError.resultCountMismatch(sent: batch.count, answered: results.count)
                }
                for (entry, isNew) in zip(batch, results) { entry.reply.resume(returning: isNew) }
            } catch {
                for entry in batch { entry.reply.resume(throwing: error) }
            }
        }
        writing = false
    }
}

/// The batch writer broke its contract.
public enum DeliveryGroupCommitError: Error, CustomStringConvertible {
    /// It answered a different number of results than deliveries it was given.
    case resultCountMismatch(sent: Int, answered: Int)

    /// What went wrong and what to do.
    public var description: String {
        switch self {
        case .resultCountMismatch(let sent, let answered):
            return "The store answered \(answered) results for a batch of \(sent) deliveries; the batch's callers were answered with this error. This is a bug in the Store implementation."
        }
    }
}
