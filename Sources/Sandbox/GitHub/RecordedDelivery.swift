import Foundation

/// A webhook the emulator sent (or tried to), as `GET /app/hook/deliveries` lists it.
public struct RecordedDelivery: Sendable, Equatable {
    /// The delivery id.
    public var id: Int
    /// The `X-GitHub-Delivery` GUID.
    public var guid: String
    /// The event name.
    public var event: String
    /// The action, if the payload has one.
    public var action: String?
    /// The receiver's status code (0 when dropped or unreachable).
    public var statusCode: Int
    /// Whether this was a redelivery.
    public var redelivery: Bool
    /// The signed body.
    public var body: Data
    /// When it was sent.
    public var deliveredAt: Date
    /// The installation, if any.
    public var installationID: Int?
    /// The repository id.
    public var repositoryID: Int?
}
