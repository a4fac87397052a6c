import AsyncHTTPClient
import Foundation
import PFBotTestSupport
import Testing

/// `pfbot demo --keep` as a user runs it, then its dashboard, task pages and `/metrics` read over HTTP: the analytics
/// of four tasks played to their end (rewarded, partially rewarded, rejected with 0 PFT, refused).
@Suite(.serialized) struct DemoDashboardTests {
    @Test func demoKeep_servesADashboardThatIsRightAndUseful_andTheRealMetrics() async throws {
        let temporary = try TemporaryDirectory(prefix: "pfbot-demo-dash")
        defer { temporary.remove() }
        let demo = try RunningCommand(["demo", "--keep"], in: temporary.path, environment: ["TMPDIR": temporary.path])
        defer { demo.stop() }
        try await demo.waitFor("The sandbox keeps running", seconds: 180)
        let dashboard = try #require(demo.log.firstMatch(of: /Dashboard: (http:\/\/127\.0\.0\.1:\d+)\/dashboard/)?.1).description

        // /metrics is the process's own registry: the webhooks the sandbox's server took, the jobs run, the gauges.
        let metrics = try await Self.get(dashboard + "/metrics")
        #expect(metrics.contains(#"pfbot_webhooks_total{event="issue_comment",outcome="queued"}"#), "\(metrics.prefix(2000))")
        #expect(metrics.contains(#"pfbot_jobs_total{kind="pipeline.submit",outcome="done"} 3"#), "\(metrics.prefix(2000))")
        #expect(metrics.contains("pfbot_job_duration_seconds"))
        #expect(metrics.firstMatch(of: /\npfbot_tasks\{state="refused"\} 1(\.0)?\n/) != nil, "\(metrics.prefix(2000))")

        let json = try #require(try JSONSerialization.jsonObject(with: Data(try await Self.get(dashboard + "/dashboard.json").utf8)) as? [String: Any])
        let tasks = try #require(json["tasks"] as? [[String: Any]])
        let retry = try #require(tasks.first { $0["title"] as? String == "Implement the retry helper" })
        #expect(retry["state"] as? String == "rejected", "\(retry)")
        let byState = (json["tasksByState"] as? [[String: Any]] ?? []).map { "\($0["state"] ?? "")=\($0["tasks"] ?? "")" }
        #expect(byState == ["rewarded=2", "rejected=1", "refused=1"])
        let commit = try #require(retry["mergeCommit"] as? String)
        let links = try #require(retry["links"] as? [String: String])
        let web = try #require(links["issue"]?.components(separatedBy: "/acme/tasks/").first)
        #expect(links["issue"] == "\(web)/acme/tasks/issues/\(retry["issueNumber"] ?? "")")
        #expect(links["pullRequest"] == "\(web)/acme/tasks/pull/\(retry["pullNumber"] ?? "")")
        #expect(links["mergeCommit"] == "\(web)/acme/tasks/commit/\(commit)")
        let audit = try #require(json["audit"] as? [[String: Any]])
        #expect(audit.contains { $0["action"] as? String == "reward.recorded" && $0["title"] as? String == "Implement the retry helper" })
        // The verification answers were sent after the questions were seen: no answer's span is empty, and nothing
        // is still counted in verification_response_submitted once every task ended.
        let times = Dictionary(uniqueKeysWithValues: (json["timeInState"] as? [[String: Any]] ?? []).map { ($0["state"] as? String ?? "", $0) })
        #expect((times["verification_response_submitted"]?["tasks"] as? Int) == 3)
        #expect((times["submitted"]?["totalHours"] as? Double ?? 0) > 0, "\(times)")

        // Every ended task's history is in time order and ends on the state it is in.
        for task in tasks {
            let id = try #require(task["id"] as? String)
            let page = try await Self.get(dashboard + "/dashboard/tasks/" + id)
            let rows = page.matches(of: /<tr><td>(\d{4}-\d\d-\d\dT[\d:]+Z)<\/td><td>[a-z_—]+<\/td><td>([a-z_]+)<\/td>/).map { (String($0.1), String($0.2)) }
            #expect(!rows.isEmpty, "\(page)")
            #expect(rows.map(\.0) == rows.map(\.0).sorted(), "\(task["title"] ?? id): \(rows)")
            let last = try #require(rows.last?.1)
            #expect(last == (task["state"] as? String == "rejected" ? "rewarded" : task["state"] as? String), "\(task["title"] ?? id): \(rows)")
        }
        let retryPage = try await Self.get(dashboard + "/dashboard/tasks/" + (retry["id"] as? String ?? ""))
        #expect(retryPage.contains(#"<span class="state rejected">rejected</span>"#))
        #expect(retryPage.contains(#"<a href="\#(links["mergeCommit"] ?? "")">\#(commit.prefix(12))</a>"#))

        // The page: tasks linked to their page and to GitHub, titles in the audit log, named axes, a narrow layout.
        let html = try await Self.get(dashboard + "/dashboard")
        #expect(html.contains(#"<a href="dashboard/tasks/\#(retry["id"] as? String ?? "")">Implement the retry helper</a>"#))
        #expect(html.contains(#"<a href="\#(links["pullRequest"] ?? "")">PR #\#(retry["pullNumber"] ?? "")</a>"#))
        #expect(html.contains(#"<td>reward.recorded</td><td><a href="dashboard/tasks/"#))
        #expect(html.contains("mean time per task (hours)") && html.contains("estimated return (PFT per hour)"))
        #expect(html.contains(#"<span class="state rejected">rejected</span>"#))
        #expect(!html.contains(#"<span class="state rewarded">rewarded</span></td><td>0 PFT"#))
        #expect(html.contains(#"name="viewport" content="width=device-width"#) && html.contains("@media (max-width:40rem)"))
        #expect(html.firstMatch(of: /width:\s*\d+px|width="\d+"/) == nil, "no element has a fixed width in pixels")

        demo.send(SIGINT)
        #expect(try await demo.waitForExit(seconds: 20).status == 0, "\(demo.log.suffix(3000))")
    }

    static func get(_ url: String) async throws -> String {
        let response = try await HTTPClient.shared.execute(HTTPClientRequest(url: url), timeout: .seconds(10))
        #expect(response.status == .ok, "\(url)")
        return String(buffer: try await response.body.collect(upTo: 8 << 20))
    }
}
