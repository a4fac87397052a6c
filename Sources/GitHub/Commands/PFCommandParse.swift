import Foundation

/// What one `/pf` line parsed to.
public enum PFCommandParse: Sendable, Equatable {
    /// `/pf` and a word.
    case command(PFCommand)
    /// `/pf` with nothing after it.
    case missingVerb(line: Int)
}
