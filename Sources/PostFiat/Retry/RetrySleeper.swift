import Foundation

/// Waits between retries (injected so tests do not sleep).
public protocol RetrySleeper: Sendable {
    /// Waits `seconds`.
    func sleep(seconds: Double) async throws
}
