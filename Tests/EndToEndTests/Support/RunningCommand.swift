import Foundation
import PFBotTestSupport

/// A `pfbot` process left running: its standard output and error collected as they come, signals sent to it, and
/// its end awaited with a deadline.
final class RunningCommand: @unchecked Sendable {
    let process = Process()
    private let lock = NSLock()
    private var collected = ""

    /// Everything written to standard output and standard error so far, interleaved.
    var log: String { lock.withLock { collected } }

    /// Starts `pfbot arguments…` in `directory` with `environment` (see `CommandRunner.processEnvironment`).
    init(_ arguments: [String], in directory: String, environment: [String: String]) throws {
        process.executableURL = URL(fileURLWithPath: try CommandRunner().executable)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        process.environment = CommandRunner.processEnvironment(environment)
        process.standardInput = FileHandle.nullDevice
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        pipe.fileHandleForReading.readabilityHandler = { [weak self] handle in
            let data = handle.availableData
            guard let self, !data.isEmpty else { return }
            self.lock.withLock { self.collected += String(decoding: data, as: UTF8.self) }
        }
        try process.run()
    }

    /// Waits until the log contains `text`.
    /// - Throws: when it does not within `seconds`, or the process ended first.
    func waitFor(_ text: String, seconds: Double = 60) async throws {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if log.contains(text) { return }
            if !process.isRunning {
                try await Task.sleep(for: .milliseconds(200))
                if log.contains(text) { return }
                throw FixtureError.missing("pfbot ended (status \(process.terminationStatus)) before printing \(text.debugDescription): \(log.suffix(3000))")
            }
            try await Task.sleep(for: .milliseconds(50))
        }
        throw FixtureError.missing("pfbot did not print \(text.debugDescription) within \(seconds) s: \(log.suffix(3000))")
    }

    /// Sends `signal` to the process.
    func send(_ signal: Int32) {
        _ = kill(process.processIdentifier, signal)
    }

    /// Waits for the process to end and returns how: its exit status, or nil when a signal ended it, and how long
    /// the wait took.
    /// - Throws: when it is still running after `seconds` (it is then killed).
    func waitForExit(seconds: Double) async throws -> (status: Int32?, seconds: Double) {
        let start = Date()
        while process.isRunning {
            if Date().timeIntervalSince(start) > seconds {
                send(SIGKILL)
                throw FixtureError.missing("pfbot still ran \(seconds) s after the signal: \(log.suffix(3000))")
            }
            try await Task.sleep(for: .milliseconds(20))
        }
        let elapsed = Date().timeIntervalSince(start)
        try await Task.sleep(for: .milliseconds(100))
        return (process.terminationReason == .exit ? process.terminationStatus : nil, elapsed)
    }

    /// Kills the process if it still runs.
    func stop() {
        if process.isRunning { send(SIGKILL) }
    }
}
