import Foundation

/// What pfbot asked GitHub to redeliver of one webhook delivery.
public struct RedeliveryRecord: Sendable, Equatable {
    /// The delivery's GUID (`X-GitHub-Delivery`), shared by all its attempts.
    public var guid: String
    /// GitHub's id of the attempt pfbot last asked to redeliver (or gave up on).
    public var githubDeliveryID: Int64
    /// How many times pfbot asked (a request to give up counts as one more).
    public var requests: Int
    /// When pfbot last asked.
    public var requestedAt: Date

    public init(guid: String, githubDeliveryID: Int64, requests: Int, requestedAt: Date) {
        self.guid = guid
        self.githubDeliveryID = githubDeliveryID
        self.requests = requests
        self.requestedAt = requestedAt
    }
}
