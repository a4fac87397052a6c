import Foundation

/// One delivery attempt of the App's webhook.
public struct HookDelivery: Codable, Sendable, Equatable {
    /// The delivery id (use it to redeliver).
    public var id: Int
    /// The `X-GitHub-Delivery` GUID.
    public var guid: String
    /// When it was delivered.
    public var deliveredAt: Date?
    /// Whether this was a redelivery.
    public var redelivery: Bool?
    /// Seconds it took.
    public var duration: Double?
    /// `OK` or a failure description.
    public var status: String?
    /// The HTTP status the receiver answered (0 when unreachable).
    public var statusCode: Int
    /// The event name.
    public var event: String
    /// The event action.
    public var action: String?
    /// The installation.
    public var installationId: Int?
    /// The repository.
    public var repositoryId: Int?
}
