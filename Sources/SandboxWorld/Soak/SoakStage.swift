import Foundation

/// How far a soak task got, in lifecycle order: the stage of a lost task says where it stalled.
public enum SoakStage: Int, Sendable, Comparable, CaseIterable, CustomStringConvertible {
    case proposed, issueOpened, accepted, pullRequestOpened, workPushed, qcPassed, merged, submitted, verificationAsked, answered, rewarded, done

    public static func < (lhs: SoakStage, rhs: SoakStage) -> Bool { lhs.rawValue < rhs.rawValue }

    public var description: String {
        switch self {
        case .proposed: return "proposed (no issue)"
        case .issueOpened: return "issue opened (not accepted)"
        case .accepted: return "accepted (no pull request)"
        case .pullRequestOpened: return "pull request opened (work not pushed)"
        case .workPushed: return "work pushed (QC not passed)"
        case .qcPassed: return "QC passed (not merged)"
        case .merged: return "merged (not submitted)"
        case .submitted: return "submitted (no verification question)"
        case .verificationAsked: return "verification asked (question not relayed)"
        case .answered: return "answered (response not sent)"
        case .rewarded: return "rewarded (issue not closed with the reward)"
        case .done: return "done"
        }
    }
}
