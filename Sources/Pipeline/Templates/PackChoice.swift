/// The pack chosen for a task and why (shown on the pull request and the issue).
public struct PackChoice: Sendable, Equatable {
    /// The chosen pack.
    public var pack: TemplatePack
    /// Why it won, e.g. `category docs; keywords guide, tutorial`.
    public var reason: String

    /// Creates a choice.
    public init(pack: TemplatePack, reason: String) {
        self.pack = pack
        self.reason = reason
    }
}
