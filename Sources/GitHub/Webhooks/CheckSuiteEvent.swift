import Foundation

/// `check_suite`: a suite was requested, rerequested or completed.
public struct CheckSuiteEvent: Codable, Sendable, Equatable {
    /// The action.
    public var action: String
    /// The suite.
    public var checkSuite: CheckSuite
    /// The repository.
    public var repository: GitHubRepository
    /// Who acted.
    public var sender: GitHubUser
    /// The installation, for App deliveries.
    public var installation: InstallationRef?

    /// The fields of a check suite pfbot reads.
    public struct CheckSuite: Codable, Sendable, Equatable {
        /// The suite id.
        public var id: Int
        /// The branch; null for forks.
        public var headBranch: String?
        /// The commit.
        public var headSha: String
        /// The status.
        public var status: String?
        /// The conclusion.
        public var conclusion: String?
    }
}
