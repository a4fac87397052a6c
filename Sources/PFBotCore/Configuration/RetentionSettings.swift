/// `storage.retention.*`: how long processed data is kept. Unprocessed deliveries, pending jobs, dead letters and
/// tasks' histories are never pruned.
public struct RetentionSettings: Sendable, Equatable {
    /// Days after processing before a delivery's body is dropped (its id is kept for de-duplication).
    public var deliveryBodyDays: Int
    /// Days after processing before a delivery's row (its id) is deleted; longer than GitHub's redelivery window.
    public var deliveryDays: Int
    /// Days before a finished job's row is deleted.
    public var doneJobDays: Int
    /// Days the audit log is kept; 0 keeps it for ever.
    public var auditDays: Int

    public init(deliveryBodyDays: Int = 7, deliveryDays: Int = 30, doneJobDays: Int = 7, auditDays: Int = 0) {
        self.deliveryBodyDays = deliveryBodyDays
        self.deliveryDays = deliveryDays
        self.doneJobDays = doneJobDays
        self.auditDays = auditDays
    }
}
