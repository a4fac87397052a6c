import Foundation

/// Tells the client the time (injected so session expiry and windows are exact in tests).
public protocol TaskNodeClock: Sendable {
    /// The current time.
    func now() -> Date
}
