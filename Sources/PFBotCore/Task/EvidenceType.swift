/// The kinds of evidence the Task Node accepts (`submissionRequirement.type`, `artifact_type`).
public enum EvidenceType: String, Sendable, Codable, CaseIterable, CustomStringConvertible {
    case text
    case url
    case githubCommit = "github_commit"
    case screenshot
    case file
    case code
    case mixed

    public var description: String { rawValue }
}

/// What the task asks to be handed in, and how it will be judged.
public struct SubmissionRequirement: Hashable, Sendable, Codable {
    /// The evidence type asked for; `nil` when the Task Node names a type pfbot does not know.
    public var type: EvidenceType?
    /// The type exactly as the Task Node wrote it.
    public var rawType: String
    /// The criteria text.
    public var criteria: String

    /// A requirement from the Task Node's raw type text and criteria.
    public init(rawType: String, criteria: String) {
        self.rawType = rawType
        self.type = EvidenceType(rawValue: rawType)
        self.criteria = criteria
    }
}
