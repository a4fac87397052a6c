/// Something `/readyz` must find working (the store, the Task Node).
public struct ReadinessCheck: Sendable {
    /// Shown in the `/readyz` body.
    public var name: String
    /// Throws when not ready; the error text is shown.
    public var probe: @Sendable () async throws -> Void

    public init(name: String, probe: @escaping @Sendable () async throws -> Void) {
        self.name = name
        self.probe = probe
    }
}
