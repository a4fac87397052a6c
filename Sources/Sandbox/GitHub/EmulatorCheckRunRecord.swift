import Foundation

/// A check run as the GitHub emulator holds it.
public struct EmulatorCheckRunRecord: Sendable, Equatable {
    /// The run's id.
    public var id: Int
    /// Its name (e.g. `pfbot / QC`).
    public var name: String
    /// The commit it checks.
    public var headSHA: String
    /// `queued`, `in_progress` or `completed`.
    public var status: String
    /// `success`, `failure`… once completed.
    public var conclusion: String?
}
