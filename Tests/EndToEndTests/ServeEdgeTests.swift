import Foundation
import GitHub
import PFBotTestSupport
import SandboxWorld
import Testing

/// `pfbot serve` as a separate process under hostile clients: oversized unsigned bodies and connections that never
/// finish their headers. Its memory is read from `/proc`; honest deliveries and `/healthz` must keep answering.
@Suite(.serialized) struct ServeEdgeTests {
    static let secret = "edge-secret"
    static let hostileBodyBytes = 26 * 1024 * 1024

    @Test func hostileClients_areRefusedInBoundedMemoryAndTime_whileHonestOnesAreServed() async throws {
        try await withSandboxWorld(prefix: "pfbot-edge") { world, directory in
            let environment = [
                "PFBOT_SERVER_HOST": "127.0.0.1", "PFBOT_SERVER_PORT": "0", "PFBOT_LOG_LEVEL": "info",
                "PFBOT_GITHUB_WEBHOOK_SECRET": Self.secret, "GITHUB_TOKEN": SandboxWorld.actionsToken,
                "PFBOT_GITHUB_REPOSITORY": "acme/tasks", "PFBOT_GITHUB_API_URL": world.github.apiURL, "PFBOT_GITHUB_WRITE_SPACING_MS": "0",
                "PFBOT_TASKNODE_URL": world.taskNodeURL, "PFBOT_WALLET_SEED": SandboxWorld.walletSeed,
                "PFBOT_DATA_DIR": directory.file("data"), "PFBOT_TASKNODE_POLL_INTERVAL_SECONDS": "3600",
                // Short deadlines so the test need not wait the production defaults.
                "PFBOT_SERVER_HEADER_TIMEOUT_SECONDS": "3", "PFBOT_SERVER_IDLE_TIMEOUT_SECONDS": "3", "PFBOT_SERVER_READ_TIMEOUT_SECONDS": "10",
            ]
            let server = try await ServeProcess.launch(in: directory.path, environment: environment)
            defer { server.kill() }
            let port = server.port

            // 100 unsigned 26 MiB bodies at once (half declared by Content-Length, half chunked), one signed delivery meanwhile.
            async let refusals = Self.concurrently(100) { index in
                EdgeLoad.hostileBody(port: port, bodyBytes: Self.hostileBodyBytes, chunked: index % 2 == 1)
            }
            try await Task.sleep(for: .milliseconds(300))
            #expect(await Self.signedDelivery("edge-during-bodies", port: port) == 202)
            let refused = await refusals
            #expect(refused.count == 100)
            #expect(refused.allSatisfy { $0 == .status(413) || $0 == .status(401) }, "\(refused)")
            let peak = try #require(EdgeLoad.peakResidentBytes(pid: server.pid))
            #expect(peak < 200 * 1024 * 1024, "peak RSS \(peak / 1_048_576) MiB")

            // 100 connections trickling header lines, never finishing; the server must stay responsive and close them all.
            async let slow = Self.concurrently(100) { _ in EdgeLoad.slowHeaders(port: port, interval: 1, limit: 40) }
            try await Task.sleep(for: .seconds(1))
            #expect(await EdgeLoad.onThread { EdgeLoad.request(port: port, method: "GET", path: "/healthz") } == 200)
            #expect(await Self.signedDelivery("edge-during-slow-headers", port: port) == 202)
            let closedAfter = await slow
            #expect(closedAfter.allSatisfy { $0.map { $0 <= 30 } ?? false }, "\(closedAfter)")
        }
    }

    /// Runs `count` blocking clients at once, each on its own thread.
    static func concurrently<T: Sendable>(_ count: Int, _ client: @escaping @Sendable (Int) -> T) async -> [T] {
        await withTaskGroup(of: T.self) { group in
            for index in 0..<count { group.addTask { await EdgeLoad.onThread { client(index) } } }
            return await group.reduce(into: []) { $0.append($1) }
        }
    }

    static func signedDelivery(_ id: String, port: Int) async -> Int? {
        let body = Data(#"{"zen":"Keep it logically awesome.","hook_id":1}"#.utf8)
        let headers = ["Content-Type": "application/json", "X-GitHub-Event": "ping", "X-GitHub-Delivery": id,
                       "X-Hub-Signature-256": WebhookVerifier.signature(for: body, secret: secret)]
        return await EdgeLoad.onThread { EdgeLoad.request(port: port, path: "/webhooks/github", headers: headers, body: [UInt8](body)) }
    }
}
