import Foundation
import PostFiat

/// A task held by the emulator (one `task_projections` row plus its events).
public struct EmulatorTask: Sendable {
    /// `task_<32 hex>` or a seeded id.
    public var taskID: String
    /// The wallet it belongs to.
    public var wallet: String
    /// The title.
    public var title: String
    /// The description.
    public var description: String
    /// Up to five steps.
    public var steps: [String]
    /// `personal`, `network`, `alpha` or another kind.
    public var kind: String
    /// The current `statusKey`.
    public var statusKey: String
    /// The offered reward in PFT (decimal).
    public var offeredPFT: Decimal
    /// The reward paid, once rewarded.
    public var rewardPFT: Decimal?
    /// When the reward was decided (the `pf.reward.v1` event's time).
    public var rewardedAt: Date?
    /// `submissionRequirement.type`.
    public var requirementType: String
    /// `submissionRequirement.criteria`.
    public var criteria: String
    /// The request this task answers.
    public var requestID: String?
    /// Stored event payloads, oldest first.
    public var events: [LiteralJSON] = []
    /// Forensic timeline entries.
    public var timeline: [LiteralJSON] = []
    /// The newest verification request.
    public var verificationRequest: LiteralJSON?
    /// The reward outcome.
    public var rewardOutcome: LiteralJSON?
    /// The last event reference.
    public var txHash: String?
    /// When the projection last changed.
    public var updatedAt: Date
    /// Extra fields merged over the public task object (to model hostile servers in tests).
    public var overrides: [String: LiteralJSON] = [:]

    /// A task as the generation worker would write it (`proposed`).
    public init(taskID: String, wallet: String, title: String, description: String = "", steps: [String] = [],
                kind: String = "personal", offeredPFT: Decimal, requirementType: String = "url", criteria: String = "",
                requestID: String? = nil, updatedAt: Date) {
        self.taskID = taskID
        self.wallet = wallet
        self.title = title
        self.description = description
        self.steps = Array(steps.prefix(5))
        self.kind = kind
        self.statusKey = "proposed"
        self.offeredPFT = offeredPFT
        self.requirementType = requirementType
        self.criteria = criteria
        self.requestID = requestID
        self.updatedAt = updatedAt
    }

    static let labels: [String: String] = [
        "proposed": "Proposed", "accepted": "Accepted", "submitted": "Submitted",
        "verification_requested": "Verification requested",
        "verification_response_submitted": "Verification response submitted", "reward_decided": "Reward pending",
        "rewarded": "Rewarded", "refused": "Refused", "rejected": "Rejected", "expired": "Expired", "cancelled": "Cancelled",
    ]

    /// The list bucket of a `statusKey` (protocol §3.1).
    static func bucket(of statusKey: String) -> String {
        switch statusKey {
        case "verification_requested", "verification_response_submitted": return "verification"
        case "reward_decided", "rewarded": return "rewarded"
        case "refused", "rejected", "expired", "cancelled": return "refused"
        default: return "outstanding"
        }
    }

    /// The `actions` flags for the current state (`tn:shared/task-lifecycle.js`).
    var actions: LiteralJSON {
        let cancellable = ["accepted", "submitted", "verification_requested", "verification_response_submitted"].contains(statusKey)
        return [
            "canAccept": .bool(statusKey == "proposed"), "canRefuse": .bool(statusKey == "proposed"),
            "canCancel": .bool(cancellable), "canStop": .bool(cancellable || statusKey == "proposed"),
            "canSubmitInitialEvidence": .bool(statusKey == "accepted"),
            "canSubmitVerificationEvidence": .bool(statusKey == "verification_requested"),
        ]
    }

    /// The `statusKey` the public object shows: a projection status outside the known list is `unknown`
    /// (`tn:shared/task-lifecycle.js:140`, protocol §12).
    var publicStatusKey: String { Self.labels[statusKey] == nil ? "unknown" : statusKey }

    /// The public task object (`publicTask`, protocol §3.2).
    var publicJSON: LiteralJSON {
        let kindLabel = kind.prefix(1).uppercased() + kind.dropFirst()
        let statusKey = publicStatusKey
        let pft = statusKey == "rewarded" ? (rewardPFT ?? 0) : offeredPFT
        var metadata: [String: LiteralJSON] = ["eventCount": .int(events.count)]
        if let requestID { metadata["requestId"] = .string(requestID) }
        let updated = ISOTimestamp.string(from: updatedAt)
        var members: [String: LiteralJSON] = [
            "taskId": .string(taskID), "fullId": .string(taskID), "id": .string(String(taskID.prefix(12))),
            "title": .string(title), "description": .string(description), "steps": .array(steps.map { .string($0) }),
            "kind": .string(kindLabel),
            "originalKind": .string(kindLabel), "taskClass": .string(kind), "isNetworkTask": .bool(kind == "network"),
            "status": .string(Self.labels[statusKey] ?? "Unknown"), "statusKey": .string(statusKey),
            "statusTab": .string(Self.bucket(of: statusKey)), "pft": .number("\(pft)"),
            "verification": [
                "title": "Verification", "body": .string(criteria), "policy": "standard",
                "submissionRequirement": ["type": .string(requirementType), "criteria": .string(criteria)],
            ],
            "verificationPolicy": ["followup_required": true, "mode": "review", "verification_type": .string(requirementType)],
            "dueAt": .null, "acceptBy": .null, "deadlineAt": .null,
            "txHash": txHash.map { .string($0) } ?? .null, "metadata": .object(metadata),
            "updatedAt": .string(updated), "lastEventAt": .string(updated), "integrity": ["status": "ok"],
        ]
        for (key, value) in overrides { members[key] = value }
        return .object(members)
    }
}
