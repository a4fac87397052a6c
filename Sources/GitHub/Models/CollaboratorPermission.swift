import Foundation

/// A user's permission on a repository.
public struct CollaboratorPermission: Codable, Sendable, Equatable {
    /// `admin`, `write`, `read` or `none` (`maintain` and `triage` map to `write` and `read` here).
    public var permission: String
    /// The finer role: `admin`, `maintain`, `write`, `triage`, `read`.
    public var roleName: String?
    /// The user.
    public var user: GitHubUser?

    /// Creates a permission value.
    public init(permission: String, roleName: String? = nil, user: GitHubUser? = nil) {
        self.permission = permission
        self.roleName = roleName
        self.user = user
    }

    /// True when the user may push (write, maintain or admin).
    public var canWrite: Bool {
        ["admin", "write", "maintain"].contains(roleName ?? permission) || ["admin", "write"].contains(permission)
    }
}
