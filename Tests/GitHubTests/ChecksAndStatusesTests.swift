import Foundation
import GitHub
import Sandbox
import Testing

@Suite struct ChecksAndStatusesTests {
    let repo = EmulatorHarness.repo

    static func annotations(_ count: Int) -> [CheckAnnotation] {
        (1...count).map { CheckAnnotation(path: "Sources/A.swift", startLine: $0, endLine: $0, level: "warning", message: "issue \($0)") }
    }

    @Test func createsAndCompletesACheckRunWithAnAppInstallation() async throws {
        let harness = try await EmulatorHarness.start()
        let client = try await harness.appClient()
        let sha = try #require(try await harness.emulator.branchSHA(owner: "acme", repo: "widgets", branch: "main"))
        let created = try await client.createCheckRun(repo, CheckRunRequest(name: "pfbot/qc", headSha: sha, status: .inProgress))
        #expect(created.status == .inProgress)
        let done = try await client.updateCheckRun(
            repo, id: created.id,
            CheckRunRequest(conclusion: .success, output: CheckRunOutput(title: "QC passed", summary: "All good")))
        #expect(done.status == .completed)
        #expect(done.conclusion == .success)
        #expect(done.output?.title == "QC passed")
        await harness.stop()
    }

    @Test func annotationsAreSentInBatchesOfFifty() async throws {
        let harness = try await EmulatorHarness.start()
        let client = try await harness.appClient()
        let output = CheckRunOutput(title: "Lint", summary: "120 warnings", annotations: Self.annotations(120))
        let run = try await client.createCheckRun(repo, CheckRunRequest(name: "lint", headSha: "abc", conclusion: .neutral, output: output))
        #expect(run.output?.annotationsCount == 120)
        let stored = try #require(await harness.emulator.checkRuns(owner: "acme", repo: "widgets").first)
        #expect(stored.batches == [50, 50, 20])
        #expect(stored.annotations.count == 120)
        await harness.stop()
    }

    @Test func longSummariesAreTruncatedWithANote() async throws {
        let harness = try await EmulatorHarness.start()
        let client = try await harness.appClient()
        let long = String(repeating: "x", count: 70_000)
        let run = try await client.createCheckRun(
            repo, CheckRunRequest(name: "qc", headSha: "abc", conclusion: .failure, output: CheckRunOutput(title: "Big", summary: long)))
        let summary = try #require(run.output?.summary)
        #expect(summary.count == GitHubClient.checkRunTextLimit)
        #expect(summary.contains("truncated"))
        #expect(summary.contains("70000"))
        #expect(GitHubClient.truncatedForCheckRun("short") == "short")
        await harness.stop()
    }

    @Test func everySettableConclusionIsAccepted() async throws {
        let harness = try await EmulatorHarness.start()
        let client = try await harness.appClient(policy: RateLimitPolicy(writeSpacing: 0))
        for conclusion in CheckRunConclusion.settable {
            let run = try await client.createCheckRun(repo, CheckRunRequest(name: "c", headSha: "abc", conclusion: conclusion, detailsUrl: "https://x"))
            #expect(run.conclusion == conclusion)
        }
        await harness.stop()
    }

    @Test func aPersonalTokenCannotWriteChecksSoStatusesAreTheFallback() async throws {
        let harness = try await EmulatorHarness.start()
        let client = try await harness.client()
        do {
            _ = try await client.createCheckRun(repo, CheckRunRequest(name: "qc", headSha: "abc", status: .queued))
            Issue.record("a PAT wrote a check run")
        } catch let error as GitHubError {
            #expect(error.status == 403)
        }
        let status = try await client.createCommitStatus(
            repo, sha: "abc", state: CommitState(conclusion: .failure), context: "pfbot/qc",
            description: String(repeating: "d", count: 200), targetURL: "https://example.com")
        #expect(status.state == .failure)
        #expect(status.description?.count == 140)
        #expect(await harness.emulator.commitStatuses(owner: "acme", repo: "widgets").count == 1)
        await harness.stop()
    }

    @Test func conclusionsMapOntoStatusStates() {
        #expect(CommitState(conclusion: nil) == .pending)
        #expect(CommitState(conclusion: .success) == .success)
        #expect(CommitState(conclusion: .skipped) == .success)
        #expect(CommitState(conclusion: .actionRequired) == .failure)
        #expect(CommitState(conclusion: .timedOut) == .error)
    }
}
