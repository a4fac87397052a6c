/// What one pruning pass removed.
public struct PruneReport: Sendable, Equatable, Encodable {
    /// Delivery bodies dropped (their rows kept).
    public var deliveryBodies: Int
    /// Delivery rows deleted.
    public var deliveries: Int
    /// Finished jobs deleted.
    public var jobs: Int
    /// Audit entries deleted.
    public var auditEntries: Int

    public init(deliveryBodies: Int, deliveries: Int, jobs: Int, auditEntries: Int) {
        self.deliveryBodies = deliveryBodies
        self.deliveries = deliveries
        self.jobs = jobs
        self.auditEntries = auditEntries
    }
}
