import Foundation
import PostFiat

extension TaskNodeEmulator {
    /// The tasks of a session's wallet, most recently updated first, at most 200 (`listTaskState`).
    func tasks(of session: Session) -> [EmulatorTask] {
        Array(tasks.values.filter { $0.wallet == session.address }.map(readable)
            .sorted { ($0.updatedAt, $0.taskID) > ($1.updatedAt, $1.taskID) }.prefix(200))
    }

    /// `GET /api/tasks`: buckets by `statusKey`; signed out → 200 with empty buckets and `wallet_required`.
    func listTasks(_ session: Session?) -> EmulatorResponse {
        let visible = session.map(tasks(of:)) ?? []
        var buckets: [String: [LiteralJSON]] = ["outstanding": [], "verification": [], "refused": [], "rewarded": []]
        for task in visible { buckets[EmulatorTask.bucket(of: task.publicStatusKey), default: []].append(task.publicJSON) }
        let status: String = session == nil ? "wallet_required" : (visible.isEmpty ? "empty" : "ready")
        return json(200, [
            "personalRequestEnabled": true, "networkRequestEnabled": true, "alphaRequestEnabled": false, "dailyRewardCap": 8,
            "requests": ["items": .array(session.map { requestItems(for: $0) } ?? []), "sync": ["status": .string(status)]],
            "outstanding": .array(buckets["outstanding"] ?? []), "verification": .array(buckets["verification"] ?? []),
            "refused": .array(buckets["refused"] ?? []), "rewarded": .array(buckets["rewarded"] ?? []),
            "networkTasks": ["schema": "pf.task_node.network_task_eligibility.v1", "status": "ineligible", "label": "Network tasks",
                             "summary": "", "nextAction": .null, "gates": []],
            "sync": [
                "source": "task_projections", "status": .string(status),
                "walletAddress": session.map { .string($0.address) } ?? .null, "projectionCount": .int(visible.count),
                "lastSyncedAt": .string(ISOTimestamp.string(from: clock.now())), "handoff": [:], "requiresRefresh": false,
                "nextPollMs": nextPoll(visible, requests: session.map(requestRows(for:)) ?? []),
                "refreshReason": .null, "refreshTaskIds": [],
            ],
        ])
    }

    /// `nextPollMs` tiers (protocol §3.1).
    func nextPoll(_ visible: [EmulatorTask], requests: [TaskRequestRow]) -> LiteralJSON {
        let busy: Set<String> = ["submitted", "verification_response_submitted", "reward_decided"]
        if requests.contains(where: { ["queued", "generating", "published", "signing"].contains($0.status) })
            || visible.contains(where: { busy.contains($0.statusKey) }) {
            return 2500
        }
        if visible.contains(where: { $0.statusKey == "accepted" || $0.statusKey == "verification_requested" }) { return 10000 }
        return .null
    }

    /// `GET /api/tasks/detail` (`getTaskDetail`).
    func taskDetail(_ taskID: String?, session: Session?) -> EmulatorResponse {
        let action = "task_detail"
        guard let taskID, !taskID.isEmpty else {
            return handlerError(400, action: action, code: "task_id_required", message: "A taskId is required.")
        }
        guard let session, let task = tasks[taskID].map(readable), task.wallet == session.address else {
            return handlerError(404, action: action, code: "task_not_found",
                                message: "No indexed task projection was found for the linked wallet.", extra: ["taskId": .string(taskID)])
        }
        return json(200, [
            "ok": true, "task": task.publicJSON, "wallets": wallets(session), "actions": task.actions,
            "submission": ["summaries": [], "generatedTask": ["schema": "pf.task.offer.v1", "task_id": .string(task.taskID)],
                           "verificationPolicy": ["mode": "review"]],
            "currentVerificationRequest": task.verificationRequest ?? .null,
            "rewardOutcome": task.rewardOutcome ?? .null,
            "forensics": ["eventCount": .int(task.events.count), "lastEventTxHash": task.txHash.map { .string($0) } ?? .null,
                          "timeline": .array(task.timeline)],
            "sync": ["updatedAt": .string(ISOTimestamp.string(from: task.updatedAt)),
                     "lastEventAt": .string(ISOTimestamp.string(from: task.updatedAt)), "requiresRefresh": false,
                     "nextPollMs": nextPoll([task], requests: [])],
        ])
    }

    /// `GET /api/tasks/requests`.
    func listRequests(_ session: Session?) -> EmulatorResponse {
        json(200, ["items": .array(session.map { requestItems(for: $0) } ?? []),
                   "sync": ["status": .string(session == nil ? "wallet_required" : "ready")]])
    }

    func requestRows(for session: Session) -> [TaskRequestRow] {
        requests.values.filter { $0.wallet == session.address }.sorted { $0.updatedAt > $1.updatedAt }
    }

    func requestItems(for session: Session) -> [LiteralJSON] {
        requestRows(for: session).prefix(40).map(publicRequest)
    }

    func publicRequest(_ row: TaskRequestRow) -> LiteralJSON {
        [
            "requestId": .string(row.requestID), "source": "agent_capability_client", "userDetailText": .string(row.text),
            "requestedTaskKind": .string(row.kind), "status": .string(row.status),
            "generatedTaskId": .string(row.generatedTaskID ?? ""), "lastError": "",
            "updatedAt": .string(ISOTimestamp.string(from: row.updatedAt)),
            "isProcessing": .bool(["queued", "generating", "published", "signing"].contains(row.status)),
            "isTerminal": .bool(["proposed", "failed", "cancelled"].contains(row.status)), "canRetry": false,
        ]
    }

    func wallets(_ session: Session) -> LiteralJSON {
        ["user": .string(session.address), "authority": .string(options.authorityWallet),
         "allocation": .string(options.allocationWallet)]
    }

    var lifecycle: LiteralJSON {
        ["enabled": .bool(options.lifecycleEnabled), "dualWrite": .bool(options.lifecycleDualWrite), "writeSource": "direct_write"]
    }
}
