import Foundation

/// A source of randomness in `0..<1` for backoff jitter (injected so tests are exact).
public protocol JitterSource: Sendable {
    /// A value in `0..<1`.
    func nextUnit() -> Double
}
