import Foundation

/// Sleeps with `Task.sleep`.
public struct TaskSleeper: RetrySleeper {
    /// A real sleeper.
    public init() {}
    public func sleep(seconds: Double) async throws {
        try await Task.sleep(nanoseconds: UInt64(max(0, seconds) * 1_000_000_000))
    }
}
