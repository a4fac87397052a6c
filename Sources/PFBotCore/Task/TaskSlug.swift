/// A short, path- and branch-safe name for a task: words of its title plus the end of its id,
/// e.g. `write-the-onboarding-guide-89abcdef`. Used for `pf/<slug>` branches and `tasks/<slug>/` folders.
public struct TaskSlug: Hashable, Sendable, CustomStringConvertible {
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
        var stem = ""
        for word in words {
            let next = stem.isEmpty ? word : stem + "-" + word
            if next.count > 46 { break }
            stem = next
        }
        let idTail = String(id.rawValue.lowercased().unicodeScalars.filter { ("a"..."z").contains($0) || ("0"..."9").contains($0) }
            .suffix(8).map(Character.init))
        rawValue = [stem, idTail].filter { !$0.isEmpty }.joined(separator: "-")
    }

    public var description: String { rawValue }
}
