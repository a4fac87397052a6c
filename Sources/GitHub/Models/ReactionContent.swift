import Foundation

/// A reaction kind (`+1`, `-1`, `laugh`, `confused`, `heart`, `hooray`, `rocket`, `eyes`).
public struct ReactionContent: RawRepresentable, Codable, Sendable, Hashable {
    /// The wire value.
    public var rawValue: String
    /// Creates a kind from its wire value.
    public init(rawValue: String) { self.rawValue = rawValue }
    /// 👍
    public static let thumbsUp = ReactionContent(rawValue: "+1")
    /// 👎
    public static let thumbsDown = ReactionContent(rawValue: "-1")
    /// 😄
    public static let laugh = ReactionContent(rawValue: "laugh")
    /// 😕
    public static let confused = ReactionContent(rawValue: "confused")
    /// ❤️
    public static let heart = ReactionContent(rawValue: "heart")
    /// 🎉
    public static let hooray = ReactionContent(rawValue: "hooray")
    /// 🚀
    public static let rocket = ReactionContent(rawValue: "rocket")
    /// 👀
    public static let eyes = ReactionContent(rawValue: "eyes")
    /// Every kind GitHub accepts.
    public static let all: [ReactionContent] = [.thumbsUp, .thumbsDown, .laugh, .confused, .heart, .hooray, .rocket, .eyes]
}
