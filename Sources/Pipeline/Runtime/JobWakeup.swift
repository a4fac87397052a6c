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
    }

    private let state = Mutex(State())

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
                        guard state.generation == ticket else { return true }
                        state.sleepers[id] = continuation
                        return false
                    }
                    if resumeNow { continuation.resume() }
                }
            }
            group.addTask { try? await Task.sleep(for: timeout) }
            await group.next()
            group.cancelAll()
            state.withLock { $0.sleepers.removeValue(forKey: id) }?.resume()
        }
    }
}
