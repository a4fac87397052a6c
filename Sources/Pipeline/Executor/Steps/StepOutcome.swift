import Foundation

/// How one command run by ``StepRunner`` ended, with the tail of what it printed.
public struct StepOutcome: Sendable, Equatable {
    /// How the command's shell ended.
    public enum Status: Sendable, Equatable {
        /// It exited with this code.
        case exited(Int32)
        /// A signal ended it (not one pfbot sent for a timeout).
        case signalled(Int32)
        /// It ran past its time limit; its whole process group was killed.
        case timedOut
        /// It never ran: the workflow's separate steps job left no result for it (that job failed, was cancelled, or
        /// ran an older plan).
        case notRun
    }

    /// How the command ended.
    public var status: Status
    /// The last bytes of its standard output and standard error (interleaved as written), at most the runner's tail size.
    public var tail: String
    /// Every byte it wrote, including those dropped from ``tail``.
    public var outputBytes: Int
    /// How long it ran.
    public var duration: Duration

    /// Creates an outcome from its parts.
    public init(status: Status, tail: String, outputBytes: Int, duration: Duration) {
        self.status = status
        self.tail = tail
        self.outputBytes = outputBytes
        self.duration = duration
    }

    /// Whether the command exited with status 0.
    public var succeeded: Bool { status == .exited(0) }

    /// The ending in words: `exit 0`, `exit 2`, `killed by signal 9`, `timed out`.
    public var statusText: String {
        switch status {
        case .exited(let code): return "exit \(code)"
        case .signalled(let signal): return "killed by signal \(signal)"
        case .timedOut: return "timed out"
        case .notRun: return "not run (the steps job left no result)"
        }
    }

    /// The last `count` non-empty lines of ``tail``.
    public func lastLines(_ count: Int) -> [String] {
        Array(tail.split(whereSeparator: \.isNewline).map(String.init).filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }.suffix(count))
    }
}
