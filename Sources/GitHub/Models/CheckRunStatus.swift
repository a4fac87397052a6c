import Foundation

/// A check run status (`queued`, `in_progress`, `completed`, `waiting`, `requested`, `pending`).
public struct CheckRunStatus: RawRepresentable, Codable, Sendable, Hashable {
    /// The wire value.
    public var rawValue: String
    /// Creates a status from its wire value.
    public init(rawValue: String) { self.rawValue = rawValue }
    /// Queued.
    public static let queued = CheckRunStatus(rawValue: "queued")
    /// Running.
    public static let inProgress = CheckRunStatus(rawValue: "in_progress")
    /// Finished; a conclusion is required.
    public static let completed = CheckRunStatus(rawValue: "completed")
}
