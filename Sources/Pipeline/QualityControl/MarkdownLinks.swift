import Foundation

/// Finds `[text](target)` links in Markdown, outside code fences.
enum MarkdownLinks {
    struct Link { var target: String; var line: Int }

    static func find(in text: String) -> [Link] {
        var links: [Link] = []
        var inFence = false
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.hasPrefix("```") || trimmed.hasPrefix("~~~") { inFence.toggle(); continue }
            guard !inFence else { continue }
            var rest = Substring(line)
            while let open = rest.range(of: "](") {
                let after = rest[open.upperBound...]
                guard let close = after.firstIndex(of: ")") else { break }
                var target = after[..<close].trimmingCharacters(in: .whitespaces)
                if let space = target.firstIndex(of: " ") { target = String(target[..<space]) }
                if target.hasPrefix("<"), target.hasSuffix(">") { target = String(target.dropFirst().dropLast()) }
                if !target.isEmpty { links.append(Link(target: target, line: index + 1)) }
                rest = after[after.index(after: close)...]
            }
        }
        return links
    }

    /// A repository path for `target` relative to `directory`, or `nil` if it climbs above the root.
    static func resolve(_ target: String, from directory: String) -> String? {
        var parts = target.hasPrefix("/") ? [] : directory.split(separator: "/").map(String.init)
        for part in target.split(separator: "/") {
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
}
