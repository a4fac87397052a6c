/// Lets every request through, pushes included, as user `sandbox`.
public struct OpenAuthoriser: GitHTTPAuthoriser {
    /// Creates the authoriser.
    public init() {}

    /// Always allows.
    public func authorise(_ access: GitHTTPAccess) async -> GitHTTPDecision { .allow(remoteUser: "sandbox") }
}
