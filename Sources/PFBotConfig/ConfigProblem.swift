/// One thing wrong with the configuration, tied to the key it concerns.
public struct ConfigProblem: Error, Sendable, Equatable, CustomStringConvertible {
    /// The dotted key path (`tasknode.url`), or the file path for problems with the file itself.
    public var keyPath: String
    /// What is wrong and what to do about it.
    public var message: String
    /// Where the value came from (`pfbot.yml:12`, `PFBOT_TASKNODE_URL`), when known.
    public var origin: String?

    public init(keyPath: String, message: String, origin: String? = nil) {
        self.keyPath = keyPath
        self.message = message
        self.origin = origin
    }

    public var description: String {
        if let origin { return "\(keyPath) (\(origin)): \(message)" }
        return "\(keyPath): \(message)"
    }
}

/// The configuration could not be used; every problem found is listed, not just the first.
public struct ConfigurationError: Error, Sendable, CustomStringConvertible {
    /// All problems, in key order.
    public var problems: [ConfigProblem]

    public init(problems: [ConfigProblem]) { self.problems = problems }

    public var description: String {
        problems.map(\.description).joined(separator: "\n")
    }
}
