/// The name and email recorded as a commit's author or committer (the time comes from the workspace clock).
public struct GitSignature: Sendable, Equatable {
    /// The display name, e.g. `pfbot`.
    public let name: String
    /// The email address, e.g. `pfbot@users.noreply.github.com`.
    public let email: String

    /// Creates a signature.
    public init(name: String, email: String) {
        self.name = name
        self.email = email
    }
}
