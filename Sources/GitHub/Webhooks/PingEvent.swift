import Foundation

/// `ping`: sent when a webhook is created.
public struct PingEvent: Codable, Sendable, Equatable {
    /// A GitHub zen phrase.
    public var zen: String?
    /// The hook id.
    public var hookId: Int?
}
