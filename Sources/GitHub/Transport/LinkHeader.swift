import Foundation

/// The `Link` response header GitHub uses for pagination.
public struct LinkHeader: Sendable, Equatable {
    /// URLs by relation (`next`, `prev`, `first`, `last`).
    public var links: [String: String]

    /// Parses `<url>; rel="next", <url>; rel="last"`; unparseable parts are skipped.
    public init(_ value: String?) {
        var links: [String: String] = [:]
        for part in (value ?? "").split(separator: ",") {
            let pieces = part.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
            guard let target = pieces.first, target.hasPrefix("<"), target.hasSuffix(">") else { continue }
            let url = String(target.dropFirst().dropLast())
            for parameter in pieces.dropFirst() where parameter.hasPrefix("rel=") {
                let names = parameter.dropFirst(4).trimmingCharacters(in: CharacterSet(charactersIn: "\""))
                for name in names.split(separator: " ") { links[String(name)] = url }
            }
        }
        self.links = links
    }

    /// The next page, if any.
    public var next: String? { links["next"] }
}
