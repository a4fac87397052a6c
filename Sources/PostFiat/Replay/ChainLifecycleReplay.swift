import PFBotCore

/// The projection a sequence of chain events produces (the network lifecycle replay of protocol §9).
public struct ChainLifecycleReplay: Sendable {
    /// The task.
    public private(set) var taskID: TaskID?
    /// The current state.
    public private(set) var state: TaskState?
    /// The title from the offer.
    public private(set) var title: String?
    /// The description from the offer.
    public private(set) var description: String?
    /// The kind from the offer.
    public private(set) var kind: TaskKind?
    /// The offered reward.
    public private(set) var offered: PFTAmount?
    /// The reward actually decided or paid.
    public private(set) var actual: PFTAmount?
    /// `generation.request_bundle_cid` of the offer.
    public private(set) var requestBundleCID: String?
    /// Events applied.
    public private(set) var eventCount = 0
    /// The states passed through, in order.
    public private(set) var path: [TaskState] = []
    /// Events refused because the state machine does not allow them.
    public private(set) var rejected: [(event: ChainEvent, from: TaskState?)] = []

    /// An empty projection.
    public init() {}

    /// Applies `event`; an illegal move is recorded in ``rejected`` and leaves the state unchanged.
    public mutating func apply(_ event: ChainEvent) {
        if let taskID, taskID != event.taskID {
            rejected.append((event, state))
            return
        }
        if let state, !TaskTransitions.isAllowed(from: state, to: event.state) {
            rejected.append((event, state))
            return
        }
        if state == nil && event.state != .proposed {
            rejected.append((event, nil))
            return
        }
        taskID = event.taskID
        state = event.state
        path.append(event.state)
        eventCount += 1
        if event.schema == "pf.task.offer.v1" {
            title = event.raw["title"]?.stringValue
            description = event.raw["description"]?.stringValue
            kind = event.raw["task_kind"]?.stringValue.map(TaskKind.init(label:))
            offered = event.amount
            requestBundleCID = event.raw["generation"]?["request_bundle_cid"]?.stringValue
        } else if let amount = event.amount {
            actual = amount
        }
    }
}
