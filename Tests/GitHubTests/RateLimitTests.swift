import Foundation
import GitHub
import Sandbox
import Testing

@Suite struct RateLimitTests {
    let repo = EmulatorHarness.repo

    @Test func primaryExhaustionWaitsUntilTheReset() async throws {
        let harness = try await EmulatorHarness.start()
        let client = try await harness.client()
        let reset = harness.clock.now().addingTimeInterval(42)
        await harness.emulator.injectRateLimit(.primary(resetAt: reset))
        #expect(try await client.repository(repo).name == "widgets")
        #expect(harness.clock.sleeps == [43])
        #expect(await harness.emulator.requests().map(\.status) == [403, 200])
        await harness.stop()
    }

    @Test func secondaryLimitHonoursRetryAfter() async throws {
        let harness = try await EmulatorHarness.start()
        let client = try await harness.client()
        await harness.emulator.injectRateLimit(.secondary(retryAfter: 17, status: 429))
        _ = try await client.repository(repo)
        #expect(harness.clock.sleeps == [17])
        await harness.stop()
    }

    @Test func secondaryLimitFault_refusesAShareOfRequests_andTheClientWaitsOutEachRetryAfter() async throws {
        let harness = try await EmulatorHarness.start()
        let client = try await harness.client()
        await harness.emulator.setFaults(GitHubEmulatorFaults(seed: 5, secondaryRateLimitRate: 0.2))
        for _ in 0..<20 { #expect(try await client.repository(repo).name == "widgets") }
        let statuses = await harness.emulator.requests().map(\.status)
        let refused = statuses.filter { $0 == 403 || $0 == 429 }.count
        #expect(statuses.filter { $0 == 200 || $0 == 304 }.count == 20)
        #expect(refused >= 2 && refused <= 20, "\(statuses)")
        #expect(harness.clock.sleeps == Array(repeating: 1, count: refused))
        await harness.stop()
    }

    @Test func secondaryLimitWithoutRetryAfterWaitsAMinuteThenBacksOff() async throws {
        let harness = try await EmulatorHarness.start()
        let client = try await harness.client()
        await harness.emulator.injectRateLimit(.secondary(retryAfter: nil, status: 403), count: 3)
        _ = try await client.repository(repo)
        #expect(harness.clock.sleeps == [60, 120, 240])
        await harness.stop()
    }

    @Test func givesUpAfterTheBound() async throws {
        let harness = try await EmulatorHarness.start()
        let client = try await harness.client(policy: RateLimitPolicy(maxRateLimitWaits: 2))
        await harness.emulator.injectRateLimit(.secondary(retryAfter: 5, status: 403), count: 5)
        do {
            _ = try await client.repository(repo)
            Issue.record("expected to give up")
        } catch GitHubError.rateLimited(let kind, let attempts, _) {
            #expect(kind == .secondary)
            #expect(attempts == 2)
        }
        #expect(harness.clock.sleeps == [5, 5])
        #expect(await harness.emulator.requests().count == 3)
        await harness.stop()
    }

    @Test func aResetTooFarAwayGivesUpAtOnce() async throws {
        let harness = try await EmulatorHarness.start()
        let client = try await harness.client(policy: RateLimitPolicy(maxSingleWait: 600))
        await harness.emulator.injectRateLimit(.primary(resetAt: harness.clock.now().addingTimeInterval(3_000)))
        await #expect(throws: GitHubError.self) { _ = try await client.repository(repo) }
        #expect(harness.clock.sleeps.isEmpty)
        await harness.stop()
    }

    @Test func anOrdinary403IsNotRetried() async throws {
        let harness = try await EmulatorHarness.start()
        let client = try await harness.client(token: "pat-rita")
        await #expect(throws: GitHubError.self) { _ = try await client.createIssue(repo, NewIssue(title: "x")) }
        #expect(await harness.emulator.requests().count == 1)
        #expect(harness.clock.sleeps.isEmpty)
        await harness.stop()
    }

    @Test func anExhaustedQuotaHoldsTheNextRequestUntilTheReset() async throws {
        let harness = try await EmulatorHarness.start()
        await harness.emulator.setRateLimit(1)
        let client = try await harness.client(policy: RateLimitPolicy(maxSingleWait: 4_000))
        _ = try await client.repository(repo)
        _ = try await client.collaboratorPermission(repo, username: "alice")
        #expect(harness.clock.sleeps == [3_601])
        #expect(await harness.emulator.requests().map(\.status) == [200, 200])
        await harness.stop()
    }

    @Test func conditionalGetsServeA304FromTheCache() async throws {
        let harness = try await EmulatorHarness.start()
        let client = try await harness.client()
        let first = try await client.repository(repo)
        let second = try await client.repository(repo)
        #expect(first == second)
        let requests = await harness.emulator.requests()
        #expect(requests.map(\.status) == [200, 304])
        #expect(requests[0].headers["if-none-match"] == nil)
        #expect(requests[1].headers["if-none-match"]?.hasPrefix("\"") == true)
        await harness.stop()
    }

    @Test func aChangedResourceIsFetchedAgain() async throws {
        let harness = try await EmulatorHarness.start()
        let client = try await harness.client()
        let issue = try await client.createIssue(repo, NewIssue(title: "before"))
        _ = try await client.issue(repo, number: issue.number, options: .standard)
        _ = try await client.updateIssue(repo, number: issue.number, IssueUpdate(title: "after"))
        #expect(try await client.issue(repo, number: issue.number, options: .standard).title == "after")
        await harness.stop()
    }

    @Test func writesAreSpacedAtLeastOneSecondApart() async throws {
        let harness = try await EmulatorHarness.start()
        let client = try await harness.client()
        _ = try await client.createIssue(repo, NewIssue(title: "one"))
        _ = try await client.repository(repo)
        _ = try await client.createIssue(repo, NewIssue(title: "two"))
        _ = try await client.createIssue(repo, NewIssue(title: "three"))
        #expect(harness.clock.sleeps == [1, 1])
        await harness.stop()
    }

    @Test func concurrentWritesAreSerialized() async throws {
        let harness = try await EmulatorHarness.start()
        let client = try await harness.client()
        try await withThrowingTaskGroup(of: Void.self) { group in
            for index in 0..<5 {
                group.addTask { _ = try await client.createIssue(repo, NewIssue(title: "n\(index)")) }
            }
            try await group.waitForAll()
        }
        #expect(harness.clock.sleeps.count == 4)
        #expect(harness.clock.sleeps.allSatisfy { $0 == 1 })
        await harness.stop()
    }

    @Test func aWebhookNamedObjectIsRetriedTwiceOn404() async throws {
        let harness = try await EmulatorHarness.start()
        let client = try await harness.client(policy: RateLimitPolicy(writeSpacing: 0, notFoundDelay: 0.5))
        await harness.emulator.setFaults(GitHubEmulatorFaults(readAfterWriteLag: 2))
        let issue = try await client.createIssue(repo, NewIssue(title: "lagging"))
        #expect(try await client.issue(repo, number: issue.number, options: .afterWebhook).title == "lagging")
        #expect(harness.clock.sleeps == [0.5, 0.5])
        await harness.stop()
    }

    @Test func a404IsNotRetriedWithoutTheOption() async throws {
        let harness = try await EmulatorHarness.start()
        let client = try await harness.client()
        await harness.emulator.setFaults(GitHubEmulatorFaults(readAfterWriteLag: 1))
        let issue = try await client.createIssue(repo, NewIssue(title: "lagging"))
        await #expect(throws: GitHubError.self) { _ = try await client.issue(repo, number: issue.number, options: .standard) }
        #expect(harness.clock.sleeps.isEmpty)
        await harness.stop()
    }

    @Test func serverErrorsAreRetriedWithBackoffThenReported() async throws {
        let harness = try await EmulatorHarness.start()
        let client = try await harness.client()
        await harness.emulator.failNextRequests(status: 502, count: 2)
        _ = try await client.repository(repo)
        #expect(harness.clock.sleeps == [1, 2])
        await harness.emulator.failNextRequests(status: 503, count: 3)
        do {
            _ = try await client.repository(repo)
            Issue.record("expected serverUnavailable")
        } catch GitHubError.serverUnavailable(let status, let attempts) {
            #expect(status == 503)
            #expect(attempts == 3)
        }
        await harness.stop()
    }

    @Test func clientErrorsAreNeverRetried() async throws {
        let harness = try await EmulatorHarness.start()
        let client = try await harness.client()
        for status in [400, 401, 403, 404, 410, 422] {
            await harness.emulator.failNextRequests(status: status, count: 1)
            do {
                _ = try await client.collaboratorPermission(repo, username: "alice")
                Issue.record("expected \(status)")
            } catch let error as GitHubError {
                #expect(error.status == status)
            }
        }
        #expect(await harness.emulator.requests().count == 6)
        #expect(harness.clock.sleeps.isEmpty)
        await harness.stop()
    }

    @Test func rateLimitHeadersAreParsed() {
        let headers = ["x-ratelimit-limit": "5000", "x-ratelimit-remaining": "0", "x-ratelimit-used": "5000", "x-ratelimit-reset": "1800000000", "x-ratelimit-resource": "core"]
        let status = RateLimitStatus { headers[$0] }
        #expect(status.isExhausted)
        #expect(status.resetAt == Date(timeIntervalSince1970: 1_800_000_000))
        #expect(status.resource == "core")
        #expect(RateLimitStatus { _ in nil }.isExhausted == false)
    }
}
