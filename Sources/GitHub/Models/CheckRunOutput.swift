import Foundation

/// The output of a check run to create or update.
public struct CheckRunOutput: Sendable, Equatable {
    /// The title.
    public var title: String
    /// The Markdown summary; truncated to GitHub's 65,535-character limit with a note.
    public var summary: String
    /// Optional Markdown details (same limit).
    public var text: String?
    /// Annotations; sent in batches of 50.
    public var annotations: [CheckAnnotation]

    /// Creates an output.
    public init(title: String, summary: String, text: String? = nil, annotations: [CheckAnnotation] = []) {
        self.title = title
        self.summary = summary
        self.text = text
        self.annotations = annotations
    }
}
