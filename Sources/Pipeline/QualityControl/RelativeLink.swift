import Foundation

/// A link destination that points into the repository: a path (relative to the linking file, or to the root
/// with a leading `/`), an optional `#anchor`, or both. Destinations with a scheme (`https:`, `mailto:`) or a
/// host (`//host/…`) are not relative.
struct RelativeLink: Equatable {
    /// The path part, percent-encoded as written; empty for a link to an anchor of the same file.
    var path: String
    /// The part after `#`, if there is one.
    var fragment: String?

    /// Splits a destination, or `nil` when it points outside the repository or nowhere.
    init?(_ destination: String) {
        guard !destination.isEmpty, !destination.hasPrefix("//"), destination.firstMatch(of: #/^[A-Za-z][A-Za-z0-9+.\-]*:/#) == nil else { return nil }
        let (beforeFragment, fragment) = Self.split(destination, at: "#")
        self.path = Self.split(beforeFragment, at: "?").before
        self.fragment = fragment
    }

    /// The repository path the link's path names from a file in `directory`, or `nil` if it climbs above the root.
    func resolved(from directory: String) -> String? {
        var parts = path.hasPrefix("/") ? [] : directory.split(separator: "/").map(String.init)
        for part in path.split(separator: "/") {
            switch part {
            case ".": continue
            case "..":
                guard !parts.isEmpty else { return nil }
                parts.removeLast()
            default: parts.append(String(part.removingPercentEncoding ?? String(part)))
            }
        }
        return parts.joined(separator: "/")
    }

    private static func split(_ text: String, at separator: Character) -> (before: String, after: String?) {
        guard let index = text.firstIndex(of: separator) else { return (text, nil) }
        return (String(text[..<index]), String(text[text.index(after: index)...]))
    }
}
