import Foundation
import PFBotCore

/// The values of ``PackVariables/catalog`` for one task. Task text is data: cleaned of control and bidi characters,
/// HTML-escaped by Mustache, and never parsed as a template.
public struct PackContext: Sendable {
    /// The task rendered for.
    public var task: PostFiatTask
    /// Its analysis.
    public var analysis: TaskAnalysis
    /// Every file path on the repository's default branch (for toolchain detection).
    public var repositoryPaths: [String]

    /// Creates the context of a task.
    public init(task: PostFiatTask, analysis: TaskAnalysis, repositoryPaths: [String]) {
        self.task = task
        self.analysis = analysis
        self.repositoryPaths = repositoryPaths
    }

    /// The task's folder, `tasks/<slug>`.
    public var folder: String { TemplateRenderer.folder(for: task) }

    /// The toolchain at the repository root, if any.
    public var toolchain: Toolchain? {
        let slug = TaskSlug(title: task.title, id: task.id).rawValue
        let stem = slug.split(separator: "-").dropLast().joined(separator: "-")
        return Toolchain.detect(paths: repositoryPaths, stem: stem)
    }

    /// The variables for `choice`, as Mustache reads them.
    func values(for choice: PackChoice) -> [String: Any] {
        let signals = TaskSignals(task: task, analysis: analysis)
        let requirement = task.submissionRequirement
        let named = signals.namedColumns
        let columns = named.isEmpty ? ["name", "value", "source"] : named
        var values: [String: Any] = [
            "id": task.id.rawValue,
            "title": InertText.singleLine(task.title, limit: 200),
            "kind": task.kind.name,
            "category": analysis.category.rawValue,
            "reward": task.reward.decimalText,
            "description": InertText.clean(task.description, limit: 20_000),
            "steps": task.steps.map { InertText.singleLine($0, limit: 1000) },
            "hasSteps": !task.steps.isEmpty,
            "requirements": analysis.requirements.map { ["id": $0.id, "text": InertText.singleLine($0.text, limit: 1000)] as [String: Any] },
            "hasRequirements": !analysis.requirements.isEmpty,
            "evidenceType": requirement?.rawType ?? "url",
            "estimateHours": String(analysis.estimate.hours),
            "folder": folder,
            "slug": TaskSlug(title: task.title, id: task.id).rawValue,
            "pack": choice.pack.name,
            "packReason": choice.reason,
            "mentionsFlow": signals.mentionsFlow,
            "questions": signals.questions.enumerated().map { index, question -> [String: Any] in
                var item: [String: Any] = ["number": index + 1, "text": question.text, "hasRequirement": question.requirement != nil]
                if let requirement = question.requirement { item["requirement"] = requirement }
                return item
            },
            "questionsAsked": signals.questions.contains { $0.requirement == nil },
            "columns": columns.enumerated().map { index, name -> [String: Any] in
                let field = TaskSignals.fieldType(name)
                return ["name": name, "type": field.type, "format": field.format, "last": index == columns.count - 1]
            },
            "columnsNamed": !named.isEmpty,
            "rowCount": signals.rowCount.map(String.init) ?? "",
            "hasRowCount": signals.rowCount != nil,
            "platforms": signals.platforms.map { ["name": $0.name, "label": $0.label, "limit": $0.limit] as [String: Any] },
            "hasToolchain": toolchain != nil,
        ]
        if let ask = task.verificationAsk { values["verificationAsk"] = InertText.clean(ask, limit: 5000) }
        if let criteria = requirement?.criteria, !criteria.isEmpty { values["evidenceCriteria"] = InertText.singleLine(criteria, limit: 1000) }
        if let due = task.effectiveDeadline { values["due"] = ISO8601DateFormatter().string(from: due) }
        if let toolchain {
            values["toolchain"] = [
                "name": toolchain.name, "marker": toolchain.marker, "testCommand": toolchain.testCommand, "sourcePath": toolchain.sourcePath,
                "testPath": toolchain.testPath, "moduleName": toolchain.moduleName, "symbolName": toolchain.symbolName, toolchain.name: true,
            ] as [String: Any]
        }
        return values
    }
}
