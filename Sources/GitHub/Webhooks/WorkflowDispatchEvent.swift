import Foundation
import JSON

/// `workflow_dispatch`: a workflow was started by hand or through the API.
public struct WorkflowDispatchEvent: Codable, Sendable, Equatable {
    /// The ref the workflow runs on.
    public var ref: String
    /// The workflow file path.
    public var workflow: String?
    /// The inputs.
    public var inputs: [String: JSONValue]?
    /// The repository.
    public var repository: GitHubRepository
    /// Who acted.
    public var sender: GitHubUser
}
