import Foundation

/// Pending writes in memory.
public final class InMemoryPendingWriteStore: PendingWriteStore, @unchecked Sendable {
    private let lock = NSLock()
    private var writes: [String: PendingWrite] = [:]

    /// An empty store.
    public init() {}

    public func pending(for key: String) throws -> PendingWrite? { lock.withLock { writes[key] } }
    public func save(_ write: PendingWrite) throws { lock.withLock { writes[write.key] = write } }
    public func remove(_ key: String) throws { lock.withLock { _ = writes.removeValue(forKey: key) } }
}
