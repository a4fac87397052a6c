import Foundation

/// Where a published check result ended up.
public enum PublishedCheck: Sendable, Equatable {
    /// As a check run (App installations and Actions tokens).
    case checkRun(CheckRun)
    /// As a commit status, because the token cannot write check runs (personal access tokens).
    case commitStatus(CommitStatus)
}
