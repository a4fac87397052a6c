import Foundation

/// What the emulator knows of a pushed commit: enough for the `head_commit` of a check suite.
struct EmulatedCommit: Sendable {
    var sha: String
    var message: String
    var author: EmulatedUser
    var at: Date
}
