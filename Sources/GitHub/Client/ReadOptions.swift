import Foundation

/// Options of a read that follows a webhook.
public struct ReadOptions: Sendable, Equatable {
    /// Retry a 404 (twice, briefly): the object was named by a webhook just received and may not be readable yet.
    public var retryNotFound: Bool

    /// Creates options.
    public init(retryNotFound: Bool = false) {
        self.retryNotFound = retryNotFound
    }

    /// A plain read.
    public static let standard = ReadOptions()
    /// A read of an object named in a just-received webhook.
    public static let afterWebhook = ReadOptions(retryNotFound: true)
}
