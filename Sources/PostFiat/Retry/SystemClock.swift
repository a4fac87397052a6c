import Foundation

/// The wall clock.
public struct SystemClock: TaskNodeClock {
    /// The wall clock.
    public init() {}
    public func now() -> Date { Date() }
}
