import Foundation

/// Persists pending writes between attempts and runs.
public protocol PendingWriteStore: Sendable {
    /// The pending write for `key`, if any.
    func pending(for key: String) throws -> PendingWrite?
    /// Stores `write`, replacing any previous one with the same key.
    func save(_ write: PendingWrite) throws
    /// Forgets the pending write for `key` once it is confirmed.
    func remove(_ key: String) throws
}
