import struct Foundation.URL

/// `notifications.*`
public struct NotificationSettings: Sendable, Equatable {
    /// GitHub logins mentioned on new tasks and verification prompts.
    public var assignees: [String]
    /// An outbound webhook receiving a JSON body for each new task.
    public var webhookURL: URL?
    /// The HMAC-SHA256 key signing that body.
    public var webhookSecret: SecretReference?

    public init(assignees: [String], webhookURL: URL?, webhookSecret: SecretReference?) {
        self.assignees = assignees
        self.webhookURL = webhookURL
        self.webhookSecret = webhookSecret
    }
}
