/// An exact amount of PFT, held as an integer count of drops (1 PFT = 1,000,000 drops).
///
/// Rewards are money: they are never held in a `Double`. Text such as `"12000"`, `"0.5"` or `"1.25"` parses
/// exactly; more than six decimals, signs other than a leading `-`, exponents and garbage are refused.
public struct PFTAmount: Hashable, Sendable, Comparable, Codable, CustomStringConvertible {
    /// Drops per PFT.
    public static let dropsPerPFT: Int64 = 1_000_000
    /// The largest amount accepted (100 billion PFT), far above any real reward; larger values are treated as corrupt.
    public static let maximum = PFTAmount(drops: 100_000_000_000 * dropsPerPFT)

    /// The amount in drops.
    public let drops: Int64

    /// Zero PFT.
    public static let zero = PFTAmount(drops: 0)

    /// An amount from a count of drops.
    public init(drops: Int64) { self.drops = drops }

    /// Parses decimal text such as `"12000"`, `"0.5"`, `"-3.000001"`.
    /// - Throws: ``DomainError/invalidAmount(_:)`` when the text is not an exact decimal within range.
    public init(parsing text: String) throws {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        var digits = Substring(trimmed)
        let negative = digits.hasPrefix("-")
        if negative { digits = digits.dropFirst() }
        let parts = digits.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        guard let whole = parts.first, !whole.isEmpty || parts.count == 2 else { throw DomainError.invalidAmount(text) }
        let fraction = parts.count == 2 ? parts[1] : ""
        guard whole.allSatisfy(\.isASCIIDigit), fraction.allSatisfy(\.isASCIIDigit),
              !(whole.isEmpty && fraction.isEmpty), fraction.count <= 6, whole.count <= 12
        else { throw DomainError.invalidAmount(text) }
        let wholeValue = Int64(whole.isEmpty ? "0" : String(whole)) ?? 0
        let paddedFraction = String(fraction) + String(repeating: "0", count: 6 - fraction.count)
        let fractionValue = Int64(paddedFraction) ?? 0
        let magnitude = wholeValue * PFTAmount.dropsPerPFT + fractionValue
        guard magnitude <= PFTAmount.maximum.drops else { throw DomainError.invalidAmount(text) }
        self.drops = negative ? -magnitude : magnitude
    }

    /// Whether the amount is below zero (the Task Node never pays negative rewards; such a value is suspect).
    public var isNegative: Bool { drops < 0 }

    /// The amount as plain decimal text without trailing zeros, e.g. `"12000"`, `"0.5"`.
    public var decimalText: String {
        let magnitude = drops.magnitude
        let whole = magnitude / UInt64(PFTAmount.dropsPerPFT)
        let fraction = magnitude % UInt64(PFTAmount.dropsPerPFT)
        var text = String(whole)
        if fraction > 0 {
            var fractionText = String(fraction)
            fractionText = String(repeating: "0", count: 6 - fractionText.count) + fractionText
            while fractionText.hasSuffix("0") { fractionText.removeLast() }
            text += "." + fractionText
        }
        return drops < 0 ? "-" + text : text
    }

    public var description: String { "\(decimalText) PFT" }

    public static func < (lhs: PFTAmount, rhs: PFTAmount) -> Bool { lhs.drops < rhs.drops }

    public static func + (lhs: PFTAmount, rhs: PFTAmount) -> PFTAmount { PFTAmount(drops: lhs.drops + rhs.drops) }

    /// Decodes from a JSON string (`"12.5"`) or an integer number of PFT. Fractional JSON numbers are refused
    /// because they have already passed through binary floating point.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let text = try? container.decode(String.self) {
            try self.init(parsing: text)
        } else {
            let whole = try container.decode(Int64.self)
            try self.init(parsing: String(whole))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(decimalText)
    }
}

private extension Character {
    var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}
