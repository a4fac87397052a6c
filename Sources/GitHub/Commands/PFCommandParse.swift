import Foundation

/// What one `/pf` line parsed to.
public enum PFCommandParse: Sendable, Equatable {
    /// A known command.
    case command(PFCommand)
    /// `/pf` followed by a word that is not a verb (lower-cased as written).
    case unknownVerb(String, line: Int)
    /// `/pf` with nothing after it.
    case missingVerb(line: Int)
}
