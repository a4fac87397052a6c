

/// One task request (`requests.items[]`, protocol §3.4).
public struct TaskRequestItem: Sendable, Hashable {
    /// `req_…`.
    public var requestID: String
    /// `signing|published|queued|generating|proposed|failed|cancelled`.
    public var status: String
    /// The offer made for it, once generated.
    public var generatedTaskID: String?
    /// The requested kind.
    public var requestedTaskKind: String?
    /// The request text.
    public var userDetailText: String?
    /// The last generation error.
    public var lastError: String?
    /// The item exactly as received.
    public var raw: LiteralJSON

    /// A request item.
    public init(requestID: String, status: String, generatedTaskID: String?, requestedTaskKind: String?,
                userDetailText: String?, lastError: String?, raw: LiteralJSON) {
        self.requestID = requestID
        self.status = status
        self.generatedTaskID = generatedTaskID
        self.requestedTaskKind = requestedTaskKind
        self.userDetailText = userDetailText
        self.lastError = lastError
        self.raw = raw
    }
}
