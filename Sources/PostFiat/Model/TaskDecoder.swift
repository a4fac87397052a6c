import Foundation
import PFBotCore

/// Reads Task Node task objects (protocol §3.2) into ``NodeTask``s, refusing anything it cannot read exactly.
public struct TaskDecoder: Sendable {
    /// Rewards above this are treated as corrupt (offers span ~0.5 to 12,000 PFT).
    public var maximumPlausibleReward: PFTAmount
    /// The time used as "first seen" and as a fallback for `updatedAt`.
    public var now: Date

    /// A decoder.
    public init(maximumPlausibleReward: PFTAmount = PFTAmount(drops: 1_000_000 * PFTAmount.dropsPerPFT), now: Date) {
        self.maximumPlausibleReward = maximumPlausibleReward
        self.now = now
    }

    /// Reads one task object.
    /// - Throws: ``TaskNodeError/invalidTask(taskID:reason:)`` naming the field at fault.
    public func decodeTask(_ raw: LiteralJSON) throws -> NodeTask {
        guard raw.objectValue != nil else { throw TaskNodeError.invalidTask(taskID: nil, reason: "not a JSON object") }
        let idText = raw["taskId"]?.stringValue ?? raw["fullId"]?.stringValue
        guard let idText else { throw TaskNodeError.invalidTask(taskID: nil, reason: "taskId is missing") }
        func fail(_ reason: String) -> TaskNodeError { .invalidTask(taskID: idText, reason: reason) }
        guard let id = try? TaskID(idText) else { throw fail("taskId is not a valid task id") }
        guard let statusKey = raw["statusKey"]?.stringValue else { throw fail("statusKey is missing") }
        guard let state = TaskState(statusKey: statusKey) else { throw fail("unknown statusKey \(statusKey.debugDescription)") }
        guard let kindLabel = raw["kind"]?.stringValue else { throw fail("kind is missing") }
        let reward = try decodeReward(raw["pft"], field: "pft", taskID: idText)
        let title = try optionalString(raw, "title", taskID: idText) ?? "Untitled task"
        let description = try optionalString(raw, "description", taskID: idText) ?? ""
        let steps = try decodeSteps(raw["steps"], taskID: idText)
        let verification = raw["verification"]
        let requirement = verification?["submissionRequirement"] ?? raw["submissionRequirement"]
        let submission = requirement.flatMap { value -> SubmissionRequirement? in
            guard let type = value["type"]?.stringValue else { return nil }
            return SubmissionRequirement(rawType: type, criteria: value["criteria"]?.stringValue ?? "")
        }
        let updatedAt = (raw["updatedAt"]?.stringValue ?? raw["lastEventAt"]?.stringValue).flatMap(ISOTimestamp.date(from:))
        let task = PFBotCore.PostFiatTask(
            id: id, title: title, kind: TaskKind(label: kindLabel), description: description, steps: steps,
            verificationAsk: verification?["body"]?.stringValue, submissionRequirement: submission, reward: reward,
            dueAt: try date(raw, "dueAt", taskID: idText), acceptBy: try date(raw, "acceptBy", taskID: idText),
            deadlineAt: try date(raw, "deadlineAt", taskID: idText), createdAt: now, updatedAt: updatedAt ?? now,
            state: state
        )
        return NodeTask(task: task, statusLabel: raw["status"]?.stringValue, txHash: raw["txHash"]?.stringValue,
                        metadata: raw["metadata"], verificationRequest: nil, rewardOutcome: nil, raw: raw)
    }

    /// Reads a detail answer (protocol §3.3).
    /// - Throws: ``TaskNodeError/unexpectedShape(_:)`` or ``TaskNodeError/invalidTask(taskID:reason:)``.
    public func decodeDetail(_ raw: LiteralJSON) throws -> TaskDetail {
        guard let taskObject = raw["task"] else { throw TaskNodeError.unexpectedShape("detail has no task") }
        var node = try decodeTask(taskObject)
        let taskID = node.task.id.rawValue
        if let request = raw["currentVerificationRequest"], !request.isNull {
            guard let ask = request["ask"]?.stringValue else {
                throw TaskNodeError.invalidTask(taskID: taskID, reason: "currentVerificationRequest has no ask")
            }
            node.verificationRequest = VerificationRequest(
                ask: ask, body: request["body"]?.stringValue, type: request["type"]?.stringValue,
                assessment: request["assessment"]?.stringValue, reason: request["reason"]?.stringValue,
                eventID: request["eventId"]?.stringValue, createdAt: request["createdAt"]?.stringValue)
            node.task.verificationPrompt = ask
        }
        if let outcome = raw["rewardOutcome"], !outcome.isNull {
            node.rewardOutcome = try decodeRewardOutcome(outcome, taskID: taskID)
        }
        var actions: [String: Bool] = [:]
        for (key, value) in raw["actions"]?.objectValue ?? [:] {
            if let flag = value.boolValue { actions[key] = flag }
        }
        return TaskDetail(task: node, actions: actions, raw: raw)
    }

    /// Reads every bucket of a list answer; unreadable tasks become problems, the rest come through.
    public func decodeListing(_ raw: LiteralJSON) throws -> TaskListing {
        guard raw.objectValue != nil else { throw TaskNodeError.unexpectedShape("the task list is not a JSON object") }
        var tasks: [NodeTask] = []
        var problems: [TaskProblem] = []
        for bucket in ["outstanding", "verification", "rewarded", "refused"] {
            guard let value = raw[bucket], !value.isNull else { continue }
            guard let items = value.arrayValue else {
                problems.append(TaskProblem(bucket: bucket, taskID: nil,
                                            error: .invalidTask(taskID: nil, reason: "bucket \(bucket) is not an array"), raw: value))
                continue
            }
            for item in items {
                do {
                    tasks.append(try decodeTask(item))
                } catch let error as TaskNodeError {
                    let id = item["taskId"]?.stringValue ?? item["fullId"]?.stringValue
                    problems.append(TaskProblem(bucket: bucket, taskID: id, error: error, raw: item))
                }
            }
        }
        let requests = (raw["requests"]?["items"]?.arrayValue ?? []).compactMap(Self.decodeRequest)
        return TaskListing(tasks: tasks, problems: problems, requests: requests,
                           syncStatus: raw["sync"]?["status"]?.stringValue,
                           nextPollMilliseconds: raw["sync"]?["nextPollMs"]?.intValue, raw: raw)
    }

    /// Reads one request item; `nil` when it has no id or status. The Task Node sends `generatedTaskId` and
    /// `lastError` as `""` when there is none (protocol §12); both read as absent then.
    public static func decodeRequest(_ raw: LiteralJSON) -> TaskRequestItem? {
        guard let id = raw["requestId"]?.stringValue, let status = raw["status"]?.stringValue else { return nil }
        return TaskRequestItem(requestID: id, status: status, generatedTaskID: nonEmpty(raw["generatedTaskId"]),
                               requestedTaskKind: raw["requestedTaskKind"]?.stringValue,
                               userDetailText: raw["userDetailText"]?.stringValue,
                               lastError: nonEmpty(raw["lastError"]), raw: raw)
    }

    private static func nonEmpty(_ value: LiteralJSON?) -> String? {
        guard let text = value?.stringValue, !text.isEmpty else { return nil }
        return text
    }

    private func decodeRewardOutcome(_ raw: LiteralJSON, taskID: String) throws -> RewardOutcome {
        guard let status = raw["status"]?.stringValue, let decision = raw["decision"]?.stringValue else {
            throw TaskNodeError.invalidTask(taskID: taskID, reason: "rewardOutcome lacks status or decision")
        }
        let reward = try decodeReward(raw["rewardPft"], field: "rewardOutcome.rewardPft", taskID: taskID)
        let offered = raw["offeredPft"].flatMap { $0.isNull ? nil : $0 }
        return RewardOutcome(
            status: status, decision: decision, reward: reward,
            offered: try offered.map { try decodeReward($0, field: "rewardOutcome.offeredPft", taskID: taskID) },
            reason: raw["reason"]?.stringValue, userFeedback: raw["userFeedback"]?.stringValue,
            paymentTxHash: raw["paymentTxHash"]?.stringValue, raw: raw)
    }

    /// Reads a PFT amount sent as a JSON number or decimal string; refuses negative and absurd values.
    func decodeReward(_ value: LiteralJSON?, field: String, taskID: String) throws -> PFTAmount {
        guard let value, !value.isNull else {
            throw TaskNodeError.invalidTask(taskID: taskID, reason: "\(field) is missing")
        }
        guard let text = value.numberText ?? value.stringValue, let amount = try? PFTAmount(parsing: text) else {
            throw TaskNodeError.invalidTask(taskID: taskID, reason: "\(field) is not an exact PFT amount")
        }
        if amount.isNegative {
            throw TaskNodeError.invalidTask(taskID: taskID, reason: "\(field) is negative (\(amount))")
        }
        if amount > maximumPlausibleReward {
            throw TaskNodeError.invalidTask(taskID: taskID, reason: "\(field) is implausibly large (\(amount))")
        }
        return amount
    }

    private func optionalString(_ raw: LiteralJSON, _ key: String, taskID: String) throws -> String? {
        guard let value = raw[key], !value.isNull else { return nil }
        guard let text = value.stringValue else {
            throw TaskNodeError.invalidTask(taskID: taskID, reason: "\(key) is not a string")
        }
        return text
    }

    private func decodeSteps(_ value: LiteralJSON?, taskID: String) throws -> [String] {
        guard let value, !value.isNull else { return [] }
        guard let items = value.arrayValue else {
            throw TaskNodeError.invalidTask(taskID: taskID, reason: "steps is not an array")
        }
        return try items.map { item in
            guard let text = item.stringValue else {
                throw TaskNodeError.invalidTask(taskID: taskID, reason: "a step is not a string")
            }
            return text
        }
    }

    private func date(_ raw: LiteralJSON, _ key: String, taskID: String) throws -> Date? {
        guard let text = try optionalString(raw, key, taskID: taskID) else { return nil }
        guard let date = ISOTimestamp.date(from: text) else {
            throw TaskNodeError.invalidTask(taskID: taskID, reason: "\(key) is not an ISO date (\(text.debugDescription))")
        }
        return date
    }
}
