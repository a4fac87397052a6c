/// The variables templates, destinations, steps and check parameters can use. The catalog is the source of the
/// variables table in docs/templates.md, and `variables:` in a `pack.yml` may name only these.
public enum PackVariables {
    /// A variable: its name (dotted inside an object), type, meaning and an example value.
    public struct Variable: Sendable, Equatable {
        /// The name as written in a template.
        public var name: String
        /// Its type: `string`, `boolean`, `list of …`, `object`.
        public var type: String
        /// What it holds.
        public var summary: String
        /// An example value.
        public var example: String
    }

    /// Every variable, in documentation order.
    public static let catalog: [Variable] = [
        Variable(name: "id", type: "string", summary: "The Post Fiat task id.", example: "task_0123456789abcdef0123456789abcdef"),
        Variable(name: "title", type: "string", summary: "The task title, one line, at most 200 characters.", example: "Write the onboarding guide"),
        Variable(name: "kind", type: "string", summary: "The task kind.", example: "personal"),
        Variable(name: "category", type: "string", summary: "The category the analyzer chose.", example: "docs"),
        Variable(name: "reward", type: "string", summary: "The offered reward in PFT.", example: "250"),
        Variable(name: "description", type: "string", summary: "The task description, cleaned of control characters.", example: "Explain how to install pfbot."),
        Variable(name: "steps", type: "list of strings", summary: "The task's steps.", example: "[\"Draft\", \"Review\"]"),
        Variable(name: "hasSteps", type: "boolean", summary: "Whether the task has steps.", example: "true"),
        Variable(name: "requirements", type: "list of {id, text}", summary: "The numbered requirement checklist.", example: "[{id: 1, text: \"Cover installation\"}]"),
        Variable(name: "hasRequirements", type: "boolean", summary: "Whether any requirement was extracted.", example: "true"),
        Variable(name: "evidenceType", type: "string", summary: "The submission evidence type the task asks for.", example: "url"),
        Variable(name: "evidenceCriteria", type: "string (optional)", summary: "What the evidence must show.", example: "A link to the merged guide"),
        Variable(name: "verificationAsk", type: "string (optional)", summary: "How the reviewer will verify the work.", example: "Link the published page."),
        Variable(name: "due", type: "string (optional)", summary: "The deadline, ISO 8601.", example: "2026-12-31T00:00:00Z"),
        Variable(name: "estimateHours", type: "string", summary: "The analyzer's estimate in hours.", example: "6"),
        Variable(name: "folder", type: "string", summary: "The task folder every pack writes into.", example: "tasks/write-the-onboarding-guide-b4c344c555f1"),
        Variable(name: "slug", type: "string", summary: "The task slug (also the branch name after the prefix).", example: "write-the-onboarding-guide-b4c344c555f1"),
        Variable(name: "pack", type: "string", summary: "The chosen pack's name.", example: "docs"),
        Variable(name: "packReason", type: "string", summary: "Why the pack was chosen.", example: "category docs; keywords guide"),
        Variable(name: "mentionsFlow", type: "boolean", summary: "Whether the task mentions a flow, architecture, pipeline, sequence or diagram.", example: "true"),
        Variable(name: "questions", type: "list of {number, text, hasRequirement}", summary: "The questions the task asks (sentences ending in `?`), else its requirements.", example: "[{number: 1, text: \"Which validators are up?\", hasRequirement: false}]"),
        Variable(name: "questions[].requirement", type: "integer (optional)", summary: "The requirement a question was made from, when the task asks no question; `questions[].hasRequirement` says whether it is set.", example: "2"),
        Variable(name: "questionsAsked", type: "boolean", summary: "Whether the task itself asks questions (otherwise the questions are its requirements).", example: "false"),
        Variable(name: "columns", type: "list of {name, type, format, last}", summary: "The CSV columns the task names (`columns: a, b and c`), snake_case; `type` is a Table Schema type.", example: "[{name: \"domain\", type: \"string\", last: false}]"),
        Variable(name: "columnsNamed", type: "boolean", summary: "Whether the task named the columns (otherwise `name, value, source` are proposed).", example: "true"),
        Variable(name: "rowCount", type: "string", summary: "The least number of rows the task asks for (a CSV requirement, else `N rows`, `N records`, `N entries` in its text), or empty.", example: "20"),
        Variable(name: "hasRowCount", type: "boolean", summary: "Whether the task asks for a number of rows.", example: "true"),
        Variable(name: "platforms", type: "list of {name, label, limit}", summary: "The platforms the task names, with their post length limits (X and LinkedIn when none is named).", example: "[{name: \"x\", label: \"X\", limit: 280}]"),
        Variable(name: "hasToolchain", type: "boolean", summary: "Whether a build toolchain was found at the repository root.", example: "true"),
        Variable(name: "toolchain", type: "object (optional)", summary: "The detected toolchain; absent when none. Also has one boolean per toolchain name (`toolchain.swift`).", example: "{name: \"swift\", …}"),
        Variable(name: "toolchain.name", type: "string", summary: "`swift`, `node`, `python`, `go`, `rust` or `make`.", example: "swift"),
        Variable(name: "toolchain.marker", type: "string", summary: "The root file that identified it.", example: "Package.swift"),
        Variable(name: "toolchain.testCommand", type: "string", summary: "The command that runs the tests.", example: "swift test"),
        Variable(name: "toolchain.sourcePath", type: "string", summary: "The scaffolded source file.", example: "Sources/App/OnboardingGuide.swift"),
        Variable(name: "toolchain.testPath", type: "string", summary: "The scaffolded test.", example: "Tests/AppTests/OnboardingGuideTests.swift"),
        Variable(name: "toolchain.moduleName", type: "string", summary: "The module, package or crate of the source.", example: "App"),
        Variable(name: "toolchain.symbolName", type: "string", summary: "The type or function name made from the title.", example: "OnboardingGuide"),
    ]
}
