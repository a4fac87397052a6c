import Foundation

/// The system random generator.
public struct SystemJitter: JitterSource {
    /// System randomness.
    public init() {}
    public func nextUnit() -> Double { Double.random(in: 0..<1) }
}
