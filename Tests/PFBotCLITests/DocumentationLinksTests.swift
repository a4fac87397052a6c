import Foundation
import PFBotTestSupport
import Testing

@Suite struct DocumentationLinksTests {
    /// GitHub's heading anchor: lower case, punctuation other than `-` and `_` dropped, spaces as `-`.
    private func anchor(_ heading: String) -> String {
        let text = heading.drop { $0 == "#" }.trimmingCharacters(in: .whitespaces).lowercased()
        return String(text.unicodeScalars.compactMap { scalar -> Character? in
            if scalar == " " { return "-" }
            if CharacterSet.alphanumerics.contains(scalar) || scalar == "-" || scalar == "_" { return Character(scalar) }
            return nil
        })
    }

    private func anchors(in text: String) -> Set<String> {
        var inFence = false
        var result = Set<String>()
        for line in text.split(separator: "\n") {
            if line.hasPrefix("```") { inFence.toggle() }
            if !inFence, line.hasPrefix("#") { result.insert(anchor(String(line))) }
        }
        return result
    }

    private func links(in text: String) -> [String] {
        var found: [String] = []
        var inFence = false
        for line in text.split(separator: "\n") {
            if line.hasPrefix("```") { inFence.toggle() }
            guard !inFence else { continue }
            let outsideCode = line.split(separator: "`", omittingEmptySubsequences: false).enumerated().filter { $0.offset % 2 == 0 }.map(\.element)
            var rest = Substring(outsideCode.joined(separator: " "))
            while let open = rest.range(of: "](") {
                let after = rest[open.upperBound...]
                guard let close = after.firstIndex(of: ")") else { break }
                found.append(String(after[..<close]))
                rest = after[after.index(after: close)...]
            }
        }
        return found
    }

    @Test func everyRelativeLinkOfTheDocs_pointsAtAnExistingFileAndHeading() throws {
        let root = try Fixtures.packageRoot()
        let docs = try FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("docs").path)
            .filter { $0.hasSuffix(".md") }.map { "docs/" + $0 }
        #expect(docs.count >= 8)
        for page in docs + ["README.md"] {
            let pageURL = root.appendingPathComponent(page)
            let text = try String(contentsOf: pageURL, encoding: .utf8)
            for link in links(in: text) where !link.contains("://") && !link.hasPrefix("mailto:") {
                let parts = link.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
                let target = parts[0].isEmpty ? pageURL : pageURL.deletingLastPathComponent().appendingPathComponent(parts[0])
                #expect(FileManager.default.fileExists(atPath: target.path), "\(page): \(link) points at no file")
                if parts.count == 2, target.pathExtension == "md", let targetText = try? String(contentsOf: target, encoding: .utf8) {
                    #expect(anchors(in: targetText).contains(parts[1]), "\(page): \(link) names no heading of \(parts[0])")
                }
            }
        }
    }
}
