import AsyncHTTPClient
import Foundation
import PFBotTestSupport

/// One `pfbot serve` process of several sharing a database: its log, its port, and what its `/metrics` says.
struct ServeReplica {
    let name: String
    let command: RunningCommand
    let port: Int

    /// Where GitHub sends this replica's webhooks.
    var webhookURL: String { "http://127.0.0.1:\(port)/webhooks/github" }

    /// Starts `pfbot serve` with `environment` and waits until it listens.
    static func start(_ name: String, in directory: String, environment: [String: String]) async throws -> ServeReplica {
        let command = try RunningCommand(["serve"], in: directory, environment: environment)
        let banner = "listening on http://127.0.0.1:"
        do {
            try await command.waitFor(banner)
        } catch {
            command.stop()
            throw error
        }
        let log = command.log
        guard let range = log.range(of: banner), let port = Int(log[range.upperBound...].prefix(while: \.isNumber)) else {
            command.stop()
            throw FixtureError.missing("replica \(name) printed no port after \(banner.debugDescription): \(log.suffix(2000))")
        }
        return ServeReplica(name: name, command: command, port: port)
    }

    /// `pfbot_scheduler_lease_held` from this replica's `/metrics`: whether it holds the scheduler lease (nil when the
    /// gauge is missing or the replica does not answer).
    func holdsSchedulerLease() async -> Bool? {
        guard let response = try? await HTTPClient.shared.execute(HTTPClientRequest(url: "http://127.0.0.1:\(port)/metrics"), timeout: .seconds(5)),
              let body = try? await response.body.collect(upTo: 4 << 20) else { return nil }
        let line = String(buffer: body).split(separator: "\n").first { $0.hasPrefix("pfbot_scheduler_lease_held ") }
        return line.flatMap { $0.split(separator: " ").last }.flatMap { Double($0) }.map { $0 == 1 }
    }
}
