import Foundation

/// A commit status state.
public enum CommitState: String, Codable, Sendable {
    /// Errored.
    case error
    /// Failed.
    case failure
    /// Running.
    case pending
    /// Passed.
    case success

    /// The status state that best represents a check run conclusion.
    public init(conclusion: CheckRunConclusion?) {
        switch conclusion {
        case .none: self = .pending
        case .some(.success), .some(.neutral), .some(.skipped): self = .success
        case .some(.failure), .some(.actionRequired): self = .failure
        default: self = .error
        }
    }
}
