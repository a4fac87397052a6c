import Foundation
import PFBotCore
import PFBotTestSupport
import Storage
import Testing

@Suite struct ReportCommandTests {
    /// A store with one rewarded task (accepted, submitted, rewarded 250 PFT) and one refused, plus QC audit entries.
    func makeStore(in directory: TemporaryDirectory) async throws {
        let store = try await StoreFactory.open(.sqlite(path: directory.file("data/pfbot.sqlite")))
        let start = Date(timeIntervalSince1970: 1_790_000_000)
        for (id, title, reward) in [("task_guide", "Write the | guide", "250"), ("task_tweet", "Tweet", "5")] {
            let task = PostFiatTask(id: try TaskID(id), title: title, kind: .personal, description: "Write docs.", steps: [], verificationAsk: nil,
                            submissionRequirement: nil, reward: try PFTAmount(parsing: reward), dueAt: nil, acceptBy: nil, deadlineAt: nil,
                            createdAt: start, updatedAt: start, state: .proposed)
            try await store.saveTask(TaskRecord(task: task), source: "tasknode")
        }
        let guide = try TaskID("task_guide")
        for (hour, state) in [(1.0, TaskState.accepted), (3, .submitted), (5, .verificationRequested), (6, .verificationResponseSubmitted), (7, .rewardDecided), (8, .rewarded)] {
            _ = try await store.transition(guide, to: state, source: "tasknode", note: nil, at: start.addingTimeInterval(hour * 3600))
        }
        _ = try await store.transition(try TaskID("task_tweet"), to: .refused, source: "command:refuse", note: nil, at: start.addingTimeInterval(600))
        try await store.appendAudit(AuditEntry(at: start, actor: "pfbot", action: "qc.failure", subject: "task_guide"))
        try await store.appendAudit(AuditEntry(at: start, actor: "pfbot", action: "qc.success", subject: "task_guide"))
        try await store.close()
    }

    @Test func markdown_isTheDefault_withRatesAndTasks() async throws {
        let directory = try TemporaryDirectory(prefix: "pfbot-report")
        defer { directory.remove() }
        try await makeStore(in: directory)
        let result = try CommandRunner().run(["report"], in: directory.path, environment: ["PFBOT_DATA_DIR": directory.file("data")])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardOutput.contains("| PFT earned | 250 PFT |"))
        #expect(result.standardOutput.contains("| acceptance rate | 50 % (1 of 2) |"))
        #expect(result.standardOutput.contains("| completion rate | 100 % (1 of 1) |"))
        #expect(result.standardOutput.contains("| QC pass rate | 50 % (1 of 2) |"))
        #expect(result.standardOutput.contains("Write the \\| guide"))
        #expect(result.standardOutput.contains("| 2026-09-21 | 250 PFT | 250 PFT |"))
    }

    @Test func jsonAndHTML_toAFile() async throws {
        let directory = try TemporaryDirectory(prefix: "pfbot-report")
        defer { directory.remove() }
        try await makeStore(in: directory)
        let json = try CommandRunner().run(["report", "--json"], in: directory.path, environment: ["PFBOT_DATA_DIR": directory.file("data")])
        #expect(json.status == 0, "\(json.standardError)")
        let envelope = try #require(try JSONSerialization.jsonObject(with: Data(json.standardOutput.utf8)) as? [String: Any])
        #expect((envelope["result"] as? [String: Any])?["earned_drops"] as? Int == 250_000_000)
        let document = try CommandRunner().run(["report", "--format", "json"], in: directory.path, environment: ["PFBOT_DATA_DIR": directory.file("data")])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(document.standardOutput.utf8)) as? [String: Any])
        #expect(object["earnedDrops"] as? Int == 250_000_000, "--format json keeps /dashboard.json's document")
        let html = try CommandRunner().run(["report", "--format", "html", "--output", directory.file("report.html")], in: directory.path,
                                           environment: ["PFBOT_DATA_DIR": directory.file("data")])
        #expect(html.status == 0, "\(html.standardError)")
        let page = try String(contentsOfFile: directory.file("report.html"), encoding: .utf8)
        #expect(page.hasPrefix("<!DOCTYPE html>"))
        #expect(page.contains("250 PFT"))
    }

    /// A task the reviewer rejected (rewarded 0 PFT) after its merge: `pfbot report --json` shows it as rejected, links
    /// its issue, pull request and merge commit on GitHub, and names it by title in the audit log.
    @Test func json_showsARejection_linksTheWork_andNamesAuditedTasks() async throws {
        let directory = try TemporaryDirectory(prefix: "pfbot-report")
        defer { directory.remove() }
        let store = try await StoreFactory.open(.sqlite(path: directory.file("data/pfbot.sqlite")))
        let start = Date(timeIntervalSince1970: 1_790_000_000)
        let id = try TaskID("task_retry")
        let task = PostFiatTask(id: id, title: "Fix the <retry>", kind: .personal, description: "Fix it.", steps: [], verificationAsk: nil,
                                submissionRequirement: nil, reward: try PFTAmount(parsing: "300"), dueAt: nil, acceptBy: nil, deadlineAt: nil,
                                createdAt: start, updatedAt: start, state: .proposed)
        try await store.saveTask(TaskRecord(task: task, repository: "acme/tasks", issueNumber: 7, pullNumber: 8, branch: "pf/retry"), source: "tasknode")
        for (hour, state) in [(1.0, TaskState.accepted), (3, .submitted)] {
            _ = try await store.transition(id, to: state, source: "pfbot", note: nil, at: start.addingTimeInterval(hour * 3600))
        }
        let sha = "0123456789abcdef0123456789abcdef01234567"
        try await store.recordMergeCommit(id, commit: sha)
        var rejected = try #require(try await store.task(id))
        rejected.task.state = .rewarded
        rejected.task.reward = .zero
        rejected.task.updatedAt = start.addingTimeInterval(5 * 3600)
        rejected.mergeCommit = nil
        try await store.saveTask(rejected, source: "tasknode")
        try await store.appendAudit(AuditEntry(at: start, actor: "tasknode", action: "reward.recorded", subject: "task_retry", detail: "0 PFT (reject)"))
        try await store.close()

        let result = try CommandRunner().run(["report", "--json"], in: directory.path, environment: ["PFBOT_DATA_DIR": directory.file("data")])
        #expect(result.status == 0, "\(result.standardError)")
        let envelope = try #require(try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [String: Any])
        let report = try #require(envelope["result"] as? [String: Any])
        let line = try #require((report["tasks"] as? [[String: Any]])?.first)
        #expect(line["state"] as? String == "rejected")
        #expect(line["merge_commit"] as? String == sha, "a save that did not know the merge commit kept it")
        #expect(line["links"] as? [String: String] == [
            "issue": "https://github.com/acme/tasks/issues/7", "pull_request": "https://github.com/acme/tasks/pull/8",
            "merge_commit": "https://github.com/acme/tasks/commit/\(sha)",
        ])
        #expect((report["tasks_by_state"] as? [[String: Any]])?.map { $0["state"] as? String } == ["rejected"])
        let audit = try #require((report["audit"] as? [[String: Any]])?.first)
        #expect(audit["title"] as? String == "Fix the <retry>")
        let markdown = try CommandRunner().run(["report"], in: directory.path, environment: ["PFBOT_DATA_DIR": directory.file("data")])
        #expect(markdown.standardOutput.contains("| rejected | 0 PFT |"))
        #expect(markdown.standardOutput.contains("[commit 0123456](https://github.com/acme/tasks/commit/\(sha))"))
        #expect(markdown.standardOutput.contains("Fix the \\<retry\\> (task\\_retry)"))
    }

    @Test func unwritableOutput_saysWhy_andExits1() async throws {
        let directory = try TemporaryDirectory(prefix: "pfbot-report")
        defer { directory.remove() }
        try await makeStore(in: directory)
        let result = try CommandRunner().run(["report", "--output", directory.file("missing/folder/report.md")], in: directory.path,
                                             environment: ["PFBOT_DATA_DIR": directory.file("data")])
        #expect(result.status == 1)
        #expect(result.standardError.contains("cannot write"))
    }
}
