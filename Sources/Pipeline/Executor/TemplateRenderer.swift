import Foundation
import Mustache
import PFBotCore

/// Renders a ``TemplateSet`` for a task. Task text is data: it is cleaned of control and bidi characters,
/// HTML-escaped by Mustache, and never parsed as a template.
public struct TemplateRenderer: Sendable {
    /// The placeholder text QC looks for; templates mark what the contributor must still write with it.
    public static let placeholderMarker = "TODO(pf)"

    /// Creates a renderer.
    public init() {}

    /// The files to commit, with paths under `tasks/<slug>/`.
    /// - Throws: ``TemplateError/syntax(path:reason:)`` for an unparsable template.
    public func render(_ templates: TemplateSet, task: PostFiatTask, analysis: TaskAnalysis) throws -> [String: Data] {
        let context = Self.context(task: task, analysis: analysis)
        let folder = Self.folder(for: task)
        var output: [String: Data] = [:]
        for (path, text) in templates.files.sorted(by: { $0.key < $1.key }) {
            let template: MustacheTemplate
            do {
                template = try MustacheTemplate(string: text)
            } catch {
                throw TemplateError.syntax(path: path, reason: String(describing: error))
            }
            output[folder + "/" + path] = Data(template.render(context).utf8)
        }
        return output
    }

    /// The folder a task's files live in: `tasks/<slug>`.
    public static func folder(for task: PostFiatTask) -> String {
        "tasks/" + TaskSlug(title: task.title, id: task.id).rawValue
    }

    static func context(task: PostFiatTask, analysis: TaskAnalysis) -> [String: Any] {
        let requirement = task.submissionRequirement
        var context: [String: Any] = [
            "id": task.id.rawValue,
            "title": InertText.singleLine(task.title, limit: 200),
            "kind": task.kind.name,
            "category": analysis.category.rawValue,
            "reward": task.reward.decimalText,
            "description": InertText.clean(task.description, limit: 20_000),
            "steps": task.steps.map { InertText.singleLine($0, limit: 1000) },
            "hasSteps": !task.steps.isEmpty,
            "requirements": analysis.requirements.map { ["id": $0.id, "text": $0.text] as [String: Any] },
            "evidenceType": requirement?.rawType ?? "url",
            "estimateHours": String(analysis.estimate.hours),
        ]
        if let ask = task.verificationAsk { context["verificationAsk"] = InertText.clean(ask, limit: 5000) }
        if let criteria = requirement?.criteria, !criteria.isEmpty { context["evidenceCriteria"] = InertText.singleLine(criteria, limit: 1000) }
        if let due = task.effectiveDeadline { context["due"] = ISO8601DateFormatter().string(from: due) }
        return context
    }
}
