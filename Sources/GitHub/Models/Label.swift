import Foundation

/// An issue label.
public struct Label: Codable, Sendable, Equatable {
    /// The numeric id (absent when GitHub returns a bare name).
    public var id: Int?
    /// The label name; GitHub compares names case-insensitively.
    public var name: String
    /// Six hex digits without `#`, e.g. `d73a4a`.
    public var color: String?
    /// The description.
    public var description: String?
    /// Whether it is one of GitHub's default labels.
    public var `default`: Bool?

    /// Creates a label value.
    public init(id: Int? = nil, name: String, color: String? = nil, description: String? = nil) {
        self.id = id
        self.name = name
        self.color = color
        self.description = description
    }
}
