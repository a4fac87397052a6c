import Foundation
import PFBotTestSupport
import Testing

@Suite struct DemoTests {
    /// `pfbot demo --json`, run as a user would: every task ends in its expected state, one submission per merged task.
    @Test func demoJSON_endsWithEveryTaskInItsExpectedState() async throws {
        let directory = try TemporaryDirectory(prefix: "pfbot-demo-cli")
        defer { directory.remove() }
        let result = try await CommandRunner().runAsync(["demo", "--json"], in: directory.path, environment: ["TMPDIR": directory.path])
        #expect(result.status == 0, "\(result.standardError.suffix(2000))")
        let envelope = try #require(try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [String: Any])
        #expect(envelope["ok"] as? Bool == true)
        let summary = try #require(envelope["result"] as? [String: Any])
        let tasks = try #require(summary["tasks"] as? [[String: Any]])
        #expect(tasks.count == 4)
        for task in tasks {
            #expect(task["state"] as? String == task["expected"] as? String, "\(task)")
        }
        #expect(tasks.compactMap { $0["state"] as? String }.sorted() == ["refused", "rejected", "rewarded", "rewarded"])
        let rejected = try #require(tasks.first { $0["state"] as? String == "rejected" })
        #expect(rejected["decision"] as? String == "reject" && rejected["reward_pft"] as? String == "0", "\(rejected)")
        #expect(result.standardError.contains("Implement the retry helper: rejected by the reviewer (0 PFT)"))
        #expect(!result.standardError.contains("rewarded (0 PFT"))
        #expect(summary["submissions"] as? Int == 3)
        // The code task's pushes ran in GitHub Actions: its test failed until the fix, then passed.
        let actions = try #require(summary["actions"] as? [[String: Any]])
        #expect(actions.compactMap { $0["quality"] as? String } == ["failure", "success"], "\(actions)")
        #expect(actions.compactMap { $0["steps"] as? String } == ["failure", "success"], "\(actions)")
        #expect((actions.first?["tests"] as? String ?? "").contains("| tests | ❌ fail | `make test` failed"), "\(actions)")
        #expect((actions.last?["tests"] as? String ?? "").contains("| tests | ✅ pass | `make test` passed"), "\(actions)")
        #expect(result.standardError.contains("→ the pfbot workflow on ") && result.standardError.contains("(jobs plan, read-only steps, apply: "))
        #expect(result.standardError.contains("▶ The reviewer decides"))
        // The sandbox's temporary folder is gone once the demo ends.
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasPrefix("pfbot-demo-") }.isEmpty)
        let api = try #require(summary["api"] as? [String: Any])
        #expect(api["tasks"] as? Int == 4)
        #expect((api["total"] as? Int ?? 0) > 0)
        #expect((api["by_route"] as? [[String: Any]])?.contains { $0["route"] as? String == "POST /repos/{owner}/{repo}/issues" } == true)
    }
}
