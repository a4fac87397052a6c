/// Tells someone outside GitHub about a new task (the outbound notification webhook is one).
public protocol TaskNotifier: Sendable {
    /// Delivers the announcement; throwing retries the job that sent it.
    func notify(_ announcement: TaskAnnouncement) async throws
}
