import Synchronization

/// One pool connection kept for one kind of work (the webhook inbox's writes) instead of being requested and
/// given back on every use: each request and release is a round trip to the pool's event loop, and the group
/// commit writes hundreds of batches a second. Users take turns in arrival order.
final class ReservedConnection<Connection: Sendable>: Sendable {
    private let turns = TurnLock()
    private let held = Mutex<Connection?>(nil)

    /// Runs `body` with the kept connection, first requesting it from `request` when none is kept. After an error
    /// the connection goes back through `giveBack` (it may be broken) and the next use requests a new one.
    func use<T: Sendable>(request: () async throws -> Connection, giveBack: (Connection) -> Void,
                          _ body: (Connection) async throws -> T) async throws -> T {
        await turns.acquire()
        do {
            let connection: Connection
            if let kept = held.withLock({ $0 }) {
                connection = kept
            } else {
                connection = try await request()
                held.withLock { $0 = connection }
            }
            do {
                let result = try await body(connection)
                await turns.release()
                return result
            } catch {
                held.withLock { $0 = nil }
                giveBack(connection)
                throw error
            }
        } catch {
            await turns.release()
            throw error
        }
    }

    /// Hands the kept connection back (at shutdown), after the write using it, if any, has finished.
    func surrender(_ giveBack: (Connection) -> Void) async {
        await turns.acquire()
        if let connection = held.withLock({ kept in defer { kept = nil }; return kept }) { giveBack(connection) }
        await turns.release()
    }
}

/// Callers take turns, in arrival order.
actor TurnLock {
    private var held = false
    private var waiting: [CheckedContinuation<Void, Never>] = []

    func acquire() async {
        guard held else {
            held = true
            return
        }
        await withCheckedContinuation { waiting.append($0) }
    }

    func release() {
        if waiting.isEmpty {
            held = false
        } else {
            waiting.removeFirst().resume()
        }
    }
}
