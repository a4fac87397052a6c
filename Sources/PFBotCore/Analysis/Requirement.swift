/// One numbered item of a task's requirement checklist, with where it came from.
public struct Requirement: Hashable, Sendable, Codable, Identifiable {
    /// Position in the checklist, starting at 1.
    public var id: Int
    /// The requirement text, as inert data (never interpreted as markup or template).
    public var text: String
    /// Which part of the task it was read from.
    public var source: Source
    /// A concrete deliverable named by the requirement, if any.
    public var deliverable: Deliverable?
    /// Whether the contributor has ticked it on the issue.
    public var isChecked: Bool

    /// A requirement; unchecked unless said otherwise.
    public init(id: Int, text: String, source: Source, deliverable: Deliverable? = nil, isChecked: Bool = false) {
        self.id = id
        self.text = text
        self.source = source
        self.deliverable = deliverable
        self.isChecked = isChecked
    }

    /// The part of the task a requirement was read from.
    public enum Source: String, Sendable, Codable, CaseIterable {
        case description, step, verification, submission
    }
}

/// A concrete thing a requirement asks to be handed in.
public enum Deliverable: Hashable, Sendable, Codable {
    /// A file of a kind (`csv`, `md`, `png` …), optionally with a minimum number of rows or items.
    case file(kind: String, minimumCount: Int?)
    /// A screenshot or image.
    case screenshot
    /// A link to something public.
    case url(String)
    /// A GitHub commit or pull request.
    case githubCommit
    /// Running code with its tests.
    case code
}
