import Foundation
import Synchronization

/// Wakes idle job workers when work arrives (a webhook stored in the inbox), so it is picked up at once rather
/// than at the next idle poll. Polling stays as the fallback: work queued by another replica, or a retry coming
/// due, is found by the poll.
///
/// A worker takes a ``ticket()`` before it looks for work and waits with it when it found none: a wake-up that
/// came in between is not lost.
public final class JobWakeup: Sendable {
    private struct State {
        var generation = 0
        var sleepers: [UUID: CheckedContinuation<Void, Never>] = [:]
        /// Waits that ended (timeout, cancellation) before their continuation was registered.
        var finished: Set<UUID> = []
    }

    private let state = Mutex(State())

    /// Creates a wake-up with no workers waiting.
    public init() {}

    /// Which wake-ups a worker has seen; pass it to ``wait(after:timeout:)``.
    public func ticket() -> Int {
        state.withLock { $0.generation }
    }

    /// Wakes every waiting worker, and makes waits with an older ticket return at once.
    public func wake() {
        let sleepers = state.withLock { state in
            state.generation += 1
            defer { state.sleepers.removeAll() }
            return Array(state.sleepers.values)
        }
        for sleeper in sleepers { sleeper.resume() }
    }

    /// Returns after a wake-up later than `ticket`, or after `timeout`, or when the task is cancelled.
    public func wait(after ticket: Int, timeout: Duration) async {
        let id = UUID()
        await withTaskGroup(of: Void.self) { group in
            group.addTask {
                await withCheckedContinuation { continuation in
                    let resumeNow = self.state.withLock { state in
                        if state.finished.remove(id) != nil || state.generation != ticket { return true }
                        state.sleepers[id] = continuation
                        return false
                    }
                    if resumeNow { continuation.resume() }
                }
            }
            group.addTask { try? await Task.sleep(for: timeout) }
            await group.next()
            group.cancelAll()
            // The continuation may not be registered yet: then the mark makes it resume as soon as it is.
            let registered: CheckedContinuation<Void, Never>? = state.withLock { state in
                if let sleeper = state.sleepers.removeValue(forKey: id) { return sleeper }
                state.finished.insert(id)
                return nil
            }
            registered?.resume()
            await group.waitForAll()
            state.withLock { _ = $0.finished.remove(id) }
        }
    }
}
