import Foundation

/// One annotation on a file line.
public struct CheckAnnotation: Codable, Sendable, Equatable {
    /// The file path relative to the repository root.
    public var path: String
    /// First line (1-based).
    public var startLine: Int
    /// Last line.
    public var endLine: Int
    /// `notice`, `warning` or `failure`.
    public var annotationLevel: String
    /// The message (up to 64 KB).
    public var message: String
    /// A short title.
    public var title: String?
    /// Extra detail.
    public var rawDetails: String?

    /// Creates an annotation.
    public init(path: String, startLine: Int, endLine: Int, level: String, message: String, title: String? = nil, rawDetails: String? = nil) {
        self.path = path
        self.startLine = startLine
        self.endLine = endLine
        self.annotationLevel = level
        self.message = message
        self.title = title
        self.rawDetails = rawDetails
    }
}
