import Foundation

/// `pfbot serve` as a child process of the soak: started with the soak's environment, SIGKILLed, and started again
/// on the same port (so GitHub's webhook URL stays put), its store and data folder kept. Each start logs to its own
/// file in the soak's folder.
final class SoakServe: @unchecked Sendable {
    private let pfbot: String
    private let directory: URL
    private let environment: [String: String]
    private let lock = NSLock()
    private var process: Process?
    private var starts = 0
    private var boundPort: Int?

    /// - Parameters:
    ///   - pfbot: the binary.
    ///   - directory: the working directory; logs go to `serve-N.log` there.
    ///   - environment: the configuration (`PFBOT_SERVER_PORT` is set here).
    init(pfbot: String, directory: URL, environment: [String: String]) {
        self.pfbot = pfbot
        self.directory = directory
        self.environment = environment
    }

    /// The port it listens on, once started.
    var port: Int? { lock.withLock { boundPort } }

    /// Starts it and waits until it listens; returns the port.
    /// - Throws: ``SoakError/serveDidNotStart(_:)`` when it does not listen within 60 s.
    @discardableResult
    func start() async throws -> Int {
        let (number, port) = lock.withLock { () -> (Int, Int?) in
            starts += 1
            return (starts, boundPort)
        }
        let log = directory.appendingPathComponent("serve-\(number).log")
        _ = FileManager.default.createFile(atPath: log.path, contents: nil)
        let output = try FileHandle(forWritingTo: log)
        let child = Process()
        child.executableURL = URL(fileURLWithPath: pfbot)
        child.arguments = ["serve"]
        child.currentDirectoryURL = directory
        var variables = environment
        variables["PFBOT_SERVER_PORT"] = String(port ?? 0)
        variables["PATH"] = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        variables["LANG"] = "C.UTF-8"
        child.environment = variables
        child.standardInput = FileHandle.nullDevice
        child.standardOutput = output
        child.standardError = output
        try child.run()
        try? output.close()
        lock.withLock { process = child }
        let listening = try await waitForListening(log, child)
        lock.withLock { boundPort = listening }
        return listening
    }

    /// Sends SIGKILL and waits until the process is gone.
    func kill() async {
        guard let child = lock.withLock({ process }) else { return }
        if child.isRunning { _ = Foundation.kill(child.processIdentifier, SIGKILL) }
        while child.isRunning { try? await Task.sleep(for: .milliseconds(20)) }
        lock.withLock { process = nil }
    }

    /// The end of the newest log.
    func logTail(_ characters: Int = 3000) -> String {
        let number = lock.withLock { starts }
        let text = (try? String(contentsOf: directory.appendingPathComponent("serve-\(number).log"), encoding: .utf8)) ?? ""
        return String(text.suffix(characters))
    }

    private func waitForListening(_ log: URL, _ child: Process) async throws -> Int {
        let banner = "listening on http://127.0.0.1:"
        let deadline = Date().addingTimeInterval(60)
        while Date() < deadline {
            let text = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
            if let range = text.range(of: banner), let port = Int(text[range.upperBound...].prefix(while: \.isNumber)) { return port }
            if !child.isRunning { break }
            try await Task.sleep(for: .milliseconds(50))
        }
        if child.isRunning { _ = Foundation.kill(child.processIdentifier, SIGKILL) }
        throw SoakError.serveDidNotStart(logTail())
    }
}
