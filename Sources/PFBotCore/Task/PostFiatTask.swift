import struct Foundation.Date

/// A Post Fiat task as pfbot knows it: what the Task Node said, normalised, plus pfbot's own state.
public struct PostFiatTask: Hashable, Sendable, Codable, Identifiable {
    /// The full Task Node id.
    public var id: TaskID
    /// The title (the Task Node's default is "Untitled task").
    public var title: String
    /// Personal, network, alpha, or an unknown kind kept verbatim.
    public var kind: TaskKind
    /// The task description.
    public var description: String
    /// The steps (up to five from the offer).
    public var steps: [String]
    /// The verification criteria the reviewer applies (`verification.body`).
    public var verificationAsk: String?
    /// The current verification prompt, once the Task Node has asked (`currentVerificationRequest.ask`).
    public var verificationPrompt: String?
    /// What must be submitted.
    public var submissionRequirement: SubmissionRequirement?
    /// The offered reward; once rewarded, the actual reward.
    public var reward: PFTAmount
    /// The due date, if any.
    public var dueAt: Date?
    /// The accept-by date, if any (the Task Node does not enforce it).
    public var acceptBy: Date?
    /// The hard deadline, if any.
    public var deadlineAt: Date?
    /// When pfbot first saw the task.
    public var createdAt: Date
    /// When the Task Node last changed the task.
    public var updatedAt: Date
    /// The current state.
    public var state: TaskState

    /// Creates a task; every field is explicit so nothing is silently defaulted.
    public init(
        id: TaskID, title: String, kind: TaskKind, description: String, steps: [String],
        verificationAsk: String?, verificationPrompt: String? = nil, submissionRequirement: SubmissionRequirement?,
        reward: PFTAmount, dueAt: Date?, acceptBy: Date?, deadlineAt: Date?, createdAt: Date, updatedAt: Date,
        state: TaskState
    ) {
        self.id = id
        self.title = title
        self.kind = kind
        self.description = description
        self.steps = steps
        self.verificationAsk = verificationAsk
        self.verificationPrompt = verificationPrompt
        self.submissionRequirement = submissionRequirement
        self.reward = reward
        self.dueAt = dueAt
        self.acceptBy = acceptBy
        self.deadlineAt = deadlineAt
        self.createdAt = createdAt
        self.updatedAt = updatedAt
        self.state = state
    }

    /// The earliest of the due date and the deadline: the date work must be in by.
    public var effectiveDeadline: Date? {
        [dueAt, deadlineAt].compactMap { $0 }.min()
    }

    /// Whether the reviewer's decision paid nothing: the Task Node says `rejected`, or `rewarded` with 0 PFT (its
    /// `pft` is 0 once a submission is rejected, protocol §3.2).
    public var isRejected: Bool {
        state == .rejected || (state == .rewarded && reward == .zero)
    }

    /// The state as people read it: `rejected` for a task rewarded with 0 PFT, otherwise ``state``.
    public var outcome: TaskState {
        isRejected ? .rejected : state
    }
}
