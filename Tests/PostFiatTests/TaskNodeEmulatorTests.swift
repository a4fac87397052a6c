import Foundation
import PostFiat
import Sandbox
import Testing

/// The emulator checked directly (protocol §10); choices the spec leaves open name their section.
@Suite struct TaskNodeEmulatorTests {
    let signer = HMACTestSigner(secret: "carol")

    func makeEmulator(_ change: (inout TaskNodeEmulatorOptions) -> Void = { _ in }) -> TaskNodeEmulator {
        var options = TaskNodeEmulatorOptions()
        change(&options)
        return TaskNodeEmulator(checker: HMACTestChecker(), options: options)
    }

    func post(_ path: String, _ body: LiteralJSON, cookie: String? = nil, contentType: String = "application/json") -> EmulatorRequest {
        var headers = ["content-type": contentType]
        if let cookie { headers["cookie"] = "tasknode_session=\(cookie)" }
        return EmulatorRequest(method: "POST", path: path, headers: headers, body: body.encoded())
    }

    func decode(_ response: EmulatorResponse) throws -> LiteralJSON { try LiteralJSON.parse(response.body) }

    func start(_ emulator: TaskNodeEmulator) async throws -> (id: String, message: String) {
        let reply = try decode(await emulator.handle(post("/api/auth/wallet/start", ["address": .string(signer.address)])))
        return (try #require(reply["challenge"]?["id"]?.stringValue), try #require(reply["challenge"]?["message"]?.stringValue))
    }

    func verifyBody(_ challenge: (id: String, message: String), signer: HMACTestSigner? = nil) throws -> LiteralJSON {
        let wallet = signer ?? self.signer
        let signature = try wallet.sign(message: Array(challenge.message.utf8)).map { String(format: "%02X", $0) }.joined()
        return ["challengeId": .string(challenge.id), "address": .string(self.signer.address),
                "publicKey": .string(wallet.publicKeyHex), "signature": .string(signature)]
    }

    func login(_ emulator: TaskNodeEmulator) async throws -> String {
        let response = await emulator.handle(post("/api/auth/wallet/verify", try verifyBody(try await start(emulator))))
        let cookie = response.headers.first { $0.name == "Set-Cookie" }?.value ?? ""
        return String(cookie.split(separator: ";")[0].dropFirst("tasknode_session=".count))
    }

    @Test func challenge_isAUUIDv4WithTheExactSixLineMessageAnd300sTTL() async throws {
        let emulator = makeEmulator()
        let challenge = try await start(emulator)
        #expect(challenge.id.range(of: "^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$", options: .regularExpression) != nil)
        let now = ISOTimestamp.string(from: emulator.clock.now())
        let expires = ISOTimestamp.string(from: emulator.clock.now().addingTimeInterval(300))
        #expect(challenge.message == "Post Fiat Task Node wallet login\nPurpose: wallet_login\nAddress: \(signer.address)\nChallenge: \(challenge.id)\nIssued: \(now)\nExpires: \(expires)")
    }

    @Test func verify_setsTheSevenDayCookieAndSessionBody() async throws {
        let emulator = makeEmulator()
        let response = await emulator.handle(post("/api/auth/wallet/verify", try verifyBody(try await start(emulator))))
        let body = try decode(response)
        #expect(response.status == 200)
        let cookie = try #require(response.headers.first { $0.name == "Set-Cookie" }?.value)
        #expect(cookie == "tasknode_session=\(body["session"]?["id"]?.stringValue ?? ""); HttpOnly; SameSite=Lax; Path=/; Max-Age=604800")
        #expect(body["session"]?["primaryProvider"] == "wallet")
        #expect(body["accountId"]?.stringValue?.count == "acct_wallet_".count + 24)
    }

    @Test func expiredChallenge_isInvalidOrExpired() async throws {
        let emulator = makeEmulator()
        let challenge = try await start(emulator)
        emulator.clock.advance(by: 300)
        let response = await emulator.handle(post("/api/auth/wallet/verify", try verifyBody(challenge)))
        #expect(response.status == 400)
        #expect(try decode(response)["error"] == "invalid_or_expired_challenge")
        #expect(try decode(response)["message"] == "Wallet login challenge is invalid or expired.")
    }

    @Test func failedVerify_burnsTheChallenge_soTheGoodSignatureFailsAfterwards() async throws {
        let emulator = makeEmulator()
        let challenge = try await start(emulator)
        let wrong = await emulator.handle(post("/api/auth/wallet/verify", try verifyBody(challenge, signer: HMACTestSigner(secret: "eve"))))
        #expect(wrong.status == 401)
        #expect(try decode(wrong)["error"] == "wallet_signature_invalid")
        let retry = await emulator.handle(post("/api/auth/wallet/verify", try verifyBody(challenge)))
        #expect(try decode(retry)["error"] == "invalid_or_expired_challenge")
    }

    @Test func challengeForAnotherAddress_isInvalidAndBurnt() async throws {
        let emulator = makeEmulator()
        let challenge = try await start(emulator)
        let other = HMACTestSigner(secret: "dave")
        let body: LiteralJSON = try verifyBody(challenge).setting("address", to: .string(other.address))
        #expect(try decode(await emulator.handle(post("/api/auth/wallet/verify", body)))["error"] == "invalid_or_expired_challenge")
        #expect(try decode(await emulator.handle(post("/api/auth/wallet/verify", try verifyBody(challenge))))["error"] == "invalid_or_expired_challenge")
    }

    @Test func challengeStore_dropsTheOldestBeyondItsCap() async throws {
        let emulator = makeEmulator { $0.maximumChallenges = 2 }
        let oldest = try await start(emulator)
        _ = try await start(emulator)
        let newest = try await start(emulator)
        #expect(try decode(await emulator.handle(post("/api/auth/wallet/verify", try verifyBody(oldest))))["error"] == "invalid_or_expired_challenge")
        #expect(await emulator.handle(post("/api/auth/wallet/verify", try verifyBody(newest))).status == 200)
    }

    @Test func agentCapForActions_isChargedBeforeTheGuard_soA409StillUsesQuota() async throws {
        let emulator = makeEmulator { $0.agentCaps["task_action"] = 2 }
        let cookie = try await login(emulator)
        let id = TaskNodeEmulator.newTaskID()
        await emulator.propose(EmulatorTask(taskID: id, wallet: signer.address, title: "T", offeredPFT: 5, updatedAt: emulator.clock.now()))
        let cancel: LiteralJSON = ["phase": "submit", "taskId": .string(id), "taskAction": "cancel"]
        #expect(await emulator.handle(post("/api/tasks/action", cancel, cookie: cookie)).status == 409)
        #expect(await emulator.handle(post("/api/tasks/action", cancel, cookie: cookie)).status == 409)
        let third = await emulator.handle(post("/api/tasks/action", cancel.setting("taskAction", to: "accept"), cookie: cookie))
        #expect(third.status == 429)
        #expect(try decode(third)["error"] == "agent_action_rate_limited")
        #expect(try decode(third)["policy"]?["action"] == "task_action")
        #expect(!third.headers.contains { $0.name.lowercased() == "retry-after" })
    }

    @Test func actionIsNotAnAlias_aBodyWithOnlyAction_isChargedThenRefused() async throws {
        let emulator = makeEmulator { $0.agentCaps["task_action"] = 1 }
        let cookie = try await login(emulator)
        let id = TaskNodeEmulator.newTaskID()
        await emulator.propose(EmulatorTask(taskID: id, wallet: signer.address, title: "T", offeredPFT: 5, updatedAt: emulator.clock.now()))
        let aliased: LiteralJSON = ["phase": "submit", "taskId": .string(id), "action": "accept"]
        let refused = await emulator.handle(post("/api/tasks/action", aliased, cookie: cookie))
        #expect(refused.status == 409)
        #expect(try decode(refused)["error"] == "task_action_not_available")
        #expect(await emulator.task(id)?.statusKey == "proposed")
        let next = await emulator.handle(post("/api/tasks/action", aliased.setting("taskAction", to: "accept"), cookie: cookie))
        #expect(next.status == 429, "the refused body used the quota")
    }

    @Test func invalidAddress_is400WalletAddressInvalid() async throws {
        let emulator = makeEmulator()
        let response = await emulator.handle(post("/api/auth/wallet/start", ["address": "not-an-address"]))
        #expect(response.status == 400)
        #expect(try decode(response)["error"] == "wallet_address_invalid")
    }

    @Test func routePolicies_404_405_415_400_andStrictBodies() async throws {
        let emulator = makeEmulator()
        let missing = await emulator.handle(EmulatorRequest(method: "GET", path: "/api/nope"))
        #expect(missing.status == 404)
        #expect(try decode(missing) == ["ok": false, "error": "api_route_not_found"])
        let wrongMethod = await emulator.handle(EmulatorRequest(method: "GET", path: "/api/tasks/action"))
        #expect(wrongMethod.status == 405)
        #expect(wrongMethod.headers.contains { $0.name == "Allow" && $0.value == "POST" })
        #expect(try decode(wrongMethod)["error"] == "task_action_method_not_allowed")
        let media = await emulator.handle(post("/api/tasks/action", ["phase": "config"], contentType: "text/plain"))
        #expect(media.status == 415)
        #expect(try decode(media)["error"] == "unsupported_media_type")
        let broken = await emulator.handle(EmulatorRequest(method: "POST", path: "/api/tasks/action",
                                                           headers: ["content-type": "application/json"], body: Data("{".utf8)))
        #expect(try decode(broken)["error"] == "invalid_json")
        let reason = await emulator.handle(post("/api/tasks/action", ["phase": "submit", "taskId": "task_x", "reason": "no"]))
        #expect(reason.status == 400)
        #expect(try decode(reason) == ["ok": false, "route": "/api/tasks/action", "error": "request_body_field_unknown",
                                       "field": "body.reason", "message": "The request body does not match this route's contract."])
        let proto = await emulator.handle(post("/api/tasks/action", ["offchainPayload": ["__proto__": ["x": 1]]]))
        #expect(try decode(proto)["error"] == "request_body_key_forbidden")
        var deep: LiteralJSON = "leaf"
        for _ in 0..<22 { deep = ["d": deep] }
        #expect(try decode(await emulator.handle(post("/api/tasks/action", ["metadata": deep])))["error"] == "request_body_too_deep")
        let tooBig = EmulatorRequest(method: "POST", path: "/api/auth/wallet/start", headers: ["content-type": "application/json"],
                                     body: Data(repeating: UInt8(ascii: " "), count: 5000))
        #expect(await emulator.handle(tooBig).status == 413)
    }

    @Test func sharedLimit_is429WithBodyAndHeaders_beforeAuthentication() async throws {
        let emulator = makeEmulator()
        for _ in 0..<20 { _ = await emulator.handle(post("/api/tasks/action", ["phase": "config"])) }
        emulator.clock.advance(by: 15)
        let limited = await emulator.handle(post("/api/tasks/action", ["phase": "config"]))
        #expect(limited.status == 429)
        #expect(try decode(limited) == ["ok": false, "error": "rate_limited", "route": "/api/tasks/action",
                                        "message": "Too many requests. Try again after the retry window.", "retryAfterSeconds": 45])
        #expect(limited.headers.contains { $0.name == "retry-after" && $0.value == "45" })
        #expect(limited.headers.contains { $0.name == "x-ratelimit-limit" && $0.value == "20" })
        #expect(limited.headers.contains { $0.name == "x-ratelimit-remaining" && $0.value == "0" })
        emulator.clock.advance(by: 45)
        #expect(await emulator.handle(post("/api/tasks/action", ["phase": "config"])).status == 401)
    }

    @Test func perAddressLoginLimit_allowsFiveStartsPerTenMinutes() async throws {
        let emulator = makeEmulator()
        for _ in 0..<5 { _ = try await start(emulator) }
        let sixth = await emulator.handle(post("/api/auth/wallet/start", ["address": .string(signer.address)]))
        #expect(sixth.status == 429)
    }

    @Test func signedOutList_is200WithEmptyBucketsAndWalletRequired() async throws {
        let emulator = makeEmulator()
        let response = await emulator.handle(EmulatorRequest(method: "GET", path: "/api/tasks"))
        let body = try decode(response)
        #expect(response.status == 200)
        #expect(body["sync"]?["status"] == "wallet_required")
        #expect(body["outstanding"] == [])
    }

    @Test func writeWithoutSession_isLoginRequiredPerRoute() async throws {
        let emulator = makeEmulator()
        #expect(try decode(await emulator.handle(post("/api/tasks/action", ["taskId": "task_x"])))["error"] == "task_login_required")
        #expect(try decode(await emulator.handle(post("/api/tasks/submission", ["taskId": "task_x"])))["error"] == "task_submission_login_required")
        #expect(try decode(await emulator.handle(post("/api/tasks/request", [:])))["error"] == "task_request_login_required")
    }

    @Test func guards_useTheExactCodesMessagesAndBodies() async throws {
        let emulator = makeEmulator()
        let cookie = try await login(emulator)
        let id = TaskNodeEmulator.newTaskID()
        await emulator.propose(EmulatorTask(taskID: id, wallet: signer.address, title: "T", offeredPFT: 5, updatedAt: emulator.clock.now()))
        let missingID = try decode(await emulator.handle(post("/api/tasks/action", ["phase": "submit"], cookie: cookie)))
        #expect(missingID["error"] == "task_id_required")
        let cancel = try decode(await emulator.handle(post("/api/tasks/action", ["phase": "submit", "taskId": .string(id), "taskAction": "cancel"], cookie: cookie)))
        #expect(cancel["error"] == "task_action_not_available")
        #expect(cancel["message"] == "This task state does not allow that action.")
        #expect(cancel["status"] == "proposed")
        let evidence = try decode(await emulator.handle(post("/api/tasks/submission", ["phase": "config", "taskId": .string(id)], cookie: cookie)))
        #expect(evidence["error"] == "task_submission_not_available")
        #expect(evidence["message"] == "This task state does not accept evidence right now.")
        let unknown = try decode(await emulator.handle(post("/api/tasks/action", ["phase": "submit", "taskId": "task_unknown", "taskAction": "accept"], cookie: cookie)))
        #expect(unknown["error"] == "task_not_found")
        #expect(unknown["message"] == "No indexed task projection was found for the linked wallet.")
    }

    @Test func reusedEventIDOnAnotherTask_is502_23505() async throws {
        let emulator = makeEmulator()
        let cookie = try await login(emulator)
        let first = TaskNodeEmulator.newTaskID()
        let second = TaskNodeEmulator.newTaskID()
        for id in [first, second] {
            await emulator.propose(EmulatorTask(taskID: id, wallet: signer.address, title: "T", offeredPFT: 5, updatedAt: emulator.clock.now()))
        }
        let payload: LiteralJSON = ["event_id": "evt_same"]
        _ = await emulator.handle(post("/api/tasks/action", ["phase": "submit", "taskId": .string(first), "taskAction": "accept", "offchainPayload": payload], cookie: cookie))
        let clash = await emulator.handle(post("/api/tasks/action", ["phase": "submit", "taskId": .string(second), "taskAction": "accept", "offchainPayload": payload], cookie: cookie))
        #expect(clash.status == 502)
        #expect(try decode(clash)["error"] == "23505")
    }

    @Test func submissionWithoutStructuredEvidence_isBuiltFromMethodAndValue() async throws {
        let emulator = makeEmulator()
        let cookie = try await login(emulator)
        let id = TaskNodeEmulator.newTaskID()
        await emulator.propose(EmulatorTask(taskID: id, wallet: signer.address, title: "T", offeredPFT: 5, updatedAt: emulator.clock.now()))
        _ = await emulator.handle(post("/api/tasks/action", ["phase": "submit", "taskId": .string(id), "taskAction": "accept"], cookie: cookie))
        let response = await emulator.handle(post("/api/tasks/submission", ["phase": "submit", "taskId": .string(id), "method": "url", "value": "https://example.org"], cookie: cookie))
        #expect(response.status == 200)
        let stored = try #require(await emulator.task(id)?.events.last)
        #expect(stored["schema"] == "pf.task.submission.v1")
        #expect(stored["evidence_items"] == [["index": 1, "artifact_type": "url", "value": "https://example.org"]])
        #expect(stored["event_id"]?.stringValue?.hasPrefix("task_evt_") == true)
        #expect(try decode(response)["txHash"]?.stringValue == "offchain:\(stored["event_id"]?.stringValue ?? "")")
    }

    @Test func enforcedSignatures_rejectClientPayloadSignatures() async throws {
        // §4.5: the stored payload always differs from the client's, so enforcement rejects every client signature.
        let emulator = makeEmulator { $0.enforceTransitionSignatures = true }
        let cookie = try await login(emulator)
        let id = TaskNodeEmulator.newTaskID()
        await emulator.propose(EmulatorTask(taskID: id, wallet: signer.address, title: "T", offeredPFT: 5, updatedAt: emulator.clock.now()))
        let response = await emulator.handle(post("/api/tasks/action", ["phase": "submit", "taskId": .string(id), "taskAction": "accept"], cookie: cookie))
        #expect(response.status == 400)
        #expect(try decode(response)["error"] == "task_transition_signature_invalid")
    }

    @Test func taskRequest_needsDetail_andIsIdempotentByRequestID() async throws {
        let emulator = makeEmulator()
        let cookie = try await login(emulator)
        let empty = try decode(await emulator.handle(post("/api/tasks/request", ["phase": "config", "userDetailText": "  "], cookie: cookie)))
        #expect(empty["error"] == "task_request_detail_required")
        let body: LiteralJSON = ["phase": "submit", "requestId": "req_abcdefgh12", "bundleId": "bundle_1", "userDetailText": "Docs please", "requestedTaskKind": "personal"]
        let first = try decode(await emulator.handle(post("/api/tasks/request", body, cookie: cookie)))
        let second = try decode(await emulator.handle(post("/api/tasks/request", body, cookie: cookie)))
        #expect(first["requestId"] == "req_abcdefgh12")
        #expect(second["requestId"] == "req_abcdefgh12")
        let minted = try decode(await emulator.handle(post("/api/tasks/request", body.setting("requestId", to: "BAD"), cookie: cookie)))
        #expect(minted["requestId"]?.stringValue?.hasPrefix("req_") == true)
        #expect(minted["requestId"] != "BAD")
    }

    @Test func terminalTask_keepsItsStatusOnALateWrite() async throws {
        let emulator = makeEmulator()
        let cookie = try await login(emulator)
        let id = TaskNodeEmulator.newTaskID()
        await emulator.propose(EmulatorTask(taskID: id, wallet: signer.address, title: "T", offeredPFT: 5, updatedAt: emulator.clock.now()))
        _ = await emulator.handle(post("/api/tasks/action", ["phase": "submit", "taskId": .string(id), "taskAction": "refuse"], cookie: cookie))
        #expect(await emulator.task(id)?.statusKey == "refused")
        let again = await emulator.handle(post("/api/tasks/action", ["phase": "submit", "taskId": .string(id), "taskAction": "refuse"], cookie: cookie))
        #expect(again.status == 409)
        #expect(try decode(again)["status"] == "refused")
    }
}
