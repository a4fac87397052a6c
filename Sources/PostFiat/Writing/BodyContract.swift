/// The top-level keys each write route accepts (protocol §4, `request-body-contracts.js`); pfbot checks its
/// own bodies against them before sending, so it never sends a key the route rejects.
public enum BodyContract {
    /// Keys accepted by `/api/tasks/action`, `/api/tasks/submission` and `/api/tasks/request`.
    public static let taskKeys: Set<String> = [
        "phase", "taskId", "task_id", "taskAction", "task_action", "action", "requestId", "bundleId", "requestText",
        "userDetailText", "message", "requestedTaskKind", "source", "sourceConversationTitle", "conversationId",
        "attachments", "offchainPayload", "actorSignature", "actor_signature", "method", "artifactType", "artifact_type",
        "value", "summary", "evidence", "evidence_items", "file", "cid", "eventCid", "txHash", "metadata", "agentOrigin",
        "agentHandle", "client",
    ]
    /// Keys accepted by `/api/auth/wallet/start`.
    public static let walletStartKeys: Set<String> = ["address", "publicKey", "public_key"]
    /// Keys accepted by `/api/auth/wallet/verify`.
    public static let walletVerifyKeys: Set<String> = ["challengeId", "challenge_id", "address", "publicKey", "public_key", "signature"]

    /// Keys pfbot must never send even though a broader contract might allow them (they replace server refs).
    static let neverSent: Set<String> = ["txHash", "cid"]

    /// Throws ``TaskNodeError/forbiddenBodyKey(route:key:)`` unless every top-level key of `body` is in `allowed`.
    static func check(_ body: LiteralJSON, allowed: Set<String>, route: String) throws {
        for key in (body.objectValue ?? [:]).keys.sorted() where !allowed.contains(key) || neverSent.contains(key) {
            throw TaskNodeError.forbiddenBodyKey(route: route, key: key)
        }
    }
}
