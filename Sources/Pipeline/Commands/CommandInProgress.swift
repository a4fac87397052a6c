import Foundation

/// A `/pf` command line another attempt began and may still be running; the job retries later, and takes the command
/// over if that attempt never finishes it.
struct CommandInProgress: Error, CustomStringConvertible {
    /// The comment's id.
    let comment: Int
    /// The command's line in the comment.
    let line: Int
    /// When the other attempt began it.
    let since: Date
    /// How long an unfinished attempt is waited for before it is taken over.
    let leaseSeconds: TimeInterval

    var description: String {
        "the /pf command on line \(line) of comment \(comment) is being run by another attempt since \(since); "
            + "this job retries, and takes it over if it is not finished \(Int(leaseSeconds)) s after it began"
    }
}
