/// The QC rules a pack's `checks:` can add, with their parameters. The catalog is the source of the rules table in
/// docs/templates.md and of the validation of `checks:` in a `pack.yml`.
public enum PackCheckRules {
    /// A parameter of a rule.
    public struct Parameter: Sendable, Equatable {
        /// The parameter's name under `with:`.
        public var name: String
        /// Whether it must be given.
        public var required: Bool
        /// What it means.
        public var summary: String
    }

    /// A rule a pack can add.
    public struct Definition: Sendable, Equatable {
        /// The rule's name in `checks[].rule` and in QC reports (`pack:<name>`).
        public var name: String
        /// What the rule checks.
        public var summary: String
        /// Its parameters.
        public var parameters: [Parameter]
        /// Whether parameters other than those listed are accepted (per-platform limits).
        public var acceptsAnyParameter: Bool
    }

    /// Every rule, in documentation order.
    public static let catalog: [Definition] = [
        Definition(name: "requirements-addressed", summary: "Every requirement has a section (a heading containing `R<n>`) with text of its own, not only the quoted brief or a `TODO(pf)`.",
                   parameters: [Parameter(name: "file", required: true, summary: "the Markdown file, relative to the task folder")], acceptsAnyParameter: false),
        Definition(name: "source-urls", summary: "The sources table (under the heading given) has at least one row, and every row holds a well-formed http(s) URL.",
                   parameters: [Parameter(name: "file", required: true, summary: "the Markdown file, relative to the task folder"),
                                Parameter(name: "heading", required: false, summary: "the heading above the table (default `Sources`)")], acceptsAnyParameter: false),
        Definition(name: "table-schema", summary: "The CSV's header equals the Table Schema's fields, and every row has one value per field of the field's type (`string`, `number`, `integer`, `boolean`, `date`, URI format), required fields filled.",
                   parameters: [Parameter(name: "csv", required: true, summary: "the CSV file, relative to the task folder"),
                                Parameter(name: "schema", required: true, summary: "the `datapackage.json` whose resource for the CSV holds the schema")], acceptsAnyParameter: false),
        Definition(name: "row-count", summary: "The CSV has at least the number of data rows asked for (at least one when no number is given).",
                   parameters: [Parameter(name: "csv", required: true, summary: "the CSV file, relative to the task folder"),
                                Parameter(name: "minimum", required: false, summary: "the least number of rows; `{{rowCount}}` takes it from the task")], acceptsAnyParameter: false),
        Definition(name: "length-limits", summary: "Every draft (a fenced block under a `## <Platform>` heading) fits the platform's length limit; a thread is several blocks.",
                   parameters: [Parameter(name: "file", required: true, summary: "the Markdown file of drafts, relative to the task folder"),
                                Parameter(name: "<platform>", required: false, summary: "a limit in characters for that platform, overriding the built-in one")], acceptsAnyParameter: true),
        Definition(name: "toolchain-tests", summary: "Turns on the `tests` QC rule with this command (`qc.test_command` overrides it). The command runs inside GitHub Actions (`pfbot action`) on the judged commit and fails QC on a non-zero exit or a timeout; on the pfbot server it never runs and the rule passes, saying so.",
                   parameters: [Parameter(name: "command", required: true, summary: "the test command, e.g. `{{toolchain.testCommand}}`")], acceptsAnyParameter: false),
    ]

    /// The rule for a check, or `nil` for an unknown name (the manifest parser refuses those).
    /// - Parameters:
    ///   - name: the rule's name.
    ///   - parameters: its rendered parameters.
    ///   - pack: the pack that adds it.
    /// - Returns: the rule.
    public static func rule(_ name: String, parameters: [String: String], pack: String) -> (any QCRule)? {
        switch name {
        case "requirements-addressed": return RequirementsAddressedRule(file: parameters["file"] ?? "")
        case "source-urls": return SourceURLsRule(file: parameters["file"] ?? "", heading: parameters["heading"] ?? "Sources")
        case "table-schema": return TableSchemaRule(csv: parameters["csv"] ?? "", schema: parameters["schema"] ?? "")
        case "row-count": return RowCountRule(csv: parameters["csv"] ?? "", minimum: Int(parameters["minimum"] ?? "") ?? 1)
        case "length-limits":
            var limits = Dictionary(uniqueKeysWithValues: TaskSignals.knownPlatforms.map { ($0.label.lowercased(), $0.limit) })
            for (key, value) in parameters where key != "file" { if let limit = Int(value) { limits[key.lowercased()] = limit } }
            return LengthLimitsRule(file: parameters["file"] ?? "", limits: limits)
        case "toolchain-tests": return TestsRule(command: parameters["command"] ?? "")
        default: return nil
        }
    }
}

/// Markdown sections: each heading line with its level, title and the lines below it up to the next heading of the
/// same or a higher level.
struct MarkdownSections {
    struct Section {
        var level: Int
        var title: String
        var line: Int
        var body: [(line: Int, text: Substring)]
    }

    let sections: [Section]

    init(_ text: String) {
        var sections: [Section] = []
        var fenced = false
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if line.hasPrefix("```") { fenced.toggle() }
            let hashes = line.prefix { $0 == "#" }.count
            if !fenced, (1...6).contains(hashes), line.dropFirst(hashes).first == " " {
                sections.append(Section(level: hashes, title: line.dropFirst(hashes).trimmingCharacters(in: .whitespaces), line: index + 1, body: []))
            } else if !sections.isEmpty {
                sections[sections.count - 1].body.append((index + 1, line))
            }
        }
        self.sections = sections
    }
}
