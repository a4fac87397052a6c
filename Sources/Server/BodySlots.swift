import Synchronization

/// A cap on webhook bodies being read at once. A request that finds every slot taken waits (its body stays in the
/// socket, not in memory) up to a bound, then is refused; slots are handed to waiters in arrival order.
final class BodySlots: Sendable {
    private struct State {
        var free: Int
        var lastID = 0
        /// Waiters that have an id but are not queued yet.
        var arriving: Set<Int> = []
        /// Waiters that gave up (timer or cancellation) before they were queued.
        var abandoned: Set<Int> = []
        var waiters: [(id: Int, resume: CheckedContinuation<Bool, Never>)] = []
    }

    private let state: Mutex<State>

    /// - Parameter count: bodies read at once (at least 1).
    init(count: Int) {
        state = Mutex(State(free: max(1, count)))
    }

    /// Takes a slot, waiting at most `patience` for one.
    /// - Returns: `false` when none came free in time (or the task was cancelled); then nothing is to be released.
    func acquire(patience: Duration) async -> Bool {
        let id: Int? = state.withLock { state in
            if state.free > 0 {
                state.free -= 1
                return nil
            }
            state.lastID += 1
            state.arriving.insert(state.lastID)
            return state.lastID
        }
        guard let id else { return true }
        let timer = Task {
            try? await Task.sleep(for: patience)
            self.giveUp(id)
        }
        defer { timer.cancel() }
        return await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                let answer: Bool? = state.withLock { state in
                    state.arriving.remove(id)
                    if state.abandoned.remove(id) != nil { return false }
                    // A slot may have been returned since this waiter found none.
                    if state.free > 0 {
                        state.free -= 1
                        return true
                    }
                    state.waiters.append((id, continuation))
                    return nil
                }
                if let answer { continuation.resume(returning: answer) }
            }
        } onCancel: {
            self.giveUp(id)
        }
    }

    /// Returns a slot: to the longest waiter, or to the pool.
    func release() {
        let next = state.withLock { state in
            if state.waiters.isEmpty {
                state.free += 1
                return nil as CheckedContinuation<Bool, Never>?
            }
            return state.waiters.removeFirst().resume
        }
        next?.resume(returning: true)
    }

    private func giveUp(_ id: Int) {
        let waiter = state.withLock { state -> CheckedContinuation<Bool, Never>? in
            if let index = state.waiters.firstIndex(where: { $0.id == id }) { return state.waiters.remove(at: index).resume }
            if state.arriving.contains(id) { state.abandoned.insert(id) }
            return nil
        }
        waiter?.resume(returning: false)
    }
}
