import Foundation
import PFBotCore
import TemplateBundle

/// The Mustache templates for one task category: paths relative to the task folder, mapped to template text.
///
/// pfbot ships a set per category (`templates/common` plus `templates/<category>` at the repository root); a repository overrides or
/// adds files with `.github/pfbot/templates/<category>/…` on its default branch.
public struct TemplateSet: Sendable, Equatable {
    /// Relative output path (without `.mustache`) → template text.
    public var files: [String: String]

    /// Creates a template set from its files.
    /// - Parameter files: relative output path (without `.mustache`) → template text.
    public init(files: [String: String]) {
        self.files = files
    }

    /// The built-in templates for `category`.
    /// - Throws: ``TemplateError/missingBuiltIns(_:)`` when the resource bundle is not installed beside the binary.
    public static func builtIn(for category: Category) throws -> TemplateSet {
        guard let root = TemplateBundle.root else {
            throw TemplateError.missingBuiltIns("the pfbot_TemplateBundle resource bundle is not installed beside the binary")
        }
        var files: [String: String] = [:]
        for folder in ["common", category.rawValue] {
            let directory = root.appendingPathComponent(folder)
            guard let names = try? FileManager.default.subpathsOfDirectory(atPath: directory.path) else { continue }
            for name in names.sorted() where name.hasSuffix(".mustache") {
                let url = directory.appendingPathComponent(name)
                guard let text = try? String(contentsOf: url, encoding: .utf8) else {
                    throw TemplateError.missingBuiltIns("cannot read \(url.path)")
                }
                files[String(name.dropLast(".mustache".count))] = text
            }
        }
        return TemplateSet(files: files)
    }

    /// This set with a repository's files laid over it (same path wins). Override paths ending in `.mustache`
    /// lose the suffix; unsafe paths are refused.
    /// - Throws: ``TemplateError/unsafePath(_:)``.
    public func overlaid(with overrides: [String: String]) throws -> TemplateSet {
        var merged = files
        for (path, text) in overrides {
            let name = path.hasSuffix(".mustache") ? String(path.dropLast(".mustache".count)) : path
            guard TemplateSet.isSafeRelativePath(name) else { throw TemplateError.unsafePath(path) }
            merged[name] = text
        }
        return TemplateSet(files: merged)
    }

    /// A relative path of plain components: no `..`, `.`, empty parts, `.git`, control characters or backslashes.
    static func isSafeRelativePath(_ path: String) -> Bool {
        guard !path.isEmpty, !path.hasPrefix("/"), path.utf8.count <= 255 else { return false }
        return path.split(separator: "/", omittingEmptySubsequences: false).allSatisfy { part in
            !part.isEmpty && part != "." && part != ".." && part.lowercased() != ".git"
                && !part.unicodeScalars.contains { $0.properties.generalCategory == .control || $0 == "\\" || $0 == ":" }
        }
    }
}

/// Template problems; each names the file.
public enum TemplateError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The built-in template bundle cannot be read; the text says why.
    case missingBuiltIns(String)
    /// A template's path is not a plain relative path.
    case unsafePath(String)
    /// A template is not valid Mustache.
    case syntax(path: String, reason: String)

    /// The problem and the template file it is in, for the person who configured the templates.
    public var description: String {
        switch self {
        case .missingBuiltIns(let why):
            return "pfbot's built-in templates are missing (\(why)); reinstall pfbot with its pfbot_TemplateBundle.resources folder."
        case .unsafePath(let path):
            return "Template path \(path.debugDescription) is not a plain relative path; rename it under .github/pfbot/templates/<category>/."
        case .syntax(let path, let reason):
            return "Template \(path) is not valid Mustache (\(reason)); fix it in .github/pfbot/templates/."
        }
    }
}
