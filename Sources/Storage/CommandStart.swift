import Foundation

/// What an attempt to run one `/pf` command line of a comment finds recorded for it
/// (``Store/beginCommand(comment:line:verb:owner:at:takeOverAfter:)``).
public enum CommandStart: Sendable, Equatable {
    /// This attempt runs the command: it is the first, or the attempt that began it stopped (it never finished and began
    /// longer ago than a job's lease).
    case run
    /// An earlier attempt ran it; this is its reply.
    case finished(reply: String)
    /// Another attempt began it at `since` and may still be running it; this attempt must not run it too.
    case running(since: Date)
}
