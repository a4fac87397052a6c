import Foundation

/// `check_run`: a check run was created, completed, rerequested, or a button was pressed.
public struct CheckRunEvent: Codable, Sendable, Equatable {
    /// The action.
    public var action: String
    /// The check run.
    public var checkRun: CheckRun
    /// The button pressed (`requested_action`).
    public var requestedAction: RequestedAction?
    /// The repository.
    public var repository: GitHubRepository
    /// Who acted.
    public var sender: GitHubUser
    /// The installation, for App deliveries.
    public var installation: InstallationRef?

    /// The identifier of a pressed check run button.
    public struct RequestedAction: Codable, Sendable, Equatable {
        /// The button identifier.
        public var identifier: String
    }
}
