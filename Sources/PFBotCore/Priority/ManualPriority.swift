/// A priority set by hand with `/pf priority N`; higher runs first and overrides the computed score's order.
public struct ManualPriority: Hashable, Sendable, Codable, Comparable {
    /// The accepted range.
    public static let range = -100...100

    /// The value within ``range``.
    public let value: Int

    /// - Throws: ``DomainError/invalidPriority(_:)`` outside ``range``.
    public init(_ value: Int) throws {
        guard ManualPriority.range.contains(value) else { throw DomainError.invalidPriority(value) }
        self.value = value
    }

    public static func < (lhs: ManualPriority, rhs: ManualPriority) -> Bool { lhs.value < rhs.value }
}
