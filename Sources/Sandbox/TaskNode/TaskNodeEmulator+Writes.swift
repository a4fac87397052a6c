import Foundation
import PostFiat

extension TaskNodeEmulator {
    static let terminalStates: Set<String> = [
        "refused", "rejected", "cancelled", "expired", "rerouted", "failed", "completed", "rewarded", "agent_cancelled",
    ]

    /// `POST /api/tasks/action` (`task-actions.js`).
    func taskAction(_ body: LiteralJSON, session: Session?) -> EmulatorResponse {
        let action = "task_lifecycle_action"
        let found = requireSessionTask(body, session: session, action: action, prefix: "task")
        guard case .success(let (session, task)) = found else { return found.failure }
        let phase = body["phase"]?.stringValue
        if phase != "submit" && body["signedTxBlob"] == nil {
            return json(200, [
                "ok": true, "action": .string(action), "phase": "config", "taskId": .string(task.taskID),
                "status": .string(task.statusKey), "title": .string(task.title), "actions": task.actions,
                "offchainLifecycle": lifecycle, "wallets": wallets(session),
            ])
        }
        if let limited = chargeAgent("task_action", action: action, wallet: session.address) { return limited }
        // `action` is an allowed key but not an alias (protocol §12): a body with only `action` is charged, then refused.
        let requested = body["taskAction"]?.stringValue ?? body["task_action"]?.stringValue ?? ""
        let transition: String?
        switch requested {
        case "accept", "accepted": transition = task.statusKey == "proposed" ? "accepted" : nil
        case "refuse", "refused", "reject", "rejected": transition = task.statusKey == "proposed" ? "refused" : nil
        case "cancel", "cancelled":
            let cancellable = ["accepted", "submitted", "verification_requested", "verification_response_submitted"]
            transition = cancellable.contains(task.statusKey) ? "cancelled" : nil
        default: transition = nil
        }
        guard let transition else {
            return handlerError(409, action: action, code: "task_action_not_available",
                                message: "This task state does not allow that action.",
                                extra: ["status": .string(task.statusKey), "actions": task.actions])
        }
        let payload = body["offchainPayload"] ?? [:]
        var schema = payload["schema"]?.stringValue ?? ""
        if !schema.hasPrefix("pf.") { schema = "pf.task.update.v1" }
        return applyTransition(task: task, session: session, body: body, payload: payload, schema: schema,
                               transition: transition, action: action)
    }

    /// `POST /api/tasks/submission` (`task-submission.js`): the mode follows the state.
    func taskSubmission(_ body: LiteralJSON, session: Session?) -> EmulatorResponse {
        let action = "task_submission"
        let found = requireSessionTask(body, session: session, action: action, prefix: "task_submission")
        guard case .success(let (session, task)) = found else { return found.failure }
        let mode: (name: String, schema: String, cap: String)
        switch task.statusKey {
        case "accepted": mode = ("initial_submission", "pf.task.submission.v1", "task_submission")
        case "verification_requested":
            mode = ("verification_response", "pf.task.verification_response.v1", "task_verification_response")
        default:
            return handlerError(409, action: action, code: "task_submission_not_available",
                                message: "This task state does not accept evidence right now.",
                                extra: ["status": .string(task.statusKey), "actions": task.actions])
        }
        if body["phase"]?.stringValue != "submit" && body["signedTxBlob"] == nil {
            return json(200, [
                "ok": true, "action": .string(action), "phase": "config", "taskId": .string(task.taskID),
                "status": .string(task.statusKey), "submissionMode": .string(mode.name), "schema": .string(mode.schema),
                "actions": task.actions, "offchainLifecycle": lifecycle, "wallets": wallets(session),
            ])
        }
        if let limited = chargeAgent(mode.cap, action: action, wallet: session.address) { return limited }
        let payload = Self.normalizeSubmission(body: body, mode: mode.name)
        let transition = mode.name == "initial_submission" ? "submitted" : "verification_response_submitted"
        return applyTransition(task: task, session: session, body: body, payload: payload, schema: mode.schema,
                               transition: transition, action: action, signedTransition: mode.name)
    }

    /// `POST /api/tasks/request` (`task-request.js`).
    func taskRequest(_ body: LiteralJSON, session: Session?) -> EmulatorResponse {
        let action = "task_request"
        guard let session else {
            return handlerError(401, action: action, code: "task_request_login_required", message: "Log in to request a task.")
        }
        let text = (body["userDetailText"]?.stringValue ?? body["requestText"]?.stringValue ?? "")
            .trimmingCharacters(in: .whitespacesAndNewlines)
        let kind = body["requestedTaskKind"]?.stringValue ?? "personal"
        guard !text.isEmpty else {
            return handlerError(400, action: action, code: "task_request_detail_required", message: "Describe the task you want.")
        }
        if body["phase"]?.stringValue != "submit" {
            return json(200, [
                "ok": true, "action": .string(action), "phase": "config",
                "requestId": .string("req_" + UUID().uuidString.lowercased()),
                "bundleId": .string("bundle_" + UUID().uuidString.lowercased()),
                "requestBundle": ["schema": "pf.task.request_bundle.v1", "userDetailText": .string(text)],
                "offchainLifecycle": lifecycle, "wallets": wallets(session),
            ])
        }
        var requestID = body["requestId"]?.stringValue ?? ""
        if requestID.range(of: "^[a-z]+_[A-Za-z0-9_-]{8,90}$", options: .regularExpression) == nil {
            requestID = "req_" + UUID().uuidString.lowercased()
        }
        if let existing = requests[requestID], existing.wallet == session.address {
            return json(200, ["ok": true, "action": .string(action), "phase": "submitted", "requestId": .string(requestID),
                              "txHash": .string("offchain:\(requestID)"), "visibleRequest": publicRequest(existing)])
        }
        if let limited = chargeAgent("task_request", action: action, wallet: session.address) { return limited }
        let row = TaskRequestRow(requestID: requestID, wallet: session.address, text: text, kind: kind, status: "queued",
                                 generatedTaskID: nil, updatedAt: clock.now())
        requests[requestID] = row
        if let lag = options.offerLagSeconds {
            jobs.append(Job(dueAt: clock.now().addingTimeInterval(lag), taskOrRequestID: requestID, kind: .offer))
        }
        return json(200, ["ok": true, "action": .string(action), "phase": "submitted", "requestId": .string(requestID),
                          "txHash": .string("offchain:\(requestID)"), "visibleRequest": publicRequest(row)])
    }

    // MARK: - Shared steps

    enum Lookup {
        case success((Session, EmulatorTask))
        case failed(EmulatorResponse)

        var failure: EmulatorResponse {
            if case .failed(let response) = self { return response }
            return EmulatorResponse(status: 500, body: Data())
        }
    }

    /// `requireSessionTask`: session → 401, taskId → 400, projection for task+wallet+account → 404.
    func requireSessionTask(_ body: LiteralJSON, session: Session?, action: String, prefix: String) -> Lookup {
        guard let session else {
            return .failed(handlerError(401, action: action, code: "\(prefix)_login_required", message: "Log in with your wallet first."))
        }
        guard let taskID = body["taskId"]?.stringValue ?? body["task_id"]?.stringValue, !taskID.isEmpty else {
            return .failed(handlerError(400, action: action, code: "task_id_required", message: "A taskId is required."))
        }
        guard let task = tasks[taskID], task.wallet == session.address else {
            return .failed(handlerError(404, action: action, code: "task_not_found",
                                        message: "No indexed task projection was found for the linked wallet.",
                                        extra: ["taskId": .string(taskID)]))
        }
        return .success((session, task))
    }

    /// Charges the per-wallet agent cap (§4.6); a 429 without `Retry-After` when used up.
    func chargeAgent(_ cap: String, action: String, wallet: String) -> EmulatorResponse? {
        let now = clock.now()
        let window = options.agentWindowSeconds
        let key = "\(wallet)|\(cap)"
        let live = (agentUse[key] ?? []).filter { now.timeIntervalSince($0) < window }
        let limit = options.agentCaps[cap] ?? Int.max
        if live.count >= limit, let oldest = live.first {
            agentUse[key] = live
            let reset = oldest.addingTimeInterval(window)
            let retry = max(1, Int(reset.timeIntervalSince(now).rounded(.up)))
            let windowMs = LiteralJSON.int(Int(window * 1000))
            return json(429, [
                "ok": false, "action": .string(action), "error": "agent_action_rate_limited",
                "message": "Agent action rate limit exceeded. Retry after the indicated window.",
                "retryAfterSeconds": .int(retry), "resetAt": .string(ISOTimestamp.string(from: reset)),
                "limit": .int(limit), "windowMs": windowMs,
                "policy": ["trusted": false, "reason": "default", "tier": "standard", "action": .string(cap),
                           "limit": .int(limit), "windowMs": windowMs],
            ])
        }
        agentUse[key] = live + [now]
        return nil
    }

    /// `applyOffchainTaskTransition`: overwrite server keys, check the event key, dedupe, record the signature
    /// verdict, move the projection unless terminal.
    func applyTransition(task: EmulatorTask, session: Session, body: LiteralJSON, payload: LiteralJSON, schema: String,
                         transition: String, action: String, signedTransition: String? = nil) -> EmulatorResponse {
        let eventID = payload["event_id"]?.stringValue ?? "task_evt_" + UUID().uuidString.lowercased()
        if let owner = eventOwners[eventID], owner != task.taskID {
            return json(502, ["ok": false, "error": "23505"])
        }
        let now = clock.now()
        var stored = payload
        let overwrites: [String: LiteralJSON] = [
            "event_id": .string(eventID), "schema": .string(schema),
            "task_id": payload["task_id"] ?? payload["taskId"] ?? .string(task.taskID), "account_id": .string(session.accountID),
            "wallet_address": .string(session.address), "transition": .string(transition),
            "previous_status": .string(task.statusKey), "request_id": task.requestID.map { .string($0) } ?? .null,
            "cid": .string("postgres:\(eventID)"), "evidence_sha256": .string(EmulatorCanonicalJSON.sha256Hex(of: payload)),
            "recorded_at": .string(ISOTimestamp.string(from: now)), "metadata": ["source": "direct_write"],
        ]
        for (key, value) in overwrites { stored = stored.setting(key, to: value) }
        let verdict = EmulatorTransitionVerifier(checker: checker).verdict(
            for: body["actorSignature"] ?? body["actor_signature"], storedPayload: stored, taskID: task.taskID,
            transition: signedTransition ?? transition)
        if options.enforceTransitionSignatures && verdict != .valid {
            return handlerError(400, action: action, code: "task_transition_signature_invalid",
                                message: "The task transition signature did not verify (\(verdict.rawValue)).")
        }
        var updated = task
        let txHash = "offchain:\(eventID)"
        if eventOwners[eventID] == nil {
            eventOwners[eventID] = task.taskID
            updated.events.append(stored)
            var signatureEntry: LiteralJSON = .null
            if let signature = body["actorSignature"] ?? body["actor_signature"], !signature.isNull {
                signatureEntry = signature.setting("verification", to: ["status": .string(verdict.rawValue)])
            }
            updated.timeline.append([
                "schema": .string(schema), "txHash": .string(txHash), "cid": .string("postgres:\(eventID)"),
                "rawPayload": stored, "signature": signatureEntry, "observedAt": .string(ISOTimestamp.string(from: now)),
            ])
            if Self.terminalStates.contains(updated.statusKey) {
                updated.timeline.append(["schema": "offchainLifecycleTerminalGuard", "status": .string(updated.statusKey)])
            } else {
                updated.statusKey = transition
            }
            updated.txHash = txHash
            updated.updatedAt = now
            lagReads(of: task)
            tasks[task.taskID] = updated
            scheduleWorkers(after: transition, taskID: task.taskID)
        }
        return json(200, [
            "ok": true, "action": .string(action), "phase": "submitted", "message": "Task action recorded directly in Task Node.",
            "taskId": .string(task.taskID), "cid": .string("postgres:\(eventID)"), "txHash": .string(txHash),
            "refresh": ["ok": true, "source": "direct_write", "reducerBypassed": true],
            "offchainLifecycle": ["enabled": true, "writeSource": "direct_write", "eventId": .string(eventID),
                                  "transition": .string(transition)],
            "orcWorkJournal": .null,
        ])
    }

    /// `normalizeDirectSubmissionPayload`: phase overwritten, string evidence to objects, evidence built from the
    /// top level when the payload has none.
    static func normalizeSubmission(body: LiteralJSON, mode: String) -> LiteralJSON {
        var payload = body["offchainPayload"] ?? [:]
        payload = payload.setting("phase", to: .string(mode))
        for key in ["evidence", "submission", "response"] {
            if let text = payload[key]?.stringValue {
                payload = payload.setting(key, to: ["artifact_type": "text", "value": .string(text)])
            }
        }
        if payload["evidence_items"]?.arrayValue == nil {
            var items: [LiteralJSON] = Array((body["evidence_items"]?.arrayValue ?? body["evidence"]?.arrayValue ?? []).prefix(2))
            if items.isEmpty, let value = body["value"]?.stringValue {
                var item: LiteralJSON = ["index": 1, "artifact_type": .string(body["method"]?.stringValue ?? "text"), "value": .string(value)]
                if let file = body["file"] { item = item.setting("file", to: file) }
                items = [item]
            }
            if !items.isEmpty {
                payload = payload.setting("evidence_items", to: .array(items)).setting("evidence_count", to: .int(items.count))
                payload = payload.setting("evidence", to: items.count == 1 ? items[0] : ["artifact_type": "mixed", "evidence_items": .array(items)])
            }
        }
        return payload
    }
}
