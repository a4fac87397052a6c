import Foundation
import Markdown

/// Markdown structure, as GitHub parses it: code fences are closed, headings do not skip levels, relative links
/// point at files on the branch, and `#anchor` links (in the same file or another, `GUIDE.md#install`) at a heading.
struct MarkdownRule: QCRule {
    let name = "markdown"

    func evaluate(_ input: QCInput) -> QCRuleResult {
        var annotations: [QCAnnotation] = []
        let files = input.treePaths
        let tree = files.union(files.flatMap(Self.folders(of:)))
        for (path, document) in input.taskMarkdownFiles {
            annotations += structure(path, document)
            annotations += relativeLinks(path, document, tree: tree, input: input)
        }
        let failures = annotations.filter { $0.level == .failure }.count
        return QCRuleResult(rule: name, passed: failures == 0,
                            summary: failures == 0 ? "Markdown is well-formed" : "\(failures) Markdown problem(s)", annotations: annotations)
    }

    private func structure(_ path: String, _ document: MarkdownDocument) -> [QCAnnotation] {
        var annotations: [QCAnnotation] = []
        var lastLevel = 0
        for heading in document.headings {
            if lastLevel > 0, heading.level > lastLevel + 1 {
                annotations.append(QCAnnotation(path: path, line: heading.line, level: .warning, message: "Heading jumps from level \(lastLevel) to \(heading.level)."))
            }
            lastLevel = heading.level
        }
        for block in document.codeBlocks where block.isFenced && !block.isClosed {
            annotations.append(QCAnnotation(path: path, line: block.line, level: .failure, message: "This code block is never closed; add a closing ```."))
        }
        if document.isTruncated {
            annotations.append(QCAnnotation(path: path, line: 1, level: .warning,
                                            message: "Only the beginning of this file was checked: it is longer than \(MarkdownDocument.defaultLimit / 1024) KiB or nests quotes and lists more than 32 deep. Split it or flatten it to have all of it checked."))
        }
        return annotations
    }

    private func relativeLinks(_ path: String, _ document: MarkdownDocument, tree: Set<String>, input: QCInput) -> [QCAnnotation] {
        let directory = (path as NSString).deletingLastPathComponent
        var annotations: [QCAnnotation] = []
        for link in document.links {
            guard let relative = RelativeLink(link.destination) else { continue }
            let problem: String?
            if relative.path.isEmpty {
                problem = relative.fragment.flatMap { missingAnchor($0, in: document, named: "this file") }
            } else if let target = relative.resolved(from: directory), exists(target, in: tree) {
                // An anchor is checked when the file it names was read (files below the task folder and changed files).
                problem = relative.fragment.flatMap { fragment in input.markdown(target).flatMap { missingAnchor(fragment, in: $0, named: target) } }
            } else {
                problem = "Relative link \(link.destination) points at no file on this branch."
            }
            if let problem {
                annotations.append(QCAnnotation(path: path, line: link.line, level: .failure, message: problem))
            }
        }
        return annotations
    }

    /// `tree` holds every file and folder path; the root (`""`) always exists.
    private func exists(_ target: String, in tree: Set<String>) -> Bool {
        target.isEmpty || tree.contains(target)
    }

    /// The folders a file path lies in: `a`, `a/b` for `a/b/c.md`.
    private static func folders(of path: String) -> [String] {
        let parts = path.split(separator: "/").dropLast()
        return parts.indices.map { parts[...$0].joined(separator: "/") }
    }

    /// What is wrong with a link to `#fragment` of `document`, or `nil` when a heading (or an HTML `id`) has that anchor.
    private func missingAnchor(_ fragment: String, in document: MarkdownDocument, named name: String) -> String? {
        guard !document.hasAnchor(fragment) else { return nil }
        let known = document.headings.prefix(5).map { "#" + $0.anchor }
        let hint = known.isEmpty ? "\(name) has no headings" : "its headings' anchors include " + known.joined(separator: ", ")
        return "Anchor #\(fragment) names no heading in \(name); \(hint). Link to one of them or fix the heading."
    }
}
