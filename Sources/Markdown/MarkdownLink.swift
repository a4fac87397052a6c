/// A link or image in a document's text (never one inside code).
public struct MarkdownLink: Sendable, Equatable {
    /// How the link is written.
    public enum Form: String, Sendable, Equatable {
        /// `[text](destination)`.
        case inline
        /// `[text][label]`, `[label][]` or `[label]`, resolved through a `[label]: destination` definition.
        case reference
        /// `<https://…>`, or a bare `https://…`, `www.…` or e-mail address.
        case autolink
    }

    /// Where the link points, as written (a reference link's comes from its definition; `www.` autolinks get `http://`).
    public var destination: String
    /// How the link is written.
    public var form: Form
    /// Whether it is an image (`![alt](src)`).
    public var isImage: Bool
    /// The 1-based line the link starts on.
    public var line: Int
    /// The 1-based byte column the link starts at.
    public var column: Int

    /// Creates a link from its parts.
    public init(destination: String, form: Form, isImage: Bool, line: Int, column: Int) {
        self.destination = destination
        self.form = form
        self.isImage = isImage
        self.line = line
        self.column = column
    }
}
