import Foundation

/// Builds the `offchainPayload` objects of protocol §4.3 and §4.4 (direct mode).
public struct PayloadBuilder: Sendable {
    /// The chain label (`pftl-testnet`).
    public var chain: String
    /// The wallet acting (also the subject).
    public var wallet: String
    /// `wallets.authority` from the config reply ("" when absent).
    public var authorityWallet: String
    /// `wallets.allocation` from the config reply ("" when absent).
    public var allocationWallet: String

    /// A builder.
    public init(chain: String = "pftl-testnet", wallet: String, authorityWallet: String, allocationWallet: String) {
        self.chain = chain
        self.wallet = wallet
        self.authorityWallet = authorityWallet
        self.allocationWallet = allocationWallet
    }

    private func common(schema: String, taskID: String, timestamp: String) -> [String: LiteralJSON] {
        [
            "schema": .string(schema), "protocol": "tasknode.pftl", "created_at": .string(timestamp),
            "chain": .string(chain), "task_id": .string(taskID), "actor_wallet": .string(wallet),
            "subject_wallet": .string(wallet), "authority_wallet": .string(authorityWallet),
            "allocation_wallet": .string(allocationWallet),
        ]
    }

    /// The payload of an accept/refuse/cancel, with its derived `event_id`.
    public func action(_ action: TaskLifecycleAction, taskID: String, reason: String, timestamp: String) -> LiteralJSON {
        var members = common(schema: "pf.task.update.v1", taskID: taskID, timestamp: timestamp)
        members["transition"] = .string(action.transition)
        members["status_after"] = .string(action.transition)
        members["reason"] = .string(reason)
        members[action.transition + "_at"] = .string(timestamp)
        return withEventID(.object(members))
    }

    /// The payload of a submission in `mode`, with its derived `event_id`.
    public func submission(mode: SubmissionMode, taskID: String, evidence: [Evidence], timestamp: String) -> LiteralJSON {
        var members = common(schema: mode.schema, taskID: taskID, timestamp: timestamp)
        let items: [LiteralJSON] = evidence.enumerated().map { position, item in
            var entry: [String: LiteralJSON] = [
                "index": .int(position + 1), "artifact_type": .string(item.type.rawValue), "value": .string(item.value),
            ]
            if let notes = item.notes { entry["notes"] = .string(notes) }
            return .object(entry)
        }
        let artifactType = evidence.count == 1 ? evidence[0].type.rawValue : "mixed"
        let combined: LiteralJSON = evidence.count == 1 ? items[0] : [
            "artifact_type": "mixed", "notes": .string("\(evidence.count) evidence items"), "evidence_items": .array(items),
        ]
        members["phase"] = .string(mode.rawValue)
        members["artifact_type"] = .string(artifactType)
        members["evidence_type"] = .string(artifactType)
        members["evidence_count"] = .int(evidence.count)
        members["evidence_items"] = .array(items)
        members["evidence"] = combined
        switch mode {
        case .initialSubmission:
            members["submitted_at"] = .string(timestamp)
            members["submission"] = combined
        case .verificationResponse:
            members["responded_at"] = .string(timestamp)
            members["response_text"] = .string(evidence.map(\.value).joined(separator: "\n\n"))
            members["response"] = combined
        }
        return withEventID(.object(members))
    }

    private func withEventID(_ payload: LiteralJSON) -> LiteralJSON {
        payload.setting("event_id", to: .string(TransitionSignature.eventID(for: payload)))
    }
}
