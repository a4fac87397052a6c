import Foundation

/// What went wrong in a repository host.
public enum RepositoryHostError: Error, CustomStringConvertible, Sendable, Equatable {
    /// No such repository.
    case repositoryNotFound(String)
    /// No such branch.
    case branchNotFound(String)
    /// A git command failed (for example a merge with conflicts).
    case gitFailed(String, String)

    /// A readable explanation.
    public var description: String {
        switch self {
        case .repositoryNotFound(let name): return "Repository \(name) does not exist in the repository host; create it first."
        case .branchNotFound(let name): return "Branch \(name) does not exist in the repository host; push it first."
        case .gitFailed(let command, let message): return "git \(command) failed: \(message)."
        }
    }
}
