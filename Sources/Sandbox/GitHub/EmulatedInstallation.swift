import Foundation

/// An installation of an App.
struct EmulatedInstallation: Sendable {
    var id: Int
    var appID: Int
    /// `write` or `read` on repository contents, issues and pull requests.
    var permission: String
    /// Whether the installation may write check runs.
    var canWriteChecks: Bool
}
