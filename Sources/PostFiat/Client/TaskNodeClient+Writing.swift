import Foundation
import PFBotCore

extension TaskNodeClient {
    /// Accepts a proposed task (§4.3); a task already accepted counts as success.
    public func accept(_ id: TaskID, reason: String) async throws -> WriteReceipt {
        try await perform(.accept, on: id, reason: reason)
    }

    /// Refuses a proposed task (§4.3); the reason goes into the signed payload.
    public func refuse(_ id: TaskID, reason: String) async throws -> WriteReceipt {
        try await perform(.refuse, on: id, reason: reason)
    }

    /// Cancels an accepted, submitted or in-verification task (§4.3).
    public func cancel(_ id: TaskID, reason: String) async throws -> WriteReceipt {
        try await perform(.cancel, on: id, reason: reason)
    }

    /// Hands in the initial evidence of an accepted task (§4.4, `initial_submission`).
    public func submit(_ id: TaskID, evidence: [Evidence]) async throws -> WriteReceipt {
        try await submitEvidence(evidence, on: id, mode: .initialSubmission)
    }

    /// Answers the current verification prompt (§4.4, `verification_response`).
    public func respondToVerification(_ id: TaskID, evidence: [Evidence]) async throws -> WriteReceipt {
        try await submitEvidence(evidence, on: id, mode: .verificationResponse)
    }

    // MARK: - Actions (§4.3)

    /// Accept, refuse or cancel with a signed payload; a repeat whose task is already in the post-state succeeds.
    func perform(_ action: TaskLifecycleAction, on id: TaskID, reason: String) async throws -> WriteReceipt {
        let route = "/api/tasks/action"
        let taskID = id.rawValue
        let config = try await configPhase(route, ["phase": "config", "taskId": .string(taskID)])
        if config["status"]?.stringValue == action.transition {
            return WriteReceipt(taskID: taskID, transition: action.transition, status: action.transition,
                                eventID: nil, txHash: config["txHash"]?.stringValue, alreadyApplied: true)
        }
        let key = "\(taskID)|\(action.transition)"
        let payload = try pendingPayload(key: key, intent: reason) {
            builder(config).action(action, taskID: taskID, reason: reason, timestamp: ISOTimestamp.string(from: clock.now()))
        }
        let body = try signedBody(["phase": "submit", "taskId": .string(taskID), "taskAction": .string(action.rawValue)],
                                  payload: payload, taskID: taskID, transition: action.transition)
        return try await sendWrite(route: route, body: body, key: key, taskID: taskID, transition: action.transition,
                                   postState: action.transition, capClass: .taskAction, chargedBeforeGuard: true)
    }

    // MARK: - Submissions (§4.4)

    func submitEvidence(_ evidence: [Evidence], on id: TaskID, mode: SubmissionMode) async throws -> WriteReceipt {
        guard !evidence.isEmpty else { throw TaskNodeError.invalidEvidence("no evidence given; an empty submission would still advance the task") }
        guard evidence.count <= 2 else { throw TaskNodeError.invalidEvidence("give at most 2 evidence items (the reviewer reads the first 2)") }
        let route = "/api/tasks/submission"
        let taskID = id.rawValue
        let config: LiteralJSON
        do {
            config = try await configPhase(route, ["phase": "config", "taskId": .string(taskID)])
        } catch TaskNodeError.notAvailable(let code, let status, let actions) {
            if status == mode.postState {
                return WriteReceipt(taskID: taskID, transition: mode.rawValue, status: mode.postState, eventID: nil,
                                    txHash: nil, alreadyApplied: true)
            }
            throw TaskNodeError.notAvailable(code: code, status: status, actions: actions)
        }
        if let chosen = config["submissionMode"]?.stringValue, chosen != mode.rawValue {
            throw TaskNodeError.unexpectedSubmissionMode(expected: mode.rawValue, actual: chosen)
        }
        let key = "\(taskID)|\(mode.rawValue)"
        let intent = CanonicalJSON.sha256Hex(evidence.map { "\($0.type.rawValue)\u{0}\($0.value)\u{0}\($0.notes ?? "")" }.joined(separator: "\u{1}"))
        let payload = try pendingPayload(key: key, intent: intent) {
            builder(config).submission(mode: mode, taskID: taskID, evidence: evidence,
                                       timestamp: ISOTimestamp.string(from: clock.now()))
        }
        let body = try signedBody(["phase": "submit", "taskId": .string(taskID)], payload: payload, taskID: taskID,
                                  transition: mode.rawValue)
        return try await sendWrite(route: route, body: body, key: key, taskID: taskID, transition: mode.rawValue,
                                   postState: mode.postState, capClass: mode.agentAction, chargedBeforeGuard: false)
    }

    // MARK: - Task requests (§4.7)

    /// Asks for a new task (§4.7). The `requestId` is what makes a repeat the same request (the Task Node never generates a
    /// second offer for it). With a `key` (a comment line, say) the identifiers are derived from the wallet and the key, so
    /// any later repeat under that key, from any process, is the same request and nothing is kept on disk for it. Without
    /// one, the identifiers the Task Node gave are kept until the request is made, so a retry after a failure reuses them.
    public func requestTask(kind: TaskKind, text: String, key requestKey: String? = nil) async throws -> TaskRequestReceipt {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { throw TaskNodeError.invalidEvidence("the request text is empty; describe the task you want") }
        guard trimmed.count <= 8000 else { throw TaskNodeError.invalidEvidence("the request text exceeds 8000 characters") }
        let route = "/api/tasks/request"
        let pendingKey = "request|" + CanonicalJSON.sha256Hex(kind.name + "\u{0}" + trimmed)
        let identifiers: LiteralJSON
        if let requestKey {
            _ = try await requestConfig(route, kind: kind, text: trimmed)
            identifiers = Self.requestIdentifiers(wallet: signer.address, key: requestKey)
        } else if let pending = try pendingWrites.pending(for: pendingKey), let saved = try? LiteralJSON.parse(Data(pending.payloadJSON.utf8)) {
            identifiers = saved
        } else {
            let config = try await requestConfig(route, kind: kind, text: trimmed)
            guard let requestID = config["requestId"]?.stringValue, let bundleID = config["bundleId"]?.stringValue else {
                throw TaskNodeError.unexpectedShape("task request config returned no requestId/bundleId")
            }
            identifiers = ["requestId": .string(requestID), "bundleId": .string(bundleID)]
            try pendingWrites.save(PendingWrite(key: pendingKey, intent: pendingKey, payloadJSON: CanonicalJSON.string(of: identifiers)))
        }
        let body: LiteralJSON = [
            "phase": "submit", "requestId": identifiers["requestId"] ?? .null, "bundleId": identifiers["bundleId"] ?? .null,
            "userDetailText": .string(trimmed), "requestedTaskKind": .string(kind.name),
        ]
        let request = try post(route, body, allowed: BodyContract.taskKeys)
        let reply = try await withRetries {
            try await self.charging(.taskRequest, chargedBeforeGuard: false) { try await self.authorized(request) }
        }
        if requestKey == nil { try pendingWrites.remove(pendingKey) }
        let requestID = reply.json["requestId"]?.stringValue ?? identifiers["requestId"]?.stringValue ?? ""
        return TaskRequestReceipt(requestID: requestID, txHash: reply.json["txHash"]?.stringValue)
    }

    /// The `requestId` and `bundleId` of a keyed request: `req_` / `bundle_` and 40 hex digits of SHA-256 of the wallet
    /// and the key, inside the Task Node's `^[a-z]+_[A-Za-z0-9_-]{8,90}$` (§4.7) and never shared by two wallets.
    static func requestIdentifiers(wallet: String, key: String) -> LiteralJSON {
        let digest = String(CanonicalJSON.sha256Hex(wallet + "\u{0}" + key).prefix(40))
        return ["requestId": .string("req_" + digest), "bundleId": .string("bundle_" + digest)]
    }

    private func requestConfig(_ route: String, kind: TaskKind, text: String) async throws -> LiteralJSON {
        try await configPhase(route, ["phase": "config", "userDetailText": .string(text), "requestedTaskKind": .string(kind.name)])
    }

    // MARK: - Shared steps

    /// Sends a `phase:"config"` body (no quota) and checks the lifecycle mode (§0).
    func configPhase(_ route: String, _ body: LiteralJSON) async throws -> LiteralJSON {
        let request = try post(route, body, allowed: BodyContract.taskKeys)
        let reply = try await withRetries { try await self.authorized(request) }
        try Self.checkLifecycle(reply.json)
        return reply.json
    }

    /// Throws unless `offchainLifecycle` is `{enabled:true, dualWrite:false}`.
    static func checkLifecycle(_ config: LiteralJSON) throws {
        let lifecycle = config["offchainLifecycle"]
        let enabled = lifecycle?["enabled"]?.boolValue
        let dualWrite = lifecycle?["dualWrite"]?.boolValue
        guard enabled == true, dualWrite == false else {
            throw TaskNodeError.unsupportedLifecycleMode(enabled: enabled, dualWrite: dualWrite)
        }
    }

    func builder(_ config: LiteralJSON) -> PayloadBuilder {
        PayloadBuilder(chain: configuration.chain, wallet: signer.address,
                       authorityWallet: config["wallets"]?["authority"]?.stringValue ?? "",
                       allocationWallet: config["wallets"]?["allocation"]?.stringValue ?? "")
    }

    /// The payload to send for `key`: the persisted one when the intent is unchanged, else a new one (persisted).
    func pendingPayload(key: String, intent: String, build: () -> LiteralJSON) throws -> LiteralJSON {
        if let pending = try pendingWrites.pending(for: key), pending.intent == intent,
           let saved = try? LiteralJSON.parse(Data(pending.payloadJSON.utf8)) {
            return saved
        }
        let payload = build()
        try pendingWrites.save(PendingWrite(key: key, intent: intent, payloadJSON: CanonicalJSON.string(of: payload)))
        return payload
    }

    func signedBody(_ base: LiteralJSON, payload: LiteralJSON, taskID: String, transition: String) throws -> LiteralJSON {
        let signature = try TransitionSignature.make(payload: payload, taskID: taskID, transition: transition, signer: signer,
                                                     signedAt: ISOTimestamp.string(from: clock.now()))
        return base.setting("offchainPayload", to: payload).setting("actorSignature", to: signature)
    }

    /// One `submit` exchange under the agent cap: refused locally when pfbot's count says the cap is used up, reserved
    /// before it is sent, and given back when the Task Node did not charge it
    /// (``AgentCapLedger/settle(_:reservation:failure:chargedBeforeGuard:)``).
    func charging(_ action: AgentAction, chargedBeforeGuard: Bool,
                  _ exchange: () async throws -> TaskNodeReply) async throws -> TaskNodeReply {
        let reservation = try capLedger.reserve(action, caps: configuration.agentCaps, now: clock.now())
        do {
            let reply = try await exchange()
            capLedger.settle(action, reservation: reservation, failure: nil, chargedBeforeGuard: chargedBeforeGuard)
            return reply
        } catch {
            capLedger.settle(action, reservation: reservation, failure: error, chargedBeforeGuard: chargedBeforeGuard)
            throw error
        }
    }

    /// Sends a signed write with retries; before each retry the task is re-read, and a task already in
    /// `postState` (or a 409 naming it) counts as success (§6).
    func sendWrite(route: String, body: LiteralJSON, key: String, taskID: String, transition: String, postState: String,
                   capClass: AgentAction, chargedBeforeGuard: Bool) async throws -> WriteReceipt {
        let request = try post(route, body, allowed: BodyContract.taskKeys)
        let eventID = body["offchainPayload"]?["event_id"]?.stringValue
        let applied = WriteReceipt(taskID: taskID, transition: transition, status: postState, eventID: eventID, txHash: nil,
                                   alreadyApplied: true)
        do {
            let receipt = try await withRetries({
                let reply = try await self.charging(capClass, chargedBeforeGuard: chargedBeforeGuard) {
                    try await self.authorized(request)
                }
                return WriteReceipt(taskID: taskID, transition: transition, status: postState,
                                    eventID: reply.json["offchainLifecycle"]?["eventId"]?.stringValue ?? eventID,
                                    txHash: reply.json["txHash"]?.stringValue, alreadyApplied: false)
            }, recheck: {
                let detail = try await self.taskDetail(try TaskID(taskID))
                return detail.task.task.state.rawValue == postState ? applied : nil
            })
            try pendingWrites.remove(key)
            return receipt
        } catch TaskNodeError.notAvailable(let code, let status, let actions) {
            try pendingWrites.remove(key)
            if status == postState { return applied }
            throw TaskNodeError.notAvailable(code: code, status: status, actions: actions)
        } catch let error as TaskNodeError where !error.isRetryable {
            try pendingWrites.remove(key)
            throw error
        }
    }
}
