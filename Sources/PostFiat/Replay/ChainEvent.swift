import PFBotCore

/// One Task Node event payload from the chain-replay path (`pf.task.*.v1`, `pf.reward.v1`), decoded to the
/// state it moves the task to (protocol §5, `ALLOWED_TRANSITIONS`).
public struct ChainEvent: Sendable, Hashable {
    /// The payload schema.
    public var schema: String
    /// `event_id`.
    public var eventID: String
    /// `task_id`.
    public var taskID: TaskID
    /// The state after the event.
    public var state: TaskState
    /// The reward amount the event names (offer estimate, decision amount or paid reward), if any.
    public var amount: PFTAmount?
    /// The payload exactly as received.
    public var raw: LiteralJSON

    /// Decodes one payload (also accepts a fixture wrapper `{stage, payload, pointer}`).
    /// - Throws: ``TaskNodeError/invalidTask(taskID:reason:)`` for unknown schemas or missing fields.
    public init(decoding document: LiteralJSON) throws {
        let payload = document["payload"] ?? document
        let idText = payload["task_id"]?.stringValue
        guard let idText, let taskID = try? TaskID(idText) else {
            throw TaskNodeError.invalidTask(taskID: idText, reason: "event has no valid task_id")
        }
        guard let schema = payload["schema"]?.stringValue else {
            throw TaskNodeError.invalidTask(taskID: idText, reason: "event has no schema")
        }
        self.schema = schema
        self.eventID = payload["event_id"]?.stringValue ?? ""
        self.taskID = taskID
        self.raw = payload
        let decoder = TaskDecoder(now: .distantPast)
        func amount(_ value: LiteralJSON?, _ field: String) throws -> PFTAmount? {
            guard let value else { return nil }
            return try decoder.decodeReward(value, field: field, taskID: idText)
        }
        switch schema {
        case "pf.task.offer.v1":
            state = .proposed
            self.amount = try amount(payload["reward_offer"]?["amount_estimate_pft"] ?? payload["reward_offer"]?["amount_pft"],
                                     "reward_offer")
        case "pf.task.update.v1":
            let name = payload["status_after"]?.stringValue ?? payload["transition"]?.stringValue ?? ""
            guard let next = TaskState(statusKey: name) else {
                throw TaskNodeError.invalidTask(taskID: idText, reason: "update names unknown state \(name.debugDescription)")
            }
            state = next
            self.amount = nil
        case "pf.task.submission.v1":
            state = .submitted
            self.amount = nil
        case "pf.task.verification_response.v1":
            state = .verificationResponseSubmitted
            self.amount = nil
        case "pf.task.reward_decision.v1":
            let decided = try amount(payload["score"]?["reward_pft"] ?? payload["reward_pft"], "reward_pft") ?? .zero
            state = decided > .zero ? .rewardDecided : .rewarded
            self.amount = decided
        case "pf.reward.v1":
            state = .rewarded
            self.amount = try amount(payload["reward_pft"], "reward_pft")
        default:
            throw TaskNodeError.invalidTask(taskID: idText, reason: "unknown event schema \(schema.debugDescription)")
        }
    }
}
