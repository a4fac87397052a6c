import struct Foundation.Date
import PFBotCore

/// States of a job.
public enum JobState: String, Sendable, CaseIterable {
    /// Waiting for its run time or a worker.
    case queued
    /// Claimed by a worker until its lease ends.
    case running
    case done
    /// Failed on every attempt; kept for people to look at.
    case dead
}
