import Foundation
import Mustache
import PFBotCore

/// Renders a chosen pack for a task: the shared files into the task folder, then the pack's files to their rendered
/// destinations (a pack's file replaces a shared file with the same destination). Task text is data: it is cleaned,
/// HTML-escaped by Mustache and never parsed as a template, and rendered destinations must be safe relative paths.
public struct TemplateRenderer: Sendable {
    /// The placeholder text QC looks for; templates mark what the contributor must still write with it.
    public static let placeholderMarker = "TODO(pf)"

    /// Creates a renderer.
    public init() {}

    /// The files to commit, by repository path.
    /// - Parameters:
    ///   - choice: the pack and why it was chosen.
    ///   - library: the library the pack came from (for the shared files).
    ///   - context: the task's variables.
    /// - Returns: path → bytes.
    /// - Throws: ``TemplateError/syntax(path:reason:)`` or ``TemplateError/unsafePath(pack:path:)``.
    public func render(_ choice: PackChoice, library: PackLibrary, context: PackContext) throws -> [String: Data] {
        let values = context.values(for: choice)
        var output: [String: Data] = [:]
        for (name, text) in library.common.sorted(by: { $0.key < $1.key }) {
            output[context.folder + "/" + name] = Data(try Self.render(text, path: "templates/common/\(name).mustache", values: values).utf8)
        }
        for file in choice.pack.manifest.files {
            let destination = try Self.render(file.destination, path: "\(choice.pack.name)/pack.yml", values: values)
                .trimmingCharacters(in: .whitespacesAndNewlines)
            if destination.isEmpty { continue }
            guard PackPaths.isWritableDestination(destination) else { throw TemplateError.unsafePath(pack: choice.pack.name, path: destination) }
            let text = choice.pack.templates[file.template] ?? ""
            output[destination] = Data(try Self.render(text, path: "\(choice.pack.name)/\(file.template)", values: values).utf8)
        }
        return output
    }

    /// The pack's checks as QC rules, their parameters rendered with the task's variables.
    /// - Throws: ``TemplateError/syntax(path:reason:)`` for a parameter that is not valid Mustache.
    public func rules(_ choice: PackChoice, context: PackContext) throws -> [any QCRule] {
        let values = context.values(for: choice)
        return try choice.pack.manifest.checks.compactMap { check in
            let parameters = try check.parameters.mapValues { try Self.render($0, path: "\(choice.pack.name)/pack.yml", values: values) }
            return PackCheckRules.rule(check.rule, parameters: parameters, pack: choice.pack.name)
        }
    }

    /// The pack's steps, their commands rendered with the task's variables.
    /// - Throws: ``TemplateError/syntax(path:reason:)`` for a command that is not valid Mustache.
    public func steps(_ choice: PackChoice, context: PackContext) throws -> [PackStep] {
        let values = context.values(for: choice)
        return try choice.pack.manifest.steps.map { step in
            var rendered = step
            rendered.run = try Self.render(step.run, path: "\(choice.pack.name)/pack.yml", values: values)
            return rendered
        }
    }

    /// The folder a task's files live in: `tasks/<slug>`.
    public static func folder(for task: PostFiatTask) -> String {
        "tasks/" + TaskSlug(title: task.title, id: task.id).rawValue
    }

    private static func render(_ text: String, path: String, values: [String: Any]) throws -> String {
        do {
            return try MustacheTemplate(string: text).render(values)
        } catch {
            let (line, reason) = TemplateSyntax.describe(error)
            throw TemplateError.syntax(path: line.map { "\(path):\($0)" } ?? path, reason: reason)
        }
    }
}
