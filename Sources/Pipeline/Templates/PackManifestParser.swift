import PFBotCore
import Yams

/// Reads and validates a `pack.yml`. Every problem names the file, line and key, and says what to do.
public struct PackManifestParser: Sendable {
    /// The top-level keys of `pack.yml` with their type and meaning, in documentation order.
    public static let keys: [(key: String, type: String, summary: String)] = [
        ("name", "string", "The pack's name; must equal its folder name. A repository pack with a built-in pack's name replaces it."),
        ("description", "string", "One line saying what the pack scaffolds (shown by `pfbot templates list`)."),
        ("when.categories", "list of categories", "Task categories the pack is for (`code`, `docs`, `research`, `design`, `data`, `outreach`, `other`); a match scores 10."),
        ("when.keywords", "list of strings", "Words looked for, case-insensitively, in the task's title, description and requirements; each found scores 2."),
        ("when.evidence_types", "list of strings", "Submission evidence types (`url`, `text`, `code`, `file` …); a match scores 1."),
        ("files[].template", "path", "A Mustache template inside the pack folder."),
        ("files[].destination", "Mustache path", "Where the rendered file goes in the repository, e.g. `{{folder}}/GUIDE.md`; a destination that renders empty is skipped."),
        ("variables", "list of variable names", "The variables the templates use; each must be one of the variables below."),
        ("steps[].name", "string", "A step's name."),
        ("steps[].run", "Mustache string", "The command; steps run only inside GitHub Actions, never on the pfbot server."),
        ("steps[].timeout_seconds", "integer 1–3600", "How long the command may run (default 600)."),
        ("steps[].produces", "list of paths", "Paths the command produces."),
        ("steps[].commit", "boolean", "Whether the produced paths are committed to the task branch (default false)."),
        ("checks[].rule", "rule name", "A QC rule the pack adds (see the rules below)."),
        ("checks[].with", "mapping", "The rule's parameters; values are Mustache templates rendered with the task's variables."),
    ]

    /// The file name reported in problems.
    let fileName: String

    /// Creates a parser whose problems name `fileName`.
    /// - Parameter fileName: the manifest's path as the user knows it.
    public init(fileName: String) {
        self.fileName = fileName
    }

    /// Parses a manifest.
    /// - Parameters:
    ///   - yaml: the file's text.
    ///   - folder: the pack's folder name, which `name` must equal.
    /// - Returns: the manifest.
    /// - Throws: ``PackError`` listing every problem.
    public func parse(_ yaml: String, folder: String) throws(PackError) -> PackManifest {
        var problems: [PackProblem] = []
        let root: Node?
        do {
            root = try Yams.compose(yaml: yaml)
        } catch {
            throw PackError(problems: [problem(nil, "", "is not valid YAML (\(Self.describe(error))); fix the syntax.")])
        }
        guard let root, case .mapping(let mapping) = root else {
            throw PackError(problems: [problem(root, "", "must be a mapping with name, description, when, files, variables, steps and checks.")])
        }
        var manifest = PackManifest(name: "", description: "", when: PackCondition(), files: [], variables: [], steps: [], checks: [])
        var seen: Set<String> = []
        for (keyNode, value) in mapping {
            let key = keyNode.string ?? ""
            seen.insert(key)
            switch key {
            case "name": manifest.name = string(value, key, &problems) ?? ""
            case "description": manifest.description = string(value, key, &problems) ?? ""
            case "when": manifest.when = condition(value, &problems)
            case "files": manifest.files = list(value, key, &problems).enumerated().compactMap { file($1, "files[\($0)]", &problems) }
            case "variables": manifest.variables = variables(value, &problems)
            case "steps": manifest.steps = list(value, key, &problems).enumerated().compactMap { step($1, "steps[\($0)]", &problems) }
            case "checks": manifest.checks = list(value, key, &problems).enumerated().compactMap { check($1, "checks[\($0)]", &problems) }
            default: problems.append(problem(keyNode, key, "is not a pack.yml key; use name, description, when, files, variables, steps or checks."))
            }
        }
        for required in ["name", "description", "files"] where !seen.contains(required) {
            problems.append(problem(root, required, "is missing; every pack.yml needs name, description and files."))
        }
        if seen.contains("name"), manifest.name != folder, let node = mapping["name"] {
            problems.append(problem(node, "name", "is \(manifest.name.debugDescription) but the folder is \(folder.debugDescription); make them equal."))
        }
        if seen.contains("files"), manifest.files.isEmpty, problems.isEmpty {
            problems.append(problem(mapping["files"], "files", "lists no files; add at least one template and its destination."))
        }
        guard problems.isEmpty else { throw PackError(problems: problems) }
        return manifest
    }

    private func condition(_ node: Node, _ problems: inout [PackProblem]) -> PackCondition {
        guard case .mapping(let mapping) = node else {
            problems.append(problem(node, "when", "must be a mapping with categories, keywords and evidence_types."))
            return PackCondition()
        }
        var condition = PackCondition()
        for (keyNode, value) in mapping {
            let key = "when." + (keyNode.string ?? "")
            switch keyNode.string {
            case "categories":
                condition.categories = strings(value, key, &problems).compactMap { name in
                    if let category = Category(rawValue: name.text) { return category }
                    let known = Category.allCases.map(\.rawValue).joined(separator: ", ")
                    problems.append(problem(name.node, key, "\(name.text.debugDescription) is not a category; use one of \(known)."))
                    return nil
                }
            case "keywords": condition.keywords = strings(value, key, &problems).map(\.text)
            case "evidence_types": condition.evidenceTypes = strings(value, key, &problems).map(\.text)
            default: problems.append(problem(keyNode, key, "is not a when: key; use categories, keywords or evidence_types."))
            }
        }
        return condition
    }

    private func file(_ node: Node, _ key: String, _ problems: inout [PackProblem]) -> PackFile? {
        guard let fields = fields(node, key, allowed: ["template", "destination"], required: ["template", "destination"], &problems) else { return nil }
        guard let template = fields["template"].flatMap({ string($0, key + ".template", &problems) }),
              let destination = fields["destination"].flatMap({ string($0, key + ".destination", &problems) }) else { return nil }
        if !PackPaths.isSafeRelativePath(template) {
            problems.append(problem(fields["template"], key + ".template", "\(template.debugDescription) is not a plain relative path inside the pack folder; remove `..`, `/` at the start and `.git`."))
        }
        return PackFile(template: template, destination: destination)
    }

    private func variables(_ node: Node, _ problems: inout [PackProblem]) -> [String] {
        strings(node, "variables", &problems).compactMap { name in
            if PackVariables.catalog.contains(where: { $0.name == name.text }) { return name.text }
            problems.append(problem(name.node, "variables", "\(name.text.debugDescription) is not a template variable; see docs/templates.md for the list."))
            return nil
        }
    }

    private func step(_ node: Node, _ key: String, _ problems: inout [PackProblem]) -> PackStep? {
        let allowed: Set<String> = ["name", "run", "timeout_seconds", "produces", "commit"]
        guard let fields = fields(node, key, allowed: allowed, required: ["name", "run"], &problems),
              let name = fields["name"].flatMap({ string($0, key + ".name", &problems) }),
              let run = fields["run"].flatMap({ string($0, key + ".run", &problems) }) else { return nil }
        var timeout = 600
        if let value = fields["timeout_seconds"] {
            if let number = value.int, (1...3600).contains(number) { timeout = number } else {
                problems.append(problem(value, key + ".timeout_seconds", "must be a whole number of seconds from 1 to 3600."))
            }
        }
        let produces = fields["produces"].map { strings($0, key + ".produces", &problems).map(\.text) } ?? []
        var commit = false
        if let value = fields["commit"] {
            if let flag = value.bool { commit = flag } else { problems.append(problem(value, key + ".commit", "must be true or false.")) }
        }
        return PackStep(name: name, run: run, timeoutSeconds: timeout, produces: produces, commit: commit)
    }

    private func check(_ node: Node, _ key: String, _ problems: inout [PackProblem]) -> PackCheck? {
        guard let fields = fields(node, key, allowed: ["rule", "with"], required: ["rule"], &problems),
              let ruleNode = fields["rule"], let rule = string(ruleNode, key + ".rule", &problems) else { return nil }
        guard let definition = PackCheckRules.catalog.first(where: { $0.name == rule }) else {
            let known = PackCheckRules.catalog.map(\.name).joined(separator: ", ")
            problems.append(problem(ruleNode, key + ".rule", "\(rule.debugDescription) is not a pack check; use one of \(known)."))
            return nil
        }
        var parameters: [String: String] = [:]
        if let with = fields["with"] {
            guard case .mapping(let mapping) = with else {
                problems.append(problem(with, key + ".with", "must be a mapping of parameter names to values."))
                return nil
            }
            for (nameNode, value) in mapping {
                let name = nameNode.string ?? ""
                guard definition.parameters.contains(where: { $0.name == name }) || definition.acceptsAnyParameter else {
                    let known = definition.parameters.map(\.name).joined(separator: ", ")
                    problems.append(problem(nameNode, "\(key).with.\(name)", "is not a parameter of \(rule); use \(known)."))
                    continue
                }
                if let text = string(value, "\(key).with.\(name)", &problems) { parameters[name] = text }
            }
        }
        for parameter in definition.parameters where parameter.required && parameters[parameter.name] == nil {
            problems.append(problem(node, key + ".with." + parameter.name, "is missing; \(rule) needs it (\(parameter.summary))."))
        }
        return PackCheck(rule: rule, parameters: parameters)
    }

    private func fields(_ node: Node, _ key: String, allowed: Set<String>, required: [String], _ problems: inout [PackProblem]) -> [String: Node]? {
        guard case .mapping(let mapping) = node else {
            problems.append(problem(node, key, "must be a mapping with \(required.joined(separator: " and "))."))
            return nil
        }
        var fields: [String: Node] = [:]
        for (keyNode, value) in mapping {
            let name = keyNode.string ?? ""
            guard allowed.contains(name) else {
                problems.append(problem(keyNode, key + "." + name, "is not allowed here; use \(allowed.sorted().joined(separator: ", "))."))
                continue
            }
            fields[name] = value
        }
        let missing = required.filter { fields[$0] == nil }
        guard missing.isEmpty else {
            problems.append(problem(node, key, "needs \(missing.joined(separator: " and ")); add \(missing.count == 1 ? "it" : "them")."))
            return nil
        }
        return fields
    }

    private func list(_ node: Node, _ key: String, _ problems: inout [PackProblem]) -> [Node] {
        if case .sequence(let sequence) = node { return Array(sequence) }
        if node.scalar != nil, node.null != nil { return [] }
        problems.append(problem(node, key, "must be a list (one `- ` item per line)."))
        return []
    }

    private func strings(_ node: Node, _ key: String, _ problems: inout [PackProblem]) -> [(text: String, node: Node)] {
        list(node, key, &problems).compactMap { item in string(item, key, &problems).map { ($0, item) } }
    }

    private func string(_ node: Node, _ key: String, _ problems: inout [PackProblem]) -> String? {
        guard let scalar = node.scalar else {
            problems.append(problem(node, key, "must be a single value, not a list or mapping."))
            return nil
        }
        return scalar.string
    }

    private func problem(_ node: Node?, _ key: String, _ message: String) -> PackProblem {
        PackProblem(file: fileName, line: node?.mark?.line, key: key, message: message)
    }

    private static func describe(_ error: any Error) -> String {
        let text = String(describing: error).split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
        return String(text.prefix(200))
    }
}
