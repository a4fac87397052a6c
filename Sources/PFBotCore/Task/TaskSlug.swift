/// A short, path- and branch-safe name for a task: words of its title plus a hash of its id,
/// e.g. `write-the-onboarding-guide-3f9c2a7b41d0`. Used for `pf/<slug>` branches and `tasks/<slug>/` folders.
///
/// The hash covers the whole id (48 bits, 12 hex digits), so two tasks never share a branch in practice, even
/// with the same title; a title with no letters or digits gives the stem `task`.
public struct TaskSlug: Hashable, Sendable, CustomStringConvertible {
    /// The stem used when a title has no ASCII letters or digits.
    public static let fallbackStem = "task"
    /// Hex digits of the id hash.
    static let hashDigits = 12
    /// The longest slug.
    static let maxLength = 56

    /// The slug text: `a–z 0–9 -` only, at most 56 characters, never empty.
    public let rawValue: String

    /// Makes the slug of a task from its title and id.
    public init(title: String, id: TaskID) {
        var words: [String] = []
        var current = ""
        for scalar in title.lowercased().unicodeScalars {
            if ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) {
                current.unicodeScalars.append(scalar)
            } else if !current.isEmpty {
                words.append(current)
                current = ""
            }
        }
        if !current.isEmpty { words.append(current) }
        let stemLimit = Self.maxLength - Self.hashDigits - 1
        var stem = ""
        for word in words {
            let next = stem.isEmpty ? String(word.prefix(stemLimit)) : stem + "-" + word
            if next.count > stemLimit { break }
            stem = next
        }
        if stem.isEmpty { stem = Self.fallbackStem }
        rawValue = stem + "-" + Self.hash(id.rawValue)
    }

    public var description: String { rawValue }

    /// 64-bit FNV-1a of the id's UTF-8, mixed (SplitMix64's finaliser) so every bit depends on every byte, as
    /// 12 lower-case hex digits. Stable across runs and platforms (unlike `Hasher`).
    static func hash(_ text: String) -> String {
        var value: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            value ^= UInt64(byte)
            value &*= 0x0000_0100_0000_01b3
        }
        value = (value ^ (value >> 30)) &* 0xbf58_476d_1ce4_e5b9
        value = (value ^ (value >> 27)) &* 0x94d0_49bb_1331_11eb
        value ^= value >> 31
        let hex = String(value, radix: 16)
        let padded = String(repeating: "0", count: max(0, 16 - hex.count)) + hex
        return String(padded.prefix(hashDigits))
    }
}
