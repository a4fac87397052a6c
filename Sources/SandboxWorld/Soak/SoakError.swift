import Foundation

/// Why a soak could not run (a soak that runs and finds losses or duplicates ends with a ``SoakResult`` instead).
public enum SoakError: Error, CustomStringConvertible {
    /// The command line was wrong.
    case usage(String)
    /// `pfbot serve` did not start listening.
    case serveDidNotStart(String)

    public var description: String {
        switch self {
        case .usage(let text): return text
        case .serveDidNotStart(let log): return "pfbot serve did not start listening within 60 s; the end of its log:\n\(log)"
        }
    }
}
