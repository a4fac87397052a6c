import PFBotCore

/// A template pack's `pack.yml`: when the pack applies, the files it renders, the variables they use, the steps that
/// produce deliverables (run in GitHub Actions only) and the QC checks it adds.
public struct PackManifest: Sendable, Equatable {
    /// The pack's name; equal to its folder name.
    public var name: String
    /// One line saying what the pack scaffolds.
    public var description: String
    /// When the pack applies.
    public var when: PackCondition
    /// Template → destination path pairs.
    public var files: [PackFile]
    /// The variables the pack's templates use (names from ``PackVariables/catalog``).
    public var variables: [String]
    /// Named commands that produce deliverables.
    public var steps: [PackStep]
    /// The QC rules the pack adds, with their parameters.
    public var checks: [PackCheck]

    /// Creates a manifest from its parts.
    public init(name: String, description: String, when: PackCondition, files: [PackFile], variables: [String], steps: [PackStep], checks: [PackCheck]) {
        self.name = name
        self.description = description
        self.when = when
        self.files = files
        self.variables = variables
        self.steps = steps
        self.checks = checks
    }
}

/// The `when:` section: a pack matches a task by category, by keywords in its text, and by evidence type.
public struct PackCondition: Sendable, Equatable {
    /// Task categories the pack is for.
    public var categories: [Category]
    /// Words looked for (case-insensitively) in the title, description and requirements.
    public var keywords: [String]
    /// Submission evidence types (`url`, `text`, `code` …) the pack suits.
    public var evidenceTypes: [String]

    /// Creates a condition.
    public init(categories: [Category] = [], keywords: [String] = [], evidenceTypes: [String] = []) {
        self.categories = categories
        self.keywords = keywords
        self.evidenceTypes = evidenceTypes
    }
}

/// One file a pack renders: a Mustache template in the pack folder and its destination in the repository.
public struct PackFile: Sendable, Equatable {
    /// The template's path inside the pack folder.
    public var template: String
    /// The destination path, itself a Mustache template (`{{folder}}/GUIDE.md`); a destination that renders empty
    /// is skipped, which is how a file is made conditional.
    public var destination: String

    /// Creates a file entry.
    public init(template: String, destination: String) {
        self.template = template
        self.destination = destination
    }
}

/// A named command that produces deliverables. Steps run only inside GitHub Actions, never on the pfbot server.
public struct PackStep: Sendable, Equatable {
    /// The step's name.
    public var name: String
    /// The shell command (a Mustache template).
    public var run: String
    /// The longest the command may run, in seconds.
    public var timeoutSeconds: Int
    /// Paths the command produces.
    public var produces: [String]
    /// Whether the produced paths are committed back to the task branch.
    public var commit: Bool

    /// Creates a step.
    public init(name: String, run: String, timeoutSeconds: Int, produces: [String], commit: Bool) {
        self.name = name
        self.run = run
        self.timeoutSeconds = timeoutSeconds
        self.produces = produces
        self.commit = commit
    }
}

/// A QC rule a pack adds, with its parameters (values are Mustache templates rendered with the task's variables).
public struct PackCheck: Sendable, Equatable {
    /// The rule's name (see ``PackCheckRules/catalog``).
    public var rule: String
    /// Parameter name → value.
    public var parameters: [String: String]

    /// Creates a check.
    public init(rule: String, parameters: [String: String] = [:]) {
        self.rule = rule
        self.parameters = parameters
    }
}
