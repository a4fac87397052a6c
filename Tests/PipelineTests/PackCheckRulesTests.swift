import Foundation
import PFBotCore
import Pipeline
import Testing

@Suite struct PackCheckRulesTests {
    func check(_ task: PostFiatTask, _ edit: (inout [String: Data], String) -> Void) throws -> QCReport {
        let rendered = try renderBuiltInPack(task)
        var files = rendered.files
        edit(&files, TemplateRenderer.folder(for: task))
        let input = QCInput(task: task, analysis: TaskAnalyzer().analyze(task), folder: TemplateRenderer.folder(for: task), files: files,
                            changedPaths: Array(files.keys), templatePaths: Array(rendered.files.keys),
                            rules: QualityRules(enabledRules: [], maxFileBytes: 1_000_000, maxTotalBytes: 1_000_000), packRules: rendered.rules)
        return QualityControl().evaluate(input)
    }

    @Test func dataChecks_validateRowsAgainstTheSchema_andTheRowCount() throws {
        let task = makeTask(title: "Build a dataset of validators", description: "Publish a CSV with columns validator, uptime percent and last seen date. Include at least 2 rows.")
        let bad = try check(task) { files, folder in
            files[folder + "/data.csv"] = Data("validator,uptime_percent,last_seen_date\nv1,abc,2026-01-02\n".utf8)
        }
        #expect(!bad.passed)
        #expect(bad.annotations.map(\.message).contains("uptime_percent: \"abc\" is not a number."))
        #expect(bad.annotations.contains { $0.message.contains("has 1 data row(s); the task asks for at least 2") })
        let good = try check(task) { files, folder in
            files[folder + "/data.csv"] = Data("validator,uptime_percent,last_seen_date\nv1,99.5,2026-01-02\n\"v2, quoted\",98,2026-01-03\n".utf8)
        }
        #expect(good.passed, "\(good.markdown())")
    }

    @Test func researchChecks_wantURLsAndEveryRequirementAddressed() throws {
        let task = makeTask(title: "Research wallets", description: "1. List the wallets\n2. Compare their fees")
        let fresh = try check(task) { _, _ in }
        #expect(Set(fresh.results.filter { !$0.passed }.map(\.rule)) == ["pack:source-urls", "pack:requirements-addressed"])
        let done = try check(task) { files, folder in
            files[folder + "/REPORT.md"] = Data("""
                # Report

                ## Findings

                ### Finding 1 (R1): List the wallets

                There are three.

                ### Finding 2 (R2): Compare their fees

                All are cheap [1].

                ## Sources

                | # | source | URL |
                |---|---|---|
                | 1 | Fees page | [fees](https://example.org/fees) |
                """.utf8)
        }
        #expect(done.passed, "\(done.markdown())")
        let badURL = try check(task) { files, folder in
            files[folder + "/REPORT.md"] = Data("### R1 x\n\nok\n\n### R2 y\n\nok\n\n## Sources\n\n| # | source |\n|---|---|\n| 1 | htp:/nowhere |\n".utf8)
        }
        #expect(badURL.annotations.map(\.line) == [13])
    }

    @Test func outreachCheck_measuresEachDraftAgainstItsPlatform() throws {
        let task = makeTask(title: "Write a Twitter thread about the release", description: "Announce it.")
        let report = try check(task) { files, folder in
            let long = String(repeating: "a", count: 281)
            files[folder + "/POSTS.md"] = Data("## X\n\n```text\nshort\n```\n\n```text\n\(long)\n```\n\n## LinkedIn\n\n```text\n\(long)\n```\n".utf8)
        }
        #expect(report.annotations.map(\.message) == ["this X draft has 281 characters; the limit is 280. Shorten it or split it into a thread."])
        #expect(report.annotations.map(\.line) == [7])
    }
}
