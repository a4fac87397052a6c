@testable import Analytics
import Foundation
import PFBotCore
@testable import Pipeline
import Storage
import Testing

@Suite struct AnalyticsTests {
    let start = Date(timeIntervalSince1970: 1_790_000_000)

    func hours(_ value: Double) -> Date { start.addingTimeInterval(value * 3600) }

    func history(_ id: String, _ steps: [(TaskState, Double)]) -> (TaskID, [StateChange]) {
        let taskID = try! TaskID(id)
        var previous: TaskState?
        let changes = steps.map { state, at in
            defer { previous = state }
            return StateChange(taskID: taskID, from: previous, to: state, source: "test", note: nil, at: hours(at))
        }
        return (taskID, changes)
    }

    /// Four tasks: one rewarded 250 PFT after 4 h of work, one rewarded 0 PFT (rejected by the reviewer), one
    /// refused, one still in progress; three QC runs, two passing.
    func sample() -> AnalyticsReport {
        let records = [
            TaskRecord(task: makeTask("task_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", title: "Write <the> guide", reward: "250", state: .rewarded), issueNumber: 1),
            TaskRecord(task: makeTask("task_bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb", title: "Fix the retry", reward: "0", state: .rewarded), issueNumber: 2),
            TaskRecord(task: makeTask("task_cccccccccccccccccccccccccccccccc", title: "Tweet", reward: "5", state: .refused)),
            TaskRecord(task: makeTask("task_dddddddddddddddddddddddddddddddd", title: "Dataset", reward: "90", state: .inProgress), issueNumber: 4),
        ]
        let histories = Dictionary(uniqueKeysWithValues: [
            history("task_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", [(.proposed, 0), (.accepted, 1), (.inProgress, 2), (.submitted, 5), (.rewarded, 30)]),
            history("task_bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb", [(.proposed, 0), (.accepted, 2), (.submitted, 4), (.rewarded, 50)]),
            history("task_cccccccccccccccccccccccccccccccc", [(.proposed, 0), (.refused, 3)]),
            history("task_dddddddddddddddddddddddddddddddd", [(.proposed, 10), (.accepted, 11), (.inProgress, 12)]),
        ])
        let audit = [
            AuditEntry(at: hours(4), actor: "pfbot", action: "qc.success", subject: "task_a"),
            AuditEntry(at: hours(3), actor: "pfbot", action: "qc.failure", subject: "task_a"),
            AuditEntry(at: hours(2), actor: "github:octocat", action: "command.accept", subject: "task_a", detail: "go | <b>"),
            AuditEntry(at: hours(1), actor: "pfbot", action: "qc.success", subject: "task_b"),
        ]
        return AnalyticsCollector(auditLines: 3).report(records: records, histories: histories, audit: audit, now: hours(60))
    }

    @Test func rates_countWhatTheyName() {
        let report = sample()
        #expect(report.acceptance == .init(count: 3, outOf: 4))
        #expect(report.completion == .init(count: 1, outOf: 2))
        #expect(report.qualityControl == .init(count: 2, outOf: 3))
        #expect(report.qualityControl.value == 2.0 / 3.0)
        #expect(AnalyticsReport.Rate(count: 0, outOf: 0).value == nil)
    }

    @Test func earnings_areByTheDayOfTheReward_andCumulative() {
        let report = sample()
        #expect(report.earnedDrops == 250_000_000)
        #expect(report.earnings == [.init(day: "2026-09-22", drops: 250_000_000, cumulativeDrops: 250_000_000)])
    }

    @Test func timeInState_averagesSpans_andCountsTheOpenStateUntilNow() {
        let report = sample()
        let byState = Dictionary(uniqueKeysWithValues: report.timeInState.map { ($0.state, $0) })
        #expect(byState["proposed"]?.tasks == 4)
        #expect(abs((byState["proposed"]?.totalHours ?? 0) - (1 + 2 + 3 + 1)) < 1e-9)
        #expect(abs((byState["in_progress"]?.totalHours ?? 0) - (3 + 48)) < 1e-9)
        #expect(abs((byState["submitted"]?.meanHours ?? 0) - (25.0 + 46.0) / 2) < 1e-9)
        #expect(byState["rewarded"] == nil)
        #expect(report.timeInState.map(\.state) == ["proposed", "accepted", "in_progress", "submitted"])
    }

    @Test func taskLines_carryEstimatedAndRealizedReturn() throws {
        let report = sample()
        let guide = try #require(report.tasks.first { $0.id == "task_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa" })
        #expect(abs((guide.hoursToSubmit ?? 0) - 4) < 1e-9)
        #expect(abs((guide.realizedPFTPerHour ?? 0) - 62.5) < 1e-9)
        #expect(guide.estimatedPFTPerHour > 0)
        #expect(report.tasks.first { $0.state == "refused" }?.hoursToSubmit == nil)
        #expect(report.tasks.map(\.estimatedPFTPerHour) == report.tasks.map(\.estimatedPFTPerHour).sorted(by: >))
        #expect(report.tasksByState.map(\.state) == ["in_progress", "rewarded", "rejected", "refused"])
        #expect(report.tasks.first { $0.id == "task_bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb" }?.state == "rejected", "a reward of 0 PFT is the reviewer's rejection")
        #expect(report.audit.count == 3)
    }

    @Test func html_escapesEveryTextFromOutside_andLoadsNothing() {
        let html = HTMLReport.render(sample())
        #expect(html.contains("Write &lt;the&gt; guide"))
        #expect(!html.contains("<the>"))
        #expect(html.contains("go | &lt;b&gt;"))
        #expect(!html.contains("<script"))
        #expect(!html.contains("src="))
        #expect(!html.contains("href="), "a report saved to a file links no task page, and no GitHub address is known")
        #expect(html.contains("mean time per task (hours)"), "the value axis is named with its unit")
    }

    @Test func html_linksTasksToTheirPageAndToGitHub_namesTheAuditLogsTasks_andFitsANarrowScreen() {
        var record = TaskRecord(task: makeTask("task_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", title: "Write <the> guide", reward: "250", state: .rewarded),
                                repository: "acme/tasks", issueNumber: 1, pullNumber: 2)
        record.mergeCommit = "0123456789abcdef0123456789abcdef01234567"
        let audit = [AuditEntry(at: hours(1), actor: "pfbot", action: "qc.success", subject: "task_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
                                subjectTitle: "Write <the> guide")]
        let collector = AnalyticsCollector(gitHubWebURL: URL(string: "https://github.com"))
        let report = collector.report(records: [record], histories: [:], audit: audit, now: hours(60))
        let html = HTMLReport.render(report, taskPages: "dashboard/tasks/")
        #expect(html.contains(#"<a href="dashboard/tasks/task_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa">Write &lt;the&gt; guide</a>"#))
        #expect(html.contains(#"<a href="https://github.com/acme/tasks/issues/1">issue #1</a>"#))
        #expect(html.contains(#"<a href="https://github.com/acme/tasks/pull/2">PR #2</a>"#))
        #expect(html.contains(#"<a href="https://github.com/acme/tasks/commit/0123456789abcdef0123456789abcdef01234567">commit 0123456</a>"#))
        #expect(html.contains(#"<td>qc.success</td><td><a href="dashboard/tasks/task_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa">Write &lt;the&gt; guide</a>"#),
                "the audit log names the task by its title")
        #expect(html.contains("@media (max-width:40rem)") && html.contains(".scroll{overflow-x:auto}"))
        let markdown = MarkdownReport.render(report)
        #expect(markdown.contains("[#1](https://github.com/acme/tasks/issues/1) · [PR #2](https://github.com/acme/tasks/pull/2)"))
        #expect(markdown.contains("Write \\<the\\> guide (task\\_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa)"))
    }

    @Test func taskLinks_needAPlainRepositoryAndCommit() {
        let web = URL(string: "https://ghe.example.org")
        #expect(TaskLinks(webURL: web, repository: "acme/tasks", issue: 3, pull: nil, commit: "abc1234").mergeCommit
                == "https://ghe.example.org/acme/tasks/commit/abc1234")
        #expect(TaskLinks(webURL: web, repository: "acme/../x", issue: 3, pull: 4, commit: nil) == TaskLinks())
        #expect(TaskLinks(webURL: web, repository: "acme/tasks", issue: nil, pull: nil, commit: "\"><script>").mergeCommit == nil)
        #expect(TaskLinks(webURL: nil, repository: "acme/tasks", issue: 3, pull: nil, commit: nil) == TaskLinks())
    }

    @Test func markdown_keepsTableCellsOnOneLine_andEscapesMarkup() {
        let markdown = MarkdownReport.render(sample())
        #expect(markdown.contains("| acceptance rate | 75 % (3 of 4) |"))
        #expect(markdown.contains("Write \\<the\\> guide"))
        #expect(markdown.contains("go \\| \\<b\\>"))
        #expect(MarkdownReport.cell("a\nb|c") == "a b\\|c")
    }

    @Test func json_roundTrips() throws {
        let report = sample()
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        #expect(try decoder.decode(AnalyticsReport.self, from: AnalyticsJSON.encode(report)) == report)
    }

    @Test func absurdNumbers_neverCrashTheRenderers_norTheJSON() throws {
        // A stored estimate below the hand-set minimum (records decode without validation) and rewards that
        // overflow Int64 when added.
        var tiny = TaskRecord(task: makeTask("task_eeeeeeeeeeeeeeeeeeeeeeeeeeeeeeee", title: "Tiny", reward: "10", state: .proposed))
        tiny.manualEstimate = try JSONDecoder().decode(HourEstimate.self, from: Data(#"{"hours":1e-310,"reasons":[]}"#.utf8))
        let huge = (0..<3).map { index in
            TaskRecord(task: makeTask("task_f\(index)fffffffffffffffffffffffffffffff", title: "Huge", reward: "100000000000", state: .rewarded))
        }
        let records = [tiny] + huge.map { record in
            var copy = record
            copy.task.reward = PFTAmount(drops: .max / 2)
            return copy
        }
        let report = AnalyticsCollector().report(records: records, histories: [:], audit: [], now: start)
        #expect(report.tasks.allSatisfy { $0.estimatedPFTPerHour.isFinite })
        #expect(report.earnedDrops == .max)
        _ = HTMLReport.render(report)
        _ = MarkdownReport.render(report)
        _ = try AnalyticsJSON.encode(report)
    }

    @Test func handSetEstimates_belowAMinimumOf36Seconds_areRefused() throws {
        #expect(throws: DomainError.self) { try HourEstimate(hours: 1e-310, reasons: []) }
        #expect(throws: DomainError.self) { try HourEstimate(hours: 0.009, reasons: []) }
        #expect(try HourEstimate(hours: 0.01, reasons: []).hours == 0.01)
    }

    @Test func emptyStore_rendersWithoutNumbersToShow() {
        let report = AnalyticsCollector().report(records: [], histories: [:], audit: [], now: start)
        #expect(report.acceptance.value == nil)
        #expect(HTMLReport.render(report).contains("No tasks yet."))
        #expect(MarkdownReport.render(report).contains("| acceptance rate | – (0 of 0) |"))
    }
}
