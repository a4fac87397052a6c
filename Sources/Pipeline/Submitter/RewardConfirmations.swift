import Foundation
import JSON
import PFBotCore
import PostFiat
import Storage
import XRPL

/// Confirms on the ledger the reward payments the Task Node reports: a validated `tesSUCCESS` Payment to the
/// wallet delivering exactly the reward in drops (protocol §5: round(reward × 10^6) drops), with the reward pointer
/// memo naming the task, and not already the confirmed payment of another task. A confirmed payment
/// labels the issue `pf:rewarded` and says in which ledger; one still unconfirmed after
/// `ledger.reward_confirmation_seconds` is reported on the issue (and checked again at every sync).
struct RewardConfirmations {
    let context: PipelineContext

    /// Starts checking the payment of a task rewarded more than 0 PFT whose outcome names a payment hash; returns
    /// whether it is tracked (no ledger configured, no hash or a zero reward: not tracked, nothing to confirm).
    /// - Parameter announce: whether a payment confirmed by this first check gets its own comment (`false` when the
    ///   caller's reward comment says it).
    @discardableResult
    func track(_ record: TaskRecord, outcome: RewardOutcome?, announce: Bool) async throws -> Bool {
        guard let ledger = context.rewardLedger, let outcome, let hash = outcome.paymentTxHash, !hash.isEmpty,
              outcome.reward.drops > 0 else { return false }
        guard hash.count == 64, hash.allSatisfy(\.isHexDigit) else {
            // Not a ledger transaction hash: nothing can be looked up, and it must not be checked on every pass.
            try await context.audit("ledger", "reward.unverifiable", record.task.id.rawValue,
                                    "the Task Node's payment reference is not a transaction hash (64 hex digits)", event: String(hash.prefix(100)))
            return false
        }
        try await context.store.recordRewardPayment(RewardPaymentRecord(
            task: record.task.id, paymentHash: hash.uppercased(), expectedDrops: outcome.reward.drops, destination: ledger.wallet,
            reportedAt: context.now()))
        if let payment = try await context.store.rewardPayment(task: record.task.id), payment.status == .pending {
            try await check(payment, ledger: ledger, announce: announce)
        }
        return true
    }

    /// Checks every payment not yet confirmed; returns how many were confirmed now. A payment whose check fails (its
    /// issue cannot be written, say) is logged and stays pending for the next sync; the others are still checked.
    func checkPending() async throws -> Int {
        guard let ledger = context.rewardLedger else { return 0 }
        var confirmed = 0
        for payment in try await context.store.rewardPayments(status: .pending) {
            do {
                if try await check(payment, ledger: ledger) == .confirmed { confirmed += 1 }
            } catch {
                context.logger.error("checking reward payment \(payment.paymentHash) of \(payment.task) failed: \(error); it stays pending for the next sync")
            }
        }
        return confirmed
    }

    /// Asks the ledger about one payment and records and reports the answer. A ledger that cannot be reached leaves
    /// the payment pending for the next sync.
    @discardableResult
    private func check(_ payment: RewardPaymentRecord, ledger: RewardLedger, announce: Bool = true) async throws -> RewardPaymentRecord.Status {
        let transaction: TransactionRecord?
        do {
            transaction = try await ledger.rpc.transaction(hash: payment.paymentHash)
        } catch {
            context.logger.warning("could not ask the ledger about reward payment \(payment.paymentHash) of \(payment.task): \(error); will retry on the next sync")
            try await reportOverdue(payment, ledger: ledger)
            return .pending
        }
        guard let transaction, transaction.validated, let ledgerIndex = transaction.ledgerIndex else {
            try await context.store.updateRewardPayment(task: payment.task, status: .pending, ledgerIndex: nil, detail: nil, checkedAt: context.now())
            try await reportOverdue(payment, ledger: ledger)
            return .pending
        }
        let record = try await context.record(payment.task)
        let mirror = IssueMirror(context: context)
        if let problem = try await problem(with: transaction, expected: payment) {
            try await context.store.updateRewardPayment(task: payment.task, status: .mismatch, ledgerIndex: Int64(ledgerIndex), detail: problem,
                                                        checkedAt: context.now())
            try await mirror.postOnce(record, event: "reward-mismatch:\(payment.paymentHash)",
                                      body: IssueComments.rewardMismatch(paymentHash: payment.paymentHash, ledger: ledgerIndex, problem: problem))
            try await context.audit("ledger", "reward.mismatch", payment.task.rawValue, problem, event: payment.paymentHash)
            try await mirror.sync(try await context.record(payment.task))
            return .mismatch
        }
        try await context.store.updateRewardPayment(task: payment.task, status: .confirmed, ledgerIndex: Int64(ledgerIndex), detail: nil,
                                                    checkedAt: context.now())
        if announce {
            try await mirror.postOnce(record, event: "reward-confirmed:\(payment.paymentHash)",
                                      body: IssueComments.rewardConfirmed(amount: PFTAmount(drops: payment.expectedDrops), paymentHash: payment.paymentHash,
                                                                          ledger: ledgerIndex, wallet: payment.destination))
        }
        try await context.audit("ledger", "reward.confirmed", payment.task.rawValue, "ledger \(ledgerIndex)", event: payment.paymentHash)
        try await mirror.sync(try await context.record(payment.task))
        return .confirmed
    }

    /// Says once on the issue that the payment is still not in a validated ledger, once the configured time passed.
    private func reportOverdue(_ payment: RewardPaymentRecord, ledger: RewardLedger) async throws {
        let waited = context.now().timeIntervalSince(payment.reportedAt)
        guard waited >= Double(ledger.confirmationSeconds) else { return }
        let event = "reward-unconfirmed:\(payment.paymentHash)"
        let record = try await context.record(payment.task)
        guard let issue = record.issueNumber,
              try await context.store.postedComment(repository: context.repository.description, issue: issue, event: event)?.commentID == nil
        else { return }
        try await IssueMirror(context: context).postOnce(record, event: event, body: IssueComments.rewardUnconfirmed(
            paymentHash: payment.paymentHash, waitedSeconds: ledger.confirmationSeconds))
        try await context.audit("ledger", "reward.unconfirmed", payment.task.rawValue, "not validated after \(ledger.confirmationSeconds) s",
                                event: payment.paymentHash)
    }

    /// What is wrong with a validated transaction as the reward payment of `expected.task`, or `nil` when it is: the
    /// payment itself, then whether another task's reward was already confirmed with it.
    private func problem(with transaction: TransactionRecord, expected: RewardPaymentRecord) async throws -> String? {
        if let problem = Self.problem(with: transaction, expected: expected) { return problem }
        let others = try await context.store.rewardPayments(hash: expected.paymentHash)
        guard let earlier = others.first(where: { $0.task != expected.task && $0.status == .confirmed }) else { return nil }
        return "it is already the confirmed reward of task \(earlier.task); one payment pays one task"
    }

    /// What is wrong with a validated transaction as the reward payment, or `nil` when it is the payment reported.
    static func problem(with transaction: TransactionRecord, expected: RewardPaymentRecord) -> String? {
        let type = transaction.txJSON["TransactionType"]?.stringValue
        guard type == "Payment" else { return "it is a \(type ?? "transaction without a type"), not a Payment" }
        guard transaction.result == "tesSUCCESS" else { return "it failed on the ledger (\(transaction.result ?? "no result"))" }
        let destination = transaction.txJSON["Destination"]?.stringValue
        guard destination == expected.destination else {
            return "it paid \(destination ?? "no destination"), not this wallet (\(expected.destination))"
        }
        let delivered = transaction.meta["delivered_amount"] ?? transaction.meta["DeliveredAmount"]
        guard let drops = delivered?.stringValue else {
            return "it delivered \(delivered.map { String(decoding: $0.serialized(), as: UTF8.self) } ?? "nothing"), not PFT in drops"
        }
        guard drops == String(expected.expectedDrops) else {
            let paid = Int64(drops).map { PFTAmount(drops: $0).description } ?? "\(drops) drops"
            return "it delivered \(paid), not the reward of \(PFTAmount(drops: expected.expectedDrops))"
        }
        let rewards = PointerMemo.all(in: transaction.txJSON).filter { $0.kind == .reward }
        guard rewards.contains(where: { $0.taskID == expected.task.rawValue }) else {
            let named = rewards.map(\.taskID).filter { !$0.isEmpty }
            return named.isEmpty
                ? "it carries no Post Fiat reward memo (pf.ptr, kind REWARD) naming task \(expected.task)"
                : "its reward memo names task \(named.joined(separator: ", ")), not \(expected.task)"
        }
        return nil
    }
}
