import Foundation

/// Keeps the wallet session between runs.
public protocol SessionStore: Sendable {
    /// The stored session, or `nil`.
    /// - Throws: ``TaskNodeError/insecureSessionFile(path:mode:)`` or ``TaskNodeError/storageFailed(_:)``.
    func load() throws -> TaskNodeSession?
    /// Stores `session`, replacing any previous one.
    func save(_ session: TaskNodeSession) throws
    /// Forgets the stored session.
    func clear() throws
}
