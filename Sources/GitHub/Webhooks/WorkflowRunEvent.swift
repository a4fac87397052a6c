import Foundation

/// `workflow_run`: an Actions workflow run was requested, started or completed.
public struct WorkflowRunEvent: Codable, Sendable, Equatable {
    /// The action.
    public var action: String
    /// The run.
    public var workflowRun: WorkflowRun
    /// The repository.
    public var repository: GitHubRepository
    /// Who acted.
    public var sender: GitHubUser
    /// The installation, for App deliveries.
    public var installation: InstallationRef?

    /// The fields of a workflow run pfbot reads.
    public struct WorkflowRun: Codable, Sendable, Equatable {
        /// The run id.
        public var id: Int
        /// The workflow name.
        public var name: String?
        /// The branch.
        public var headBranch: String?
        /// The commit.
        public var headSha: String
        /// The status.
        public var status: String?
        /// The conclusion.
        public var conclusion: String?
        /// The triggering event.
        public var event: String?
        /// Pull requests the run belongs to.
        public var pullRequests: [PullRequestNumber]?
    }

    /// A pull request named by number.
    public struct PullRequestNumber: Codable, Sendable, Equatable {
        /// The number.
        public var number: Int
    }
}
