import Foundation
import PostFiat

extension TaskNodeEmulator {
    /// Adds a proposed task (what the generation worker writes, `pf.task.offer.v1`).
    public func propose(_ task: EmulatorTask) {
        var task = task
        let eventID = "task_evt_" + UUID().uuidString.lowercased()
        let offer: LiteralJSON = [
            "schema": "pf.task.offer.v1", "event_id": .string(eventID), "task_id": .string(task.taskID),
            "title": .string(task.title), "task_kind": .string(task.kind),
            "reward_offer": ["amount_estimate_pft": .string("\(task.offeredPFT)"), "unit": "PFT"],
        ]
        task.events.append(offer)
        task.txHash = "offchain:\(eventID)"
        task.timeline.append(["schema": "pf.task.offer.v1", "txHash": .string("offchain:\(eventID)"), "rawPayload": offer,
                              "signature": .null, "observedAt": .string(ISOTimestamp.string(from: clock.now()))])
        eventOwners[eventID] = task.taskID
        tasks[task.taskID] = task
    }

    /// A `task_<32 hex>` id like `taskIdForOffer`.
    public static func newTaskID() -> String { "task_" + randomHex(32) }

    /// Moves a `submitted` or `verification_response_submitted` task to `verification_requested` with `ask`
    /// (the review worker; repeated requests are allowed).
    public func requestVerification(taskID: String, ask: String) throws {
        guard var task = tasks[taskID] else { throw TaskNodeEmulatorError.unknownTask(taskID) }
        guard ["submitted", "verification_response_submitted"].contains(task.statusKey) else {
            throw TaskNodeEmulatorError.wrongState(taskID: taskID, status: task.statusKey)
        }
        let eventID = "task_evt_" + UUID().uuidString.lowercased()
        let now = ISOTimestamp.string(from: clock.now())
        let request: LiteralJSON = ["assessment": "needs_more_evidence", "verification_ask": .string(ask),
                                  "verification_type": .string(task.requirementType), "reason": "Reviewer follow-up"]
        task.events.append(["schema": "pf.task.update.v1", "event_id": .string(eventID), "transition": "verification_requested",
                            "verification_request": request, "verification_ask": .string(ask),
                            "verification_type": .string(task.requirementType)])
        task.verificationRequest = [
            "ask": .string(ask), "body": .string(ask), "type": .string(task.requirementType), "assessment": "needs_more_evidence",
            "reason": "Reviewer follow-up", "eventId": .string(eventID), "createdAt": .string(now),
        ]
        task.statusKey = "verification_requested"
        task.txHash = "offchain:\(eventID)"
        task.updatedAt = clock.now()
        eventOwners[eventID] = taskID
        tasks[taskID] = task
    }

    /// Decides the reward of a `verification_response_submitted` task: `reward`, `partial_reward` or `reject`.
    /// The amount is clamped to the offer; 0 forces `reject` (`normalizeRewardScore`), paid with a 1-drop carrier.
    public func decideReward(taskID: String, decision: String, pft: Decimal) throws {
        guard var task = tasks[taskID] else { throw TaskNodeEmulatorError.unknownTask(taskID) }
        guard task.statusKey == "verification_response_submitted" else {
            throw TaskNodeEmulatorError.wrongState(taskID: taskID, status: task.statusKey)
        }
        var amount = decision == "reject" ? 0 : min(max(pft, 0), task.offeredPFT)
        var finalDecision = decision
        if amount == 0 { finalDecision = "reject" }
        amount = finalDecision == "reject" ? 0 : amount
        let paymentHash = Self.randomHex(64).uppercased()
        let now = ISOTimestamp.string(from: clock.now())
        let drops = amount == 0 ? "1" : "\(NSDecimalNumber(decimal: amount * 1_000_000).int64Value)"
        task.rewardOutcome = [
            "status": .string(amount == 0 ? "zero_reward" : "paid"), "decision": .string(finalDecision),
            "reason": .string(finalDecision == "reject" ? "The evidence does not meet the criteria." : "The evidence meets the criteria."),
            "userFeedback": "Thank you.", "rewardPft": .number("\(amount)"), "offeredPft": .number("\(task.offeredPFT)"),
            "completion": .int(amount == 0 ? 0 : 100), "evidenceQuality": .int(amount == 0 ? 10 : 90),
            "paymentCid": .string("bafy" + Self.randomHex(20)), "paymentTxHash": .string(paymentHash),
            "paymentObservedAt": .string(now), "paymentDrops": .string(drops),
        ]
        task.events.append(["schema": "pf.task.update.v1", "transition": "rewarded", "reward_pft": .string("\(amount)"),
                            "reward_decision": .string(finalDecision)])
        task.rewardPFT = amount
        task.rewardedAt = clock.now()
        task.statusKey = "rewarded"
        task.txHash = paymentHash
        task.updatedAt = clock.now()
        tasks[taskID] = task
    }

    /// Sets the projection's raw status as an operator or the chain reducer might (e.g. `rerouted`, `failed`); a
    /// status outside the known list shows as `statusKey:"unknown"`.
    public func setProjectionStatus(taskID: String, status: String) throws {
        guard var task = tasks[taskID] else { throw TaskNodeEmulatorError.unknownTask(taskID) }
        task.statusKey = status
        task.updatedAt = clock.now()
        tasks[taskID] = task
    }

    /// Reports `hash` as the reward payment of a rewarded task (`rewardOutcome.paymentTxHash`, `task.txHash`), as the
    /// reward worker does once the ledger accepted its Payment.
    public func recordRewardPayment(taskID: String, hash: String) throws {
        guard var task = tasks[taskID], let outcome = task.rewardOutcome else { throw TaskNodeEmulatorError.unknownTask(taskID) }
        task.rewardOutcome = outcome.setting("paymentTxHash", to: .string(hash))
        task.txHash = hash
        task.updatedAt = clock.now()
        tasks[taskID] = task
    }

    /// Replaces fields of a task's public object (to emulate a hostile or buggy server).
    public func override(taskID: String, fields: [String: LiteralJSON]) throws {
        guard var task = tasks[taskID] else { throw TaskNodeEmulatorError.unknownTask(taskID) }
        for (key, value) in fields { task.overrides[key] = value }
        tasks[taskID] = task
    }

    /// The task as the emulator holds it.
    public func task(_ taskID: String) -> EmulatorTask? { tasks[taskID] }

    /// Seeds a proposed task for `wallet` from an offer document: a `pf.task.offer.v1` payload (as in
    /// `network_task_lifecycle_replay/event_00_offer.json`, also wrapped in `{payload:…}`) or a local loop task
    /// fixture (`local_json_task_loop_task.json`).
    @discardableResult
    public func seed(offerJSON data: Data, wallet: String) throws -> String {
        guard let document = try? LiteralJSON.parse(data) else { throw TaskNodeEmulatorError.invalidSeed("not JSON") }
        let offer = document["payload"] ?? document
        guard let title = offer["title"]?.stringValue else { throw TaskNodeEmulatorError.invalidSeed("the offer has no title") }
        let rewardText = offer["reward_offer"]?["amount_pft"]?.stringValue ?? offer["reward_offer"]?["amount_estimate_pft"]?.stringValue
        guard let rewardText, let reward = Decimal(string: rewardText) else {
            throw TaskNodeEmulatorError.invalidSeed("the offer has no reward_offer amount")
        }
        let requirement = offer["submission_requirement"]
        let taskID = offer["task_id"]?.stringValue ?? Self.newTaskID()
        propose(EmulatorTask(
            taskID: taskID, wallet: wallet, title: title, description: offer["description"]?.stringValue ?? "",
            steps: (offer["steps"]?.arrayValue ?? []).compactMap(\.stringValue), kind: offer["task_kind"]?.stringValue ?? "personal",
            offeredPFT: reward, requirementType: requirement?["type"]?.stringValue ?? "text",
            criteria: requirement?["criteria"]?.stringValue ?? requirement?["text"]?.stringValue ?? "",
            requestID: offer["request_id"]?.stringValue, updatedAt: clock.now()))
        return taskID
    }

    // MARK: - Simulated workers (projection lag)

    func scheduleWorkers(after transition: String, taskID: String) {
        let now = clock.now()
        if transition == "submitted", let lag = options.reviewLagSeconds {
            jobs.append(Job(dueAt: now.addingTimeInterval(lag), taskOrRequestID: taskID, kind: .review))
        }
        if transition == "verification_response_submitted" {
            let rounds = reviewRounds[taskID, default: 0]
            if rounds < options.extraVerificationRounds, let lag = options.reviewLagSeconds {
                reviewRounds[taskID] = rounds + 1
                jobs.append(Job(dueAt: now.addingTimeInterval(lag), taskOrRequestID: taskID, kind: .review))
            } else if let lag = options.rewardLagSeconds {
                jobs.append(Job(dueAt: now.addingTimeInterval(lag), taskOrRequestID: taskID, kind: .reward))
            }
        }
    }

    /// Runs every simulated worker job whose time has come (also done before each request).
    public func runDueWork() {
        let now = clock.now()
        let due = jobs.filter { $0.dueAt <= now }.sorted { $0.dueAt < $1.dueAt }
        jobs.removeAll { $0.dueAt <= now }
        for job in due {
            switch job.kind {
            case .offer: generateOffer(requestID: job.taskOrRequestID)
            case .review: try? requestVerification(taskID: job.taskOrRequestID, ask: options.reviewAsk)
            case .reward:
                let task = tasks[job.taskOrRequestID]
                let pft = options.automaticDecision.pft ?? task?.offeredPFT ?? 0
                try? decideReward(taskID: job.taskOrRequestID, decision: options.automaticDecision.decision, pft: pft)
            }
        }
    }

    private func generateOffer(requestID: String) {
        guard var row = requests[requestID], row.generatedTaskID == nil else { return }
        let taskID = Self.newTaskID()
        propose(EmulatorTask(taskID: taskID, wallet: row.wallet, title: "Task for: \(row.text.prefix(60))",
                             description: row.text, steps: ["Do the work described.", "Submit a public URL as evidence."],
                             kind: row.kind, offeredPFT: 100, requirementType: "url",
                             criteria: "A public URL showing the work.", requestID: requestID, updatedAt: clock.now()))
        row.generatedTaskID = taskID
        row.status = "proposed"
        row.updatedAt = clock.now()
        requests[requestID] = row
    }
}
