import Synchronization

/// Counts the pool connections lent out, so closing a store waits until every one is back before the pool closes
/// them and the threads they run on stop.
///
/// async-kit's pool closes a connection that is in use at shutdown only when it is given back, and SQLite runs that
/// close on the store's thread pool: given back after the thread pool stopped, the connection could not be closed
/// at all (its file handle leaked, and debug builds trap on it). Once closing has begun, new loans are refused.
final class ConnectionLeases: Sendable {
    private struct State {
        var lent = 0
        var closing = false
    }

    private let state = Mutex(State())

    /// Records a loan. - Throws: ``StoreError/closed`` once closing has begun.
    func borrow() throws {
        try state.withLock { state in
            guard !state.closing else { throw StoreError.closed }
            state.lent += 1
        }
    }

    /// Records a connection given back.
    func giveBack() {
        state.withLock { $0.lent -= 1 }
    }

    /// Refuses new loans from now on, then waits until every lent connection is back or `limit` has passed
    /// (closing is rare; a short poll keeps this simple).
    /// - Returns: whether every connection is back.
    func drain(limit: Duration) async -> Bool {
        state.withLock { $0.closing = true }
        let clock = ContinuousClock()
        let deadline = clock.now.advanced(by: limit)
        while state.withLock({ $0.lent }) > 0 {
            guard clock.now < deadline else { return false }
            try? await Task.sleep(for: .milliseconds(10))
        }
        return true
    }
}
