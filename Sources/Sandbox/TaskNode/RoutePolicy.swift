

/// A route's policy: methods, auth, body limit and shared rate limit (`route-policies.js`, protocol §1 table).
struct RoutePolicy: Sendable {
    let path: String
    let policyID: String
    let methods: [String]
    let auth: RouteAuth
    let bodyLimit: Int
    let allowedKeys: Set<String>
    let sharedLimit: (limit: Int, windowSeconds: Double)?

    static let taskKeys: Set<String> = [
        "phase", "taskId", "task_id", "taskAction", "task_action", "action", "requestId", "bundleId", "requestText",
        "userDetailText", "message", "requestedTaskKind", "source", "sourceConversationTitle", "conversationId",
        "attachments", "offchainPayload", "actorSignature", "actor_signature", "method", "artifactType", "artifact_type",
        "value", "summary", "evidence", "evidence_items", "file", "cid", "eventCid", "txHash", "metadata", "agentOrigin",
        "agentHandle", "client", "encryptedPayload", "encryptedBundlePayload", "encryptedEventPayload", "bundleCid",
        "bundleDigest", "signedTxBlob", "pointer", "transaction",
    ]

    static let all: [RoutePolicy] = [
        RoutePolicy(path: "/api/auth/wallet/start", policyID: "auth_wallet_start", methods: ["POST"], auth: .none,
                    bodyLimit: 4096, allowedKeys: ["address", "publicKey", "public_key"], sharedLimit: (10, 600)),
        RoutePolicy(path: "/api/auth/wallet/verify", policyID: "auth_wallet_verify", methods: ["POST"], auth: .none,
                    bodyLimit: 4096, allowedKeys: ["challengeId", "challenge_id", "address", "publicKey", "public_key", "signature"],
                    sharedLimit: (20, 600)),
        RoutePolicy(path: "/api/auth/logout", policyID: "auth_logout", methods: ["POST"], auth: .optional, bodyLimit: 1024,
                    allowedKeys: [], sharedLimit: nil),
        RoutePolicy(path: "/api/session", policyID: "session", methods: ["GET"], auth: .optional, bodyLimit: 0,
                    allowedKeys: [], sharedLimit: nil),
        RoutePolicy(path: "/api/tasks", policyID: "tasks", methods: ["GET"], auth: .optional, bodyLimit: 0,
                    allowedKeys: [], sharedLimit: nil),
        RoutePolicy(path: "/api/tasks/detail", policyID: "task_detail", methods: ["GET"], auth: .optional, bodyLimit: 0,
                    allowedKeys: [], sharedLimit: nil),
        RoutePolicy(path: "/api/profile/reward-history", policyID: "profile_reward_history", methods: ["GET"], auth: .optional,
                    bodyLimit: 0, allowedKeys: [], sharedLimit: nil),
        RoutePolicy(path: "/api/tasks/requests", policyID: "task_requests", methods: ["GET"], auth: .optional, bodyLimit: 0,
                    allowedKeys: [], sharedLimit: nil),
        RoutePolicy(path: "/api/tasks/request", policyID: "task_request", methods: ["POST"], auth: .handler,
                    bodyLimit: 8 * 1024 * 1024, allowedKeys: taskKeys, sharedLimit: (20, 60)),
        RoutePolicy(path: "/api/tasks/action", policyID: "task_action", methods: ["POST"], auth: .handler,
                    bodyLimit: 8 * 1024 * 1024, allowedKeys: taskKeys, sharedLimit: (20, 60)),
        RoutePolicy(path: "/api/tasks/submission", policyID: "task_submission", methods: ["POST"], auth: .handler,
                    bodyLimit: 8 * 1024 * 1024, allowedKeys: taskKeys, sharedLimit: (20, 60)),
    ]

    static func find(_ path: String) -> RoutePolicy? { all.first { $0.path == path } }

    /// The largest body any route reads; the server stops collecting beyond it and answers 413.
    static let largestBodyLimit = 8 * 1024 * 1024
}
