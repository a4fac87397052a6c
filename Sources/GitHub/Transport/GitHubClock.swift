import Foundation

/// The source of time and sleeping for the GitHub client, injected so tests are exact and fast.
public protocol GitHubClock: Sendable {
    /// The current time.
    func now() -> Date
    /// Suspends the caller for `seconds` (no-op for zero or negative values).
    /// - Throws: `CancellationError` when the task is cancelled.
    func sleep(seconds: Double) async throws
}

/// The wall clock: `Date()` and `Task.sleep`.
public struct SystemGitHubClock: GitHubClock {
    /// Creates the wall clock.
    public init() {}

    /// The current time.
    public func now() -> Date { Date() }

    /// Sleeps with `Task.sleep`.
    public func sleep(seconds: Double) async throws {
        guard seconds > 0 else { return }
        try await Task.sleep(nanoseconds: UInt64(seconds * 1_000_000_000))
    }
}
