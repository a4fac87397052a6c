import Foundation
import PostFiat
import Sandbox
import Testing

/// The Task Node emulator's injected faults (``TaskNodeEmulatorFaults``, ``TaskNodeEmulator/expireSessions()``),
/// checked directly: what a client meets when the soak turns them on.
@Suite struct TaskNodeEmulatorFaultTests {
    let signer = HMACTestSigner(secret: "dave")

    func makeEmulator(_ change: (inout TaskNodeEmulatorOptions) -> Void = { _ in }) -> TaskNodeEmulator {
        var options = TaskNodeEmulatorOptions()
        change(&options)
        return TaskNodeEmulator(checker: HMACTestChecker(), options: options)
    }

    func post(_ path: String, _ body: LiteralJSON, cookie: String? = nil) -> EmulatorRequest {
        var headers = ["content-type": "application/json"]
        if let cookie { headers["cookie"] = "tasknode_session=\(cookie)" }
        return EmulatorRequest(method: "POST", path: path, headers: headers, body: body.encoded())
    }

    func get(_ path: String, query: [String: String] = [:], cookie: String) -> EmulatorRequest {
        EmulatorRequest(method: "GET", path: path, query: query, headers: ["cookie": "tasknode_session=\(cookie)"])
    }

    func login(_ emulator: TaskNodeEmulator) async throws -> String {
        let start = try LiteralJSON.parse(await emulator.handle(post("/api/auth/wallet/start", ["address": .string(signer.address)])).body)
        let id = try #require(start["challenge"]?["id"]?.stringValue)
        let message = try #require(start["challenge"]?["message"]?.stringValue)
        let signature = try signer.sign(message: Array(message.utf8)).map { String(format: "%02X", $0) }.joined()
        let response = await emulator.handle(post("/api/auth/wallet/verify", [
            "challengeId": .string(id), "address": .string(signer.address), "publicKey": .string(signer.publicKeyHex), "signature": .string(signature),
        ]))
        let cookie = try #require(response.headers.first { $0.name == "Set-Cookie" }?.value)
        return String(cookie.split(separator: ";")[0].dropFirst("tasknode_session=".count))
    }

    func propose(_ emulator: TaskNodeEmulator) async -> String {
        let id = TaskNodeEmulator.newTaskID()
        await emulator.propose(EmulatorTask(taskID: id, wallet: signer.address, title: "T", offeredPFT: 5, updatedAt: emulator.clock.now()))
        return id
    }

    func status(_ emulator: TaskNodeEmulator, _ id: String, cookie: String) async throws -> String? {
        try LiteralJSON.parse(await emulator.handle(get("/api/tasks/detail", query: ["taskId": id], cookie: cookie)).body)["task"]?["statusKey"]?.stringValue
    }

    @Test func rateLimitFault_answers429RateLimited_withRetryAfterSecondsInTheBodyAndTheHeader() async throws {
        let emulator = makeEmulator()
        let cookie = try await login(emulator)
        await emulator.setFaults(TaskNodeEmulatorFaults(rateLimitRate: 1, retryAfterSeconds: 7))
        let response = await emulator.handle(get("/api/tasks", cookie: cookie))
        let body = try LiteralJSON.parse(response.body)
        #expect(response.status == 429)
        #expect(body["error"] == "rate_limited")
        #expect(body["route"] == "/api/tasks")
        #expect(body["retryAfterSeconds"] == 7)
        #expect(response.headers.first { $0.name == "retry-after" }?.value == "7")
        await emulator.setFaults(TaskNodeEmulatorFaults())
        #expect(await emulator.handle(get("/api/tasks", cookie: cookie)).status == 200)
    }

    @Test func serverErrorFault_answers503_andCarriesOutSomeWritesBeforeLosingTheAnswer() async throws {
        let emulator = makeEmulator { $0.agentCaps["task_action"] = 100 }
        let cookie = try await login(emulator)
        var ids: [String] = []
        for _ in 0..<20 { ids.append(await propose(emulator)) }
        await emulator.setFaults(TaskNodeEmulatorFaults(serverErrorRate: 1, seed: 11))
        for id in ids {
            let accept = await emulator.handle(post("/api/tasks/action", ["phase": "submit", "taskId": .string(id), "taskAction": "accept"], cookie: cookie))
            #expect(accept.status == 503)
        }
        await emulator.setFaults(TaskNodeEmulatorFaults())
        var accepted = 0
        for id in ids where await emulator.task(id)?.statusKey == "accepted" { accepted += 1 }
        #expect(accepted > 0 && accepted < ids.count, "\(accepted) of \(ids.count) writes were carried out")
    }

    @Test func expireSessions_signsOutEveryLiveSession_untilTheWalletLogsInAgain() async throws {
        let emulator = makeEmulator()
        let cookie = try await login(emulator)
        let id = await propose(emulator)
        #expect(try LiteralJSON.parse(await emulator.handle(get("/api/session", cookie: cookie)).body)["status"] == "signed_in")
        #expect(await emulator.expireSessions() == 1)
        #expect(try LiteralJSON.parse(await emulator.handle(get("/api/session", cookie: cookie)).body)["status"] == "signed_out")
        let write = await emulator.handle(post("/api/tasks/action", ["phase": "submit", "taskId": .string(id), "taskAction": "accept"], cookie: cookie))
        #expect(write.status == 401)
        #expect(try LiteralJSON.parse(write.body)["error"] == "task_login_required")
        let again = try await login(emulator)
        #expect(try LiteralJSON.parse(await emulator.handle(get("/api/session", cookie: again)).body)["status"] == "signed_in")
    }

    @Test func projectionLag_readsShowTheStateBeforeAWrite_untilTheLagHasPassed() async throws {
        let emulator = makeEmulator()
        let cookie = try await login(emulator)
        let id = await propose(emulator)
        await emulator.setFaults(TaskNodeEmulatorFaults(projectionLagSeconds: 30))
        let accept: LiteralJSON = ["phase": "submit", "taskId": .string(id), "taskAction": "accept"]
        #expect(await emulator.handle(post("/api/tasks/action", accept, cookie: cookie)).status == 200)
        #expect(try await status(emulator, id, cookie: cookie) == "proposed")
        let listed = try LiteralJSON.parse(await emulator.handle(get("/api/tasks", cookie: cookie)).body)
        #expect(listed["outstanding"]?.arrayValue?.first?["statusKey"] == "proposed")
        // The write path sees the current state: a second accept is refused with the post-state.
        let again = await emulator.handle(post("/api/tasks/action", accept, cookie: cookie))
        #expect(again.status == 409)
        #expect(try LiteralJSON.parse(again.body)["status"] == "accepted")
        emulator.clock.advance(by: 31)
        #expect(try await status(emulator, id, cookie: cookie) == "accepted")
    }
}
