import Storage

/// A handler was given a job of a kind it does not take: a wiring mistake, never retried.
struct MisroutedJob: PermanentJobFailure, CustomStringConvertible {
    var kind: JobKind
    var handler: String
    var description: String { "\(handler) cannot run \(kind.rawValue) jobs; this pfbot build is wired wrongly — report it" }
}
