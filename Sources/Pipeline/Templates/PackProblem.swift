/// One thing wrong with a template pack, tied to its file, line and key: `file:line: key: what is wrong, what to do`.
public struct PackProblem: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file at fault (`.github/pfbot/templates/docs/pack.yml`).
    public var file: String
    /// The 1-based line, when known.
    public var line: Int?
    /// The key path inside the file (`files[2].destination`), or empty for the file itself.
    public var key: String
    /// What is wrong and what to do about it.
    public var message: String

    /// Creates a problem.
    public init(file: String, line: Int?, key: String, message: String) {
        self.file = file
        self.line = line
        self.key = key
        self.message = message
    }

    /// `file:line: key: message`.
    public var description: String {
        let place = line.map { "\(file):\($0)" } ?? file
        return key.isEmpty ? "\(place): \(message)" : "\(place): \(key): \(message)"
    }
}

/// A pack could not be used; every problem found is listed.
public struct PackError: Error, Sendable, Equatable, CustomStringConvertible {
    /// All problems, in file order.
    public var problems: [PackProblem]

    /// Creates the error.
    public init(problems: [PackProblem]) {
        self.problems = problems
    }

    /// One problem per line.
    public var description: String {
        problems.map(\.description).joined(separator: "\n")
    }
}
