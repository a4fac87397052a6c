import Foundation

/// A session store in memory only (for tests and one-shot commands).
public final class InMemorySessionStore: SessionStore, @unchecked Sendable {
    private let lock = NSLock()
    private var session: TaskNodeSession?

    /// An empty store, or one holding `session`.
    public init(session: TaskNodeSession? = nil) { self.session = session }

    public func load() throws -> TaskNodeSession? { lock.withLock { session } }
    public func save(_ session: TaskNodeSession) throws { lock.withLock { self.session = session } }
    public func clear() throws { lock.withLock { session = nil } }
}
