/// Task memo classes of the legacy ledger memo protocol (postfiat.md §8, pftpyclient `TaskType`).
public enum LegacyMemoClass: String, Sendable, CaseIterable, Codable {
    /// User asks the node for a task.
    case requestPostFiat = "REQUEST_POST_FIAT"
    /// Node proposes a task (text ` .. <reward>`).
    case proposal = "PROPOSAL"
    /// User accepts.
    case acceptance = "ACCEPTANCE"
    /// User refuses.
    case refusal = "REFUSAL"
    /// User reports completion.
    case taskOutput = "TASK_OUTPUT"
    /// Node asks a verification question.
    case verificationPrompt = "VERIFICATION_PROMPT"
    /// User answers it.
    case verificationResponse = "VERIFICATION_RESPONSE"
    /// Node pays the reward.
    case reward = "REWARD"

    /// The MemoData prefix; the trailing space is significant and REWARD has only two underscores.
    public var prefix: String {
        switch self {
        case .requestPostFiat: return "REQUEST_POST_FIAT ___ "
        case .proposal: return "PROPOSED PF ___ "
        case .acceptance: return "ACCEPTANCE REASON ___ "
        case .refusal: return "REFUSAL REASON ___ "
        case .taskOutput: return "COMPLETION JUSTIFICATION ___ "
        case .verificationPrompt: return "VERIFICATION PROMPT ___ "
        case .verificationResponse: return "VERIFICATION RESPONSE ___ "
        case .reward: return "REWARD RESPONSE __ "
        }
    }

    /// Classification order of `classify_task_string`: the first class whose marker occurs anywhere wins.
    static let classificationOrder: [LegacyMemoClass] = [
        .proposal, .requestPostFiat, .acceptance, .refusal, .taskOutput, .verificationPrompt, .verificationResponse, .reward,
    ]

    /// The class of a MemoData text by substring (not prefix) match; a `" .. "` anywhere reads as a proposal.
    public static func classify(_ data: String) -> LegacyMemoClass? {
        for candidate in classificationOrder {
            if data.contains(candidate.prefix) { return candidate }
            if candidate == .proposal && data.contains(" .. ") { return candidate }
        }
        return nil
    }
}
