import Foundation
import GitHub
import Sandbox
import Testing

@Suite struct PublishCheckTests {
    let repo = EmulatorHarness.repo

    @Test func anAppPublishesACheckRun() async throws {
        let harness = try await EmulatorHarness.start()
        let client = try await harness.appClient()
        let published = try await client.publishCheck(repo, CheckRunRequest(name: "pfbot/qc", headSha: "abc", conclusion: .success))
        guard case .checkRun(let run) = published else {
            Issue.record("expected a check run, got \(published)")
            return
        }
        #expect(run.conclusion == .success)
        await harness.stop()
    }

    @Test func aTokenWithoutChecksFallsBackToACommitStatus() async throws {
        let harness = try await EmulatorHarness.start()
        let client = try await harness.client()
        let request = CheckRunRequest(
            name: "pfbot/qc", headSha: "abc", conclusion: .failure, detailsUrl: "https://example.com/qc",
            output: CheckRunOutput(title: "2 requirements unmet", summary: "…"))
        guard case .commitStatus(let status) = try await client.publishCheck(repo, request) else {
            Issue.record("expected a commit status")
            return
        }
        #expect(status.state == .failure)
        #expect(status.context == "pfbot/qc")
        #expect(status.description == "2 requirements unmet")
        #expect(status.targetUrl == "https://example.com/qc")
        await harness.stop()
    }
}
