import Foundation
import NIOCore

/// One signed webhook body the load generator posts (the signature covers the body only, so it is computed once).
struct SignedPayload: Sendable {
    let event: String
    let body: ByteBuffer
    let signature: String
}

/// What one load run saw, as wrk reported it.
struct LoadResult: Sendable {
    /// Responses read with a status below 400.
    var completed = 0
    /// Responses with a status of 400 or more.
    var failedStatus = 0
    /// Connect, read, write and timeout errors.
    var errors = 0
    var seconds = 0.0
    var p50Milliseconds = 0.0
    var p99Milliseconds = 0.0
    var maxMilliseconds = 0.0

    var completedPerSecond: Double { Double(completed) / max(seconds, 1e-9) }
}

/// A closed-loop load generator in a separate process: wrk (Debian's package), `connections` keep-alive
/// connections on one thread, each request with a unique `X-GitHub-Delivery` and a valid signature, cycling
/// through the payloads. Running the generator outside the benchmark process keeps its CPU out of the
/// server's measurements apart from the share the kernel gives it.
struct LoadGenerator {
    let payloads: [SignedPayload]
    let directory: URL

    /// Writes the bodies and the Lua script wrk runs.
    init(payloads: [SignedPayload], directory: URL) throws {
        self.payloads = payloads
        self.directory = directory
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        for (index, payload) in payloads.enumerated() {
            try Data(payload.body.readableBytesView).write(to: bodyURL(index))
        }
    }

    /// Posts for `seconds` over `connections` connections. wrk is waited for on a Dispatch thread, so the
    /// servers in this process keep both cooperative threads.
    func run(url: String, connections: Int, seconds: Int, deliveryPrefix: String) async throws -> LoadResult {
        try await withCheckedThrowingContinuation { reply in
            DispatchQueue.global().async {
                reply.resume(with: Result { try runBlocking(url: url, connections: connections, seconds: seconds, deliveryPrefix: deliveryPrefix) })
            }
        }
    }

    private func runBlocking(url: String, connections: Int, seconds: Int, deliveryPrefix: String) throws -> LoadResult {
        let script = directory.appendingPathComponent("\(deliveryPrefix).lua")
        try luaScript(deliveryPrefix: deliveryPrefix).write(to: script, atomically: true, encoding: .utf8)
        let process = Process()
        process.executableURL = try Self.wrkExecutable()
        process.arguments = ["-t1", "-c\(connections)", "-d\(seconds)s", "--timeout", "10s", "-s", script.path, url]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0, let line = text.split(separator: "\n").last(where: { $0.hasPrefix("WRK ") }) else {
            throw WebhookIngestError.loadGeneratorFailed(text)
        }
        return try Self.parse(String(line))
    }

    /// Parses the `WRK key=value …` line the script's `done` prints.
    static func parse(_ line: String) throws -> LoadResult {
        var values: [String: Double] = [:]
        for field in line.split(separator: " ").dropFirst() {
            let parts = field.split(separator: "=", maxSplits: 1)
            guard parts.count == 2, let value = Double(parts[1]) else { throw WebhookIngestError.loadGeneratorFailed(line) }
            values[String(parts[0])] = value
        }
        func value(_ key: String) throws -> Double {
            guard let value = values[key] else { throw WebhookIngestError.loadGeneratorFailed(line) }
            return value
        }
        let failedStatus = Int(try value("status"))
        return LoadResult(
            completed: Int(try value("requests")) - failedStatus,
            failedStatus: failedStatus,
            errors: Int(try value("connect") + value("read") + value("write") + value("timeout")),
            seconds: try value("duration_us") / 1e6,
            p50Milliseconds: try value("p50_us") / 1e3,
            p99Milliseconds: try value("p99_us") / 1e3,
            maxMilliseconds: try value("max_us") / 1e3
        )
    }

    static func wrkExecutable() throws -> URL {
        for directory in ["/usr/bin", "/usr/local/bin"] where FileManager.default.isExecutableFile(atPath: directory + "/wrk") {
            return URL(fileURLWithPath: directory + "/wrk")
        }
        throw WebhookIngestError.loadGeneratorFailed("wrk is not installed; run `apt-get install wrk` (scripts/bench installs it)")
    }

    private func bodyURL(_ index: Int) -> URL {
        directory.appendingPathComponent("body-\(index).json")
    }

    private func luaScript(deliveryPrefix: String) -> String {
        let table = payloads.enumerated().map { index, payload in
            "  { path = \"\(bodyURL(index).path)\", event = \"\(payload.event)\", signature = \"\(payload.signature)\" },"
        }.joined(separator: "\n")
        return """
        local payloads = {
        \(table)
        }
        local counter = 0

        function init(args)
          for _, payload in ipairs(payloads) do
            local file = assert(io.open(payload.path, "rb"))
            payload.body = file:read("*a")
            file:close()
          end
        end

        function request()
          counter = counter + 1
          local payload = payloads[counter % #payloads + 1]
          return wrk.format("POST", nil, {
            ["Content-Type"] = "application/json",
            ["X-GitHub-Event"] = payload.event,
            ["X-GitHub-Delivery"] = "\(deliveryPrefix)-" .. counter,
            ["X-Hub-Signature-256"] = payload.signature,
          }, payload.body)
        end

        function done(summary, latency, requests)
          local e = summary.errors
          io.write(string.format("WRK requests=%d duration_us=%d p50_us=%d p99_us=%d max_us=%d connect=%d read=%d write=%d status=%d timeout=%d\\n",
            summary.requests, summary.duration, latency:percentile(50), latency:percentile(99), latency.max,
            e.connect, e.read, e.write, e.status, e.timeout))
        end

        """
    }
}
