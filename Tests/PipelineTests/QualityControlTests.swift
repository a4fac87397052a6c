import Foundation
import PFBotCore
@testable import Pipeline
import Testing

@Suite struct QualityControlTests {
    let rules = QualityRules(enabledRules: QualityRules.allRules, maxFileBytes: 10_000, maxTotalBytes: 50_000)

    func scaffold(_ task: PostFiatTask) throws -> (QCInput, TaskAnalysis) {
        let analysis = TaskAnalyzer().analyze(task)
        let files = try renderBuiltInPack(task).files
        let folder = TemplateRenderer.folder(for: task)
        let input = QCInput(task: task, analysis: analysis, folder: folder, files: files, changedPaths: Array(files.keys),
                            templatePaths: Array(files.keys), rules: rules)
        return (input, analysis)
    }

    @Test func freshScaffold_failsOnPlaceholdersAndUntickedChecklist() throws {
        let task = makeTask(title: "Write a guide", description: "- Explain installation\n- Explain upgrades", submission: ("url", "A link"))
        let (input, _) = try scaffold(task)
        let report = QualityControl().evaluate(input)
        #expect(!report.passed)
        #expect(report.conclusion == "failure")
        let failed = Set(report.results.filter { !$0.passed }.map(\.rule))
        #expect(failed == ["checklist", "placeholders"])
        let placeholder = try #require(report.annotations.first { $0.message.contains("TODO(pf)") })
        #expect(placeholder.line > 1)
        #expect(report.markdown().contains("| checklist | ❌ fail | 0 of 2 requirements ticked |"))
    }

    @Test func completedWork_passesEveryRule() throws {
        let task = makeTask(title: "Write a guide", description: "- Explain installation\n- Explain upgrades", submission: ("url", "A link"))
        var (input, analysis) = try scaffold(task)
        for (path, data) in input.files {
            let text = String(decoding: data, as: UTF8.self)
                .replacingOccurrences(of: "TODO(pf):", with: "Done:")
                .replacingOccurrences(of: "- [ ] ", with: "- [x] ")
            input.files[path] = Data(text.utf8)
        }
        input.files[input.folder + "/GUIDE.md"] = Data("# Guide\n\n## Install\n\nSee [the checklist](CHECKLIST.md) and [docs](https://example.org/docs).\n".utf8)
        let report = QualityControl().evaluate(input)
        #expect(report.passed, "\(report.markdown())")
        #expect(analysis.requirements.count == 2)
    }

    @Test func brokenMarkdownLinksSizeAndDeliverables_areAnnotatedAtTheirLines() throws {
        let task = makeTask(title: "Validator data", description: "- Publish a CSV with at least 3 rows\n- Add a screenshot", submission: ("screenshot", "An image"))
        var (input, _) = try scaffold(task)
        let folder = input.folder
        input.files[folder + "/data.csv"] = Data("name,uptime\na,1\n".utf8)
        input.files[folder + "/NOTES.md"] = Data("# Notes\n### Skipped\n[gone](missing.md) [bad](https://) [js](javascript:alert(1))\n```\nunclosed\n".utf8)
        input.files[folder + "/big.bin"] = Data(repeating: 1, count: 20_000)
        input.changedPaths.append(folder + "/big.bin")
        let report = QualityControl().evaluate(input)
        let byRule = Dictionary(uniqueKeysWithValues: report.results.map { ($0.rule, $0) })
        #expect(byRule["deliverables"]?.passed == false)
        #expect(byRule["deliverables"]?.annotations.map(\.message).contains { $0.contains("at least 3 rows/items; the largest .csv file has 1") } == true)
        #expect(byRule["deliverables"]?.annotations.map(\.message).contains { $0.contains("screenshot") } == true)
        #expect(byRule["markdown"]?.annotations.contains { $0.line == 3 && $0.message.contains("missing.md") } == true)
        #expect(byRule["markdown"]?.annotations.contains { $0.line == 4 && $0.message.contains("never closed") } == true)
        #expect(byRule["markdown"]?.annotations.contains { $0.line == 2 && $0.level == .warning } == true)
        #expect(byRule["links"]?.annotations.map(\.line) == [3, 3])
        #expect(byRule["size"]?.annotations.first?.path == folder + "/big.bin")
        #expect(byRule["evidence"]?.passed == false)
    }

    @Test func disabledRules_doNotRun_andTheReportIsBounded() throws {
        var (input, _) = try scaffold(makeTask(title: "x", description: "y"))
        input.rules.enabledRules = ["size"]
        let report = QualityControl().evaluate(input)
        #expect(report.results.map(\.rule) == ["size"])
        let many = QCReport(results: [QCRuleResult(rule: "placeholders", passed: false, summary: "many",
            annotations: (1...5000).map { QCAnnotation(path: "a.md", line: $0, level: .failure, message: String(repeating: "x", count: 40)) })])
        let text = many.markdown()
        #expect(text.count <= 65_535)
        #expect(text.hasSuffix("run `pfbot qc` for all of it."))
    }
}

/// QC reads a bounded number of bytes: small files first, none above the per-file cap, no more than the budget.
@Suite struct QualityControlReadPlanTests {
    @Test func largeFiles_areJudgedBySize_andTheBudgetIsNeverExceeded() {
        let rules = QualityRules(enabledRules: QualityRules.allRules, maxFileBytes: 1_048_576, maxTotalBytes: 10_485_760,
                                 readBudgetBytes: 2_500_000, readFileBytes: 2_000_000)
        let files: [(path: String, size: Int)] = [("tasks/t/README.md", 900), ("big/a.bin", 500_000_000), ("tasks/t/data.csv", 1_500_000),
                                                  ("tasks/t/more.csv", 1_400_000), ("tasks/t/huge.csv", 2_000_001), ("tasks/t/empty.md", 0)]
        let plan = QualityControlReadPlan(files: files, rules: rules)
        #expect(plan.read == ["tasks/t/README.md", "tasks/t/empty.md", "tasks/t/more.csv"])
        #expect(plan.read.reduce(0) { $0 + (plan.sizes[$1] ?? 0) } <= rules.readBudgetBytes)
        #expect(plan.sizes["big/a.bin"] == 500_000_000)
        #expect(plan.sizes.count == files.count)
    }

    @Test func sizeRule_usesTheTreeSizes_ofFilesItDidNotRead() throws {
        let task = makeTask()
        let analysis = TaskAnalyzer().analyze(task)
        let folder = TemplateRenderer.folder(for: task)
        let input = QCInput(task: task, analysis: analysis, folder: folder, files: [:], sizes: [folder + "/huge.bin": 500_000_000],
                            changedPaths: [folder + "/huge.bin"], templatePaths: [],
                            rules: QualityRules(enabledRules: ["size"], maxFileBytes: 1_048_576, maxTotalBytes: 10_485_760))
        let report = QualityControl().evaluate(input)
        #expect(!report.passed)
        #expect(report.annotations.contains { $0.message.contains("500000000 bytes") })
    }
}
