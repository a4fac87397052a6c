import Foundation

/// Runs the `git` command-line tool for the benchmark's reference path (never used by the product).
struct GitCLI {

    /// Runs `git arguments…` and returns its stdout; throws when it exits non-zero.
    @discardableResult
    func run(_ arguments: [String], environment extra: [String: String] = [:], input: String? = nil) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/git")
        process.arguments = arguments
        var environment = ProcessInfo.processInfo.environment
        environment["GIT_AUTHOR_NAME"] = "pfbot"
        environment["GIT_AUTHOR_EMAIL"] = "pfbot@example.invalid"
        environment["GIT_COMMITTER_NAME"] = "pfbot"
        environment["GIT_COMMITTER_EMAIL"] = "pfbot@example.invalid"
        environment["GIT_AUTHOR_DATE"] = "1790000000 +0000"
        environment["GIT_COMMITTER_DATE"] = "1790000000 +0000"
        environment.merge(extra) { $1 }
        process.environment = environment
        let output = Pipe()
        let stdin = Pipe()
        process.standardOutput = output
        process.standardInput = stdin
        try process.run()
        if let input { try stdin.fileHandleForWriting.write(contentsOf: Data(input.utf8)) }
        try stdin.fileHandleForWriting.close()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw BenchmarkFailure("git \(arguments.joined(separator: " ")) exited with \(process.terminationStatus)")
        }
        return String(decoding: data, as: UTF8.self)
    }
}
