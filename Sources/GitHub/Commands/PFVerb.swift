import Foundation

/// The verbs of `/pf` comment commands.
public enum PFVerb: String, CaseIterable, Sendable {
    /// Show the commands.
    case help
    /// Show the task's state.
    case status
    /// Accept the offered task.
    case accept
    /// Refuse the offered task.
    case refuse
    /// Cancel the task.
    case cancel
    /// Start work (create the branch and draft PR).
    case start
    /// Run quality control now.
    case qc
    /// Submit the deliverable.
    case submit
    /// Answer the verification question.
    case verify
    /// Set the priority.
    case priority
    /// Give an estimate in hours.
    case estimate
    /// Request a new task.
    case request
}
