import Foundation
import PFBotCore
import PostFiat
import Sandbox
import Testing

@Suite struct ClientSessionTests {
    @Test func firstRead_logsInOnceAndKeepsTheCookie() async throws {
        try await EmulatorHarness.with { harness in
            await harness.propose()
            #expect(try await harness.client.listTasks().tasks.count == 1)
            #expect(try await harness.client.listTasks().tasks.count == 1)
            #expect(await harness.requests(to: "/api/auth/wallet/verify").count == 1)
            let stored = try #require(try harness.sessions.load())
            #expect(stored.address == harness.signer.address)
            #expect(stored.accountID.hasPrefix("acct_wallet_"))
            #expect(stored.expiresAt == harness.emulator.clock.now().addingTimeInterval(604_800))
        }
    }

    @Test func sessionExpiryMidRun_onWrite401_logsInAgainAndRetriesOnce() async throws {
        var options = TaskNodeEmulatorOptions()
        options.sessionMaxAgeSeconds = 3600
        try await EmulatorHarness.with(options: options) { harness in
            let id = try TaskID(await harness.propose())
            _ = try await harness.client.listTasks()
            // The stored expiry says the session is still good, but the server has dropped it (§2.1: 401 → re-login).
            let stale = try #require(try harness.sessions.load())
            harness.emulator.clock.advance(by: 3601)
            try harness.sessions.save(TaskNodeSession(cookie: stale.cookie, accountID: stale.accountID, address: stale.address,
                                                      expiresAt: harness.emulator.clock.now().addingTimeInterval(86_400)))
            let client = TaskNodeClient(configuration: TaskNodeConfiguration(baseURL: harness.server.baseURL), signer: harness.signer,
                                        sessionStore: harness.sessions, clock: SharedClock(clock: harness.emulator.clock),
                                        sleeper: harness.sleeper, jitter: FixedJitter(value: 0))
            #expect(try await client.accept(id, reason: "ok").status == "accepted")
            let statuses = await harness.requests(to: "/api/tasks/action").map(\.status)
            #expect(statuses == [401, 200, 200])
            #expect(await harness.requests(to: "/api/auth/wallet/verify").count == 2)
        }
    }

    @Test func signedOutListAnswer_isNeverNoTasks_itTriggersLogin() async throws {
        try await EmulatorHarness.with { harness in
            await harness.propose()
            try harness.sessions.save(TaskNodeSession(cookie: "dead-cookie", accountID: "acct", address: harness.signer.address,
                                                      expiresAt: harness.emulator.clock.now().addingTimeInterval(86_400)))
            let listing = try await harness.client.listTasks()
            #expect(listing.tasks.count == 1)
            #expect(listing.syncStatus == "ready")
            #expect(await harness.requests(to: "/api/tasks").count == 2)
        }
    }

    @Test func detail404WithADeadSession_logsInAgainInsteadOfReportingNotFound() async throws {
        try await EmulatorHarness.with { harness in
            let id = try TaskID(await harness.propose())
            try harness.sessions.save(TaskNodeSession(cookie: "dead-cookie", accountID: "acct", address: harness.signer.address,
                                                      expiresAt: harness.emulator.clock.now().addingTimeInterval(86_400)))
            #expect(try await harness.client.taskDetail(id).task.task.state == .proposed)
            #expect(await harness.requests(to: "/api/tasks/detail").map(\.status) == [404, 200])
            #expect(await harness.requests(to: "/api/session").count == 1)
        }
    }

    @Test func signedOutEvenAfterLogin_isSignedOutError() async throws {
        try await EmulatorHarness.with { harness in
            let signedOut: LiteralJSON = ["outstanding": [], "verification": [], "refused": [], "rewarded": [],
                                        "sync": ["status": "wallet_required"]]
            await harness.emulator.injectFault(path: "/api/tasks", response: EmulatorResponse(status: 200, body: signedOut.encoded()), count: 2)
            await #expect(throws: TaskNodeError.signedOut) { _ = try await harness.client.listTasks() }
        }
    }

    @Test func sessionNearExpiry_isRenewedBeforeUse() async throws {
        try await EmulatorHarness.with { harness in
            _ = try await harness.client.listTasks()
            harness.emulator.clock.advance(by: 604_800 - 60)
            _ = try await harness.client.listTasks()
            #expect(await harness.requests(to: "/api/auth/wallet/verify").count == 2)
            #expect(await harness.requests(to: "/api/tasks").allSatisfy { $0.status == 200 })
        }
    }

    @Test func concurrentFirstReads_shareOneLogin() async throws {
        try await EmulatorHarness.with { harness in
            let id = try TaskID(await harness.propose())
            async let listing = harness.client.listTasks()
            async let detail = harness.client.taskDetail(id)
            async let requests = harness.client.listRequests()
            _ = try await (listing, detail, requests)
            #expect(await harness.requests(to: "/api/auth/wallet/start").count == 1)
            #expect(await harness.requests(to: "/api/auth/wallet/verify").count == 1)
        }
    }

    @Test func logout_endsTheSessionAndForgetsIt() async throws {
        try await EmulatorHarness.with { harness in
            _ = try await harness.client.login()
            try await harness.client.logout()
            #expect(try harness.sessions.load() == nil)
            #expect(await harness.requests(to: "/api/auth/logout").map(\.status) == [200])
        }
    }
}

@Suite struct ClientRateLimitTests {
    @Test func sharedLimit429_waitsRetryAfterFromTheBodyThenSucceeds() async throws {
        try await EmulatorHarness.with { harness in
            let ids = await [harness.propose(), harness.propose()]
            _ = try await harness.client.login()
            // Burn the shared window of /api/tasks/action (20/60 s) with config calls from another client.
            let other = TaskNodeClient(configuration: TaskNodeConfiguration(baseURL: harness.server.baseURL), signer: harness.signer,
                                       sessionStore: harness.sessions, clock: SharedClock(clock: harness.emulator.clock),
                                       sleeper: harness.sleeper, jitter: FixedJitter(value: 0))
            for _ in 0..<19 {
                _ = try await other.accept(try TaskID(ids[0]), reason: "ok")
            }
            #expect(try await harness.client.accept(try TaskID(ids[1]), reason: "ok").status == "accepted")
            let statuses = await harness.requests(to: "/api/tasks/action").map(\.status)
            #expect(statuses.contains(429))
            #expect(harness.sleeper.recorded.contains { $0 >= 1 && $0 <= 60 })
        }
    }

    @Test func rateLimited429_headerOnly_usesRetryAfterHeader() async throws {
        try await EmulatorHarness.with { harness in
            await harness.propose()
            let limited = EmulatorResponse(status: 429, headers: [("retry-after", "7")], body: Data("<html>slow down</html>".utf8))
            await harness.emulator.injectFault(path: "/api/tasks", response: limited)
            let listing = try await harness.client.listTasks()
            #expect(listing.tasks.count == 1)
            #expect(harness.sleeper.recorded == [7])
        }
    }

    @Test func longRateLimitWindow_isReportedInsteadOfSleeping() async throws {
        try await EmulatorHarness.with { harness in
            let body: LiteralJSON = ["ok": false, "error": "agent_action_rate_limited", "retryAfterSeconds": 3000]
            await harness.emulator.injectFault(path: "/api/tasks", response: EmulatorResponse(status: 429, body: body.encoded()))
            await #expect(throws: TaskNodeError.rateLimited(code: "agent_action_rate_limited", retryAfterSeconds: 3000)) {
                _ = try await harness.client.listTasks()
            }
            #expect(harness.sleeper.recorded.isEmpty)
        }
    }

    @Test func agentCap_clientStopsBeforeTheServerAnswers429() async throws {
        try await EmulatorHarness.with(configure: { $0.agentCaps.taskRequest = 1 }) { harness in
            _ = try await harness.client.requestTask(kind: .personal, text: "one")
            await #expect(throws: TaskNodeError.self) { _ = try await harness.client.requestTask(kind: .personal, text: "two") }
            let submits = await harness.requests(to: "/api/tasks/request").compactMap { try? LiteralJSON.parse($0.request.body)["phase"] }
            #expect(submits.filter { $0 == "submit" }.count == 1)
        }
    }

    /// Concurrent writes reserve the cap before they are sent: with a cap of 2, five requests at once send two.
    @Test func agentCap_concurrentWrites_sendNoMoreThanTheCap() async throws {
        try await EmulatorHarness.with(configure: { $0.agentCaps.taskRequest = 2 }) { harness in
            let client = harness.client
            let outcomes = await withTaskGroup(of: Bool.self) { group in
                for index in 0..<5 {
                    group.addTask { (try? await client.requestTask(kind: .personal, text: "request \(index)")) != nil }
                }
                return await group.reduce(into: [Bool]()) { $0.append($1) }
            }
            #expect(outcomes.filter { $0 }.count == 2)
            let submits = await harness.requests(to: "/api/tasks/request").compactMap { try? LiteralJSON.parse($0.request.body)["phase"] }
            #expect(submits.filter { $0 == "submit" }.count == 2)
        }
    }

    @Test func agentCap_anActionRefusedWith409_stillCounts_asTheServerChargesBeforeTheGuard() async throws {
        try await EmulatorHarness.with(configure: { $0.agentCaps.taskAction = 2 }) { harness in
            let first = try TaskID(await harness.propose())
            let second = try TaskID(await harness.propose())
            _ = try await harness.client.accept(first, reason: "ok")
            await #expect(throws: TaskNodeError.self) { _ = try await harness.client.cancel(second, reason: "not accepted yet") }
            await #expect(throws: TaskNodeError.agentCapReached(action: "task_action", limit: 2,
                                                                retryAt: harness.emulator.clock.now().addingTimeInterval(3600))) {
                _ = try await harness.client.accept(second, reason: "ok")
            }
            let submits = await harness.requests(to: "/api/tasks/action").compactMap { try? LiteralJSON.parse($0.request.body)["phase"] }
            #expect(submits.filter { $0 == "submit" }.count == 2)
        }
    }

    @Test func agentCap_aSubmissionAnswered5xx_counts_asTheServerChargedBeforeTheWrite() async throws {
        try await EmulatorHarness.with(configure: { $0.agentCaps.taskSubmission = 1 }) { harness in
            let id = try TaskID(await harness.propose())
            _ = try await harness.client.accept(id, reason: "ok")
            await harness.emulator.injectFault(path: "/api/tasks/submission", response: EmulatorResponse(status: 502, body: Data()),
                                               bodyContains: #""phase":"submit""#)
            let evidence = [try Evidence(type: .url, value: "https://github.com/o/r/pull/7")]
            await #expect(throws: TaskNodeError.self) { _ = try await harness.client.submit(id, evidence: evidence) }
            let submits = await harness.requests(to: "/api/tasks/submission").compactMap { try? LiteralJSON.parse($0.request.body)["phase"] }
            #expect(submits.filter { $0 == "submit" }.count == 1, "the retry stops at pfbot's count instead of meeting a 429")
        }
    }

    @Test func agentCap_aSubmissionRefusedAt429_doesNotCount() async throws {
        try await EmulatorHarness.with(configure: { $0.agentCaps.taskSubmission = 1 }) { harness in
            let id = try TaskID(await harness.propose())
            _ = try await harness.client.accept(id, reason: "ok")
            let limited: LiteralJSON = ["ok": false, "error": "rate_limited", "retryAfterSeconds": 2]
            await harness.emulator.injectFault(path: "/api/tasks/submission", response: EmulatorResponse(status: 429, body: limited.encoded()),
                                               bodyContains: #""phase":"submit""#)
            let receipt = try await harness.client.submit(id, evidence: [try Evidence(type: .url, value: "https://github.com/o/r/pull/7")])
            #expect(receipt.status == "submitted")
        }
    }

    @Test func serverAgentCap429_carriesRetryAfterSecondsWithoutHeader() async throws {
        var options = TaskNodeEmulatorOptions()
        options.agentCaps["task_action"] = 1
        try await EmulatorHarness.with(options: options) { harness in
            let first = try TaskID(await harness.propose())
            let second = try TaskID(await harness.propose())
            _ = try await harness.client.accept(first, reason: "ok")
            await #expect(throws: TaskNodeError.rateLimited(code: "agent_action_rate_limited", retryAfterSeconds: 3600)) {
                _ = try await harness.client.accept(second, reason: "ok")
            }
        }
    }

    @Test func serverFailure_backsOffWithJitterAndRetries() async throws {
        try await EmulatorHarness.with { harness in
            let id = try TaskID(await harness.propose())
            _ = try await harness.client.login()
            await harness.emulator.injectFault(path: "/api/tasks/action",
                                               response: EmulatorResponse(status: 503, body: Data("<html>bad gateway</html>".utf8)))
            let receipt = try await harness.client.accept(id, reason: "ok")
            #expect(receipt.status == "accepted")
            #expect(harness.sleeper.recorded == [0.75])
        }
    }

    @Test func lostAnswerAfterTheWrite_rereadsTheTaskAndCountsItAsDone() async throws {
        try await EmulatorHarness.with { harness in
            let id = try TaskID(await harness.propose())
            await harness.emulator.injectFault(path: "/api/tasks/action", response: EmulatorResponse(status: 504, body: Data()),
                                               bodyContains: #""phase":"submit""#, afterHandling: true)
            let receipt = try await harness.client.accept(id, reason: "ok")
            #expect(receipt.alreadyApplied)
            #expect(await harness.emulator.task(id.rawValue)?.events.count == 2)
            #expect(await harness.requests(to: "/api/tasks/detail").count == 1)
        }
    }

    @Test func retriedWrite_reusesTheSameEventID() async throws {
        try await EmulatorHarness.with { harness in
            let id = try TaskID(await harness.propose())
            let fault = EmulatorResponse(status: 502, body: Data(#"{"ok":false,"error":"upstream"}"#.utf8))
            await harness.emulator.injectFault(path: "/api/tasks/action", response: fault, count: 2, bodyContains: #""phase":"submit""#)
            _ = try await harness.client.accept(id, reason: "ok")
            let bodies = await harness.requests(to: "/api/tasks/action").compactMap { try? LiteralJSON.parse($0.request.body) }
                .filter { $0["phase"] == "submit" }
            let eventIDs = Set(bodies.compactMap { $0["offchainPayload"]?["event_id"]?.stringValue })
            #expect(bodies.count == 3)
            #expect(eventIDs.count == 1)
            #expect(try harness.pending.pending(for: "\(id.rawValue)|accepted") == nil)
        }
    }

    @Test func pendingWriteFromAnEarlierRun_isResentWithItsEventID() async throws {
        try await EmulatorHarness.with { harness in
            let id = try TaskID(await harness.propose())
            let payload: LiteralJSON = ["schema": "pf.task.update.v1", "task_id": .string(id.rawValue), "event_id": "evt_from_earlier_run_0001"]
            try harness.pending.save(PendingWrite(key: "\(id.rawValue)|accepted", intent: "ok", payloadJSON: CanonicalJSON.string(of: payload)))
            let receipt = try await harness.client.accept(id, reason: "ok")
            #expect(receipt.eventID == "evt_from_earlier_run_0001")
        }
    }

    @Test func backoff_growsExponentiallyWithJitterAndIsCapped() {
        let policy = RetryPolicy(baseDelaySeconds: 1, maximumDelaySeconds: 8)
        #expect(policy.backoff(afterAttempt: 1, jitter: 0) == 0.5)
        #expect(policy.backoff(afterAttempt: 2, jitter: 1) == 2)
        #expect(policy.backoff(afterAttempt: 3, jitter: 0.5) == 3)
        #expect(policy.backoff(afterAttempt: 10, jitter: 1) == 8)
    }
}
