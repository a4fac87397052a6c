import struct Foundation.Date
import PFBotCore

/// What happened to a failed job.
public enum JobFailureOutcome: Sendable, Equatable {
    /// It will run again at this time.
    case retry(at: Date)
    /// It used its last attempt and is now a dead letter.
    case dead
}
