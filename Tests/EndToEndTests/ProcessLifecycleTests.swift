import Foundation
import PFBotTestSupport
import SandboxWorld
import Testing

/// `pfbot serve` and `pfbot demo` as processes under signals, and `serve`'s startup while its dependencies do not answer.
@Suite(.serialized) struct ProcessLifecycleTests {
    static func serveEnvironment(_ world: SandboxWorld, _ directory: TemporaryDirectory, gitHub: String? = nil, taskNode: String? = nil) -> [String: String] {
        [
            "PFBOT_SERVER_HOST": "127.0.0.1", "PFBOT_SERVER_PORT": "0", "PFBOT_LOG_LEVEL": "info",
            "PFBOT_GITHUB_WEBHOOK_SECRET": "lifecycle-secret", "GITHUB_TOKEN": SandboxWorld.actionsToken,
            "PFBOT_GITHUB_REPOSITORY": "acme/tasks", "PFBOT_GITHUB_API_URL": gitHub ?? world.github.apiURL,
            "PFBOT_TASKNODE_URL": taskNode ?? world.taskNodeURL, "PFBOT_WALLET_SEED": SandboxWorld.walletSeed,
            "PFBOT_DATA_DIR": directory.file("data"), "PFBOT_TASKNODE_POLL_INTERVAL_SECONDS": "3600",
        ]
    }

    /// The port of a `http://127.0.0.1:PORT…` URL.
    static func port(of url: String) throws -> Int {
        try #require(URL(string: url)?.port)
    }

    @Test func serve_onSIGTERM_drainsAndExits0WithinSeconds() async throws {
        try await withSandboxWorld(prefix: "pfbot-sigterm") { world, directory in
            let serve = try RunningCommand(["serve", "--json"], in: directory.path, environment: Self.serveEnvironment(world, directory))
            defer { serve.stop() }
            try await serve.waitFor("listening on http://127.0.0.1:")
            serve.send(SIGTERM)
            let end = try await serve.waitForExit(seconds: 10)
            #expect(end.status == 0, "\(serve.log.suffix(3000))")
            #expect(end.seconds < 5, "took \(end.seconds) s")
            #expect(serve.log.contains("stopping: no new connections; finishing or handing back claimed jobs"))
            #expect(serve.log.contains("stopped gracefully"))
            let envelope = try #require(serve.log.split(separator: "\n").last { $0.hasPrefix("{") })
            let object = try #require(try JSONSerialization.jsonObject(with: Data(envelope.utf8)) as? [String: Any])
            #expect(object["ok"] as? Bool == true)
            #expect((object["result"] as? [String: Any])?["stopped"] as? Bool == true)
        }
    }

    @Test func serve_whileGitHubAndTheTaskNodeRefuse_logsEachAttempt_thenStartsWhenTheyAnswer() async throws {
        try await withSandboxWorld(prefix: "pfbot-startup") { world, directory in
            let gitHubPort = try LoopbackRelay.freePort()
            let taskNodePort = try LoopbackRelay.freePort()
            let environment = Self.serveEnvironment(world, directory, gitHub: "http://127.0.0.1:\(gitHubPort)", taskNode: "http://127.0.0.1:\(taskNodePort)")
            let serve = try RunningCommand(["serve"], in: directory.path, environment: environment)
            defer { serve.stop() }
            try await serve.waitFor("waiting for GitHub: attempt 1, next in 1 s")
            try await serve.waitFor("waiting for GitHub: attempt 2, next in 2 s")
            #expect(!serve.log.contains("listening on"))
            let gitHub = try LoopbackRelay(port: gitHubPort, target: try Self.port(of: world.github.apiURL))
            defer { gitHub.stop() }
            try await serve.waitFor("waiting for the Task Node: attempt 1, next in 1 s")
            let taskNode = try LoopbackRelay(port: taskNodePort, target: try Self.port(of: world.taskNodeURL))
            defer { taskNode.stop() }
            try await serve.waitFor("listening on http://127.0.0.1:", seconds: 30)
            #expect(serve.log.contains("GitHub answers (attempt "))
            #expect(serve.log.contains("the Task Node answers (attempt "))
            serve.send(SIGINT)
            #expect(try await serve.waitForExit(seconds: 10).status == 0, "\(serve.log.suffix(3000))")
        }
    }

    @Test func serve_stoppedWhileWaitingForGitHub_exits0() async throws {
        try await withSandboxWorld(prefix: "pfbot-startup") { world, directory in
            let environment = Self.serveEnvironment(world, directory, gitHub: "http://127.0.0.1:\(try LoopbackRelay.freePort())")
            let serve = try RunningCommand(["serve"], in: directory.path, environment: environment)
            defer { serve.stop() }
            try await serve.waitFor("waiting for GitHub: attempt 1")
            serve.send(SIGTERM)
            #expect(try await serve.waitForExit(seconds: 10).status == 0, "\(serve.log.suffix(3000))")
            #expect(serve.log.contains("stopped before startup finished"))
        }
    }

    @Test func demoKeep_onSIGINT_exits0AndRemovesItsFolder() async throws {
        let temporary = try TemporaryDirectory(prefix: "pfbot-demo-keep")
        defer { temporary.remove() }
        let demo = try RunningCommand(["demo", "--keep"], in: temporary.path, environment: ["TMPDIR": temporary.path])
        defer { demo.stop() }
        try await demo.waitFor("The sandbox keeps running", seconds: 180)
        let sandboxes = try FileManager.default.contentsOfDirectory(atPath: temporary.path).filter { $0.hasPrefix("pfbot-demo-") }
        #expect(sandboxes.count == 1)
        demo.send(SIGINT)
        let end = try await demo.waitForExit(seconds: 20)
        #expect(end.status == 0, "\(demo.log.suffix(3000))")
        #expect(try FileManager.default.contentsOfDirectory(atPath: temporary.path).filter { $0.hasPrefix("pfbot-demo-") }.isEmpty)
        #expect(demo.log.contains("sandbox stopped and"))
    }

    @Test func demo_interruptedMidScenario_exits130AndRemovesItsFolder() async throws {
        let temporary = try TemporaryDirectory(prefix: "pfbot-demo-int")
        defer { temporary.remove() }
        let demo = try RunningCommand(["demo"], in: temporary.path, environment: ["TMPDIR": temporary.path])
        defer { demo.stop() }
        try await demo.waitFor("▶", seconds: 120)
        demo.send(SIGINT)
        let end = try await demo.waitForExit(seconds: 30)
        #expect(end.status == 130, "\(demo.log.suffix(3000))")
        #expect(demo.log.contains("the demo was stopped before the scenario finished"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: temporary.path).filter { $0.hasPrefix("pfbot-demo-") }.isEmpty)
    }
}
