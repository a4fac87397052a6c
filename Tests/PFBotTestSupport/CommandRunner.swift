import Foundation

/// Runs the built `pfbot` executable as a separate process, as a user would.
public struct CommandRunner: Sendable {
    /// What a run printed and how it ended.
    public struct Result: Sendable {
        public var status: Int32
        public var standardOutput: String
        public var standardError: String
    }

    /// The executable's path.
    public let executable: String

    /// Finds `pfbot` beside the test bundle (SwiftPM builds it into the same folder).
    public init() throws {
        let bundleFolder = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        var candidates = [bundleFolder.appendingPathComponent("pfbot").path]
        if let root = try? Fixtures.packageRoot() {
            candidates.append(root.appendingPathComponent(".build/debug/pfbot").path)
        }
        guard let found = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else {
            throw FixtureError.missing("the pfbot executable was not built (looked in \(candidates.joined(separator: ", "))); run `swift build` first")
        }
        executable = found
    }

    /// The environment a run gets: `environment`, plus PATH, plus a UTF-8 locale (`LANG=C.UTF-8`) unless
    /// `environment` sets one of `LC_ALL`, `LC_CTYPE` or `LANG` itself.
    public static func processEnvironment(_ environment: [String: String]) -> [String: String] {
        var env = environment
        env["PATH"] = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        if env["LC_ALL"] == nil, env["LC_CTYPE"] == nil, env["LANG"] == nil { env["LANG"] = "C.UTF-8" }
        return env
    }

    /// Runs `pfbot arguments…` in `directory` with exactly `environment` (see ``processEnvironment(_:)``), standard
    /// input empty, and waits.
    public func run(_ arguments: [String], in directory: String, environment: [String: String] = [:]) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        process.environment = Self.processEnvironment(environment)
        process.standardInput = FileHandle.nullDevice
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        let errorData = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(
            status: process.terminationStatus,
            standardOutput: String(decoding: outputData, as: UTF8.self),
            standardError: String(decoding: errorData, as: UTF8.self)
        )
    }
}

extension CommandRunner {
    /// ``run(_:in:environment:)`` on a dispatch thread: the waiting never blocks the cooperative pool, whose few
    /// threads in-process loopback servers (emulators the child process talks to) need to answer.
    public func runAsync(_ arguments: [String], in directory: String, environment: [String: String] = [:]) async throws -> Result {
        try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async {
                continuation.resume(with: Swift.Result { try self.run(arguments, in: directory, environment: environment) })
            }
        }
    }
}
