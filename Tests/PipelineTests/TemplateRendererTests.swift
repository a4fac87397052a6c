import Foundation
import PFBotCore
import Pipeline
import Testing

@Suite struct TemplateRendererTests {
    static let fixtures: [(Category, String, String, String)] = [
        (.code, "Implement a CLI flag for verbose output", "Add --verbose to the command line tool.", "NOTES.md"),
        (.docs, "Write the onboarding guide", "Explain the flow of a task through the pipeline.\n1. Cover installation\n2. Cover configuration", "GUIDE.md"),
        (.research, "Research which wallets support PFT", "Compare the wallets. Which wallets support memos? How fast are they?", "REPORT.md"),
        (.data, "Build a dataset of validators", "Publish a CSV with columns validator, domain, uptime percent and last seen date. Include at least 20 rows.", "data.csv"),
        (.outreach, "Write a Twitter thread about the release", "Announce the release on X and LinkedIn.", "POSTS.md"),
        (.design, "Design the logo", "Create a logo mockup for the wallet.", "DECISION.md"),
        (.other, "Say thanks", "Just do it.", "WORK.md"),
    ]

    @Test(arguments: fixtures)
    func everyCategory_rendersItsPack(category: Category, title: String, description: String, file: String) throws {
        let task = makeTask(title: title, description: description)
        #expect(TaskAnalyzer().analyze(task).category == category)
        let rendered = try renderBuiltInPack(task)
        #expect(rendered.choice.pack.name == category.rawValue)
        #expect(rendered.choice.pack.origin == .builtIn)
        #expect(rendered.choice.reason.contains("category \(category.rawValue)"))
        let folder = TemplateRenderer.folder(for: task)
        for name in ["README.md", "CHECKLIST.md", "SUBMISSION.md", file] {
            #expect(rendered.files[folder + "/" + name] != nil, "\(category) lacks \(name)")
        }
        #expect(rendered.files.keys.allSatisfy { $0.hasPrefix(folder + "/") })
        #expect(text(rendered.files, folder + "/README.md")?.contains("`\(category.rawValue)` template pack") == true)
    }

    @Test func docsPack_hasASectionPerRequirement_andAMermaidDiagramForAFlow() throws {
        let task = makeTask(title: "Write the onboarding guide", description: "Explain the flow of a task through the pipeline.\n1. Cover installation\n2. Cover configuration")
        let rendered = try renderBuiltInPack(task)
        let guide = try #require(text(rendered.files, TemplateRenderer.folder(for: task) + "/GUIDE.md"))
        #expect(guide.contains("## R1. Cover installation\n\n> Cover installation"))
        #expect(guide.contains("## R2. Cover configuration"))
        #expect(guide.contains("```mermaid\nflowchart LR"))
        let plain = try renderBuiltInPack(makeTask(title: "Write the onboarding guide", description: "1. Cover installation\n2. Cover upgrades"))
        #expect(!plain.files.values.contains { String(decoding: $0, as: UTF8.self).contains("mermaid") })
    }

    @Test func dataPack_headerAndSchemaComeFromTheNamedColumns() throws {
        let task = makeTask(title: "Build a dataset of validators", description: "Publish a CSV with columns validator, domain, uptime percent and last seen date. Include at least 20 rows.")
        let rendered = try renderBuiltInPack(task)
        let folder = TemplateRenderer.folder(for: task)
        #expect(text(rendered.files, folder + "/data.csv") == "validator,domain,uptime_percent,last_seen_date\n")
        let json = try #require(rendered.files[folder + "/datapackage.json"])
        let package = try #require(try JSONSerialization.jsonObject(with: json) as? [String: Any])
        let resource = try #require((package["resources"] as? [[String: Any]])?.first)
        let fields = try #require((resource["schema"] as? [String: Any])?["fields"] as? [[String: Any]])
        #expect(fields.compactMap { $0["name"] as? String } == ["validator", "domain", "uptime_percent", "last_seen_date"])
        #expect(fields.compactMap { $0["type"] as? String } == ["string", "string", "number", "date"])
        #expect(rendered.rules.map(\.name) == ["pack:table-schema", "pack:row-count"])
        #expect(text(rendered.files, folder + "/DATA.md")?.contains("at least 20 rows") == true)
    }

    @Test func outreachPack_hasADraftPerNamedPlatform() throws {
        let task = makeTask(title: "Write a Twitter thread about the release", description: "Also post it on Mastodon.")
        let posts = try #require(text(try renderBuiltInPack(task).files, TemplateRenderer.folder(for: task) + "/POSTS.md"))
        #expect(posts.contains("## X (at most 280 characters per post)"))
        #expect(posts.contains("## Mastodon (at most 500 characters per post)"))
        #expect(!posts.contains("LinkedIn"))
    }

    @Test func researchPack_hasAFindingPerQuestion_andChecks() throws {
        let task = makeTask(title: "Research which wallets support PFT", description: "Compare the wallets. Which wallets support memos? How fast are they?")
        let rendered = try renderBuiltInPack(task)
        let report = try #require(text(rendered.files, TemplateRenderer.folder(for: task) + "/REPORT.md"))
        #expect(report.contains("### Finding 1: Which wallets support memos?"))
        #expect(report.contains("### Finding 2: How fast are they?"))
        #expect(report.contains("## Sources\n\n| # | source | URL |"))
        #expect(rendered.rules.map(\.name) == ["pack:source-urls", "pack:requirements-addressed"])
    }

    @Test(arguments: [
        ("Package.swift", ["Sources/App/App.swift"], "Sources/App/VerboseFlag.swift", "Tests/AppTests/VerboseFlagTests.swift", "swift test"),
        ("package.json", [], "src/verbose-flag.js", "test/verbose-flag.test.js", "npm test"),
        ("pyproject.toml", ["src/tool/__init__.py"], "src/tool/verbose_flag.py", "tests/test_verbose_flag.py", "python -m pytest"),
        ("go.mod", [], "internal/verboseflag/verboseflag.go", "internal/verboseflag/verboseflag_test.go", "go test ./..."),
        ("Cargo.toml", [], "src/verbose_flag.rs", "tests/verbose_flag.rs", "cargo test"),
        ("Makefile", [], "src/verbose_flag.sh", "tests/test_verbose_flag.sh", "make test"),
    ])
    func codePack_scaffoldsSourceAndFailingTest_inTheToolchainsLayout(marker: String, more: [String], source: String, test: String, command: String) throws {
        let task = makeTask(title: "Verbose flag", description: "Implement a --verbose flag in the CLI.")
        let rendered = try renderBuiltInPack(task, paths: [marker, "README.md"] + more)
        #expect(rendered.choice.pack.name == "code")
        let source = try #require(text(rendered.files, source), "no \(source) for \(marker)")
        let test = try #require(text(rendered.files, test), "no \(test) for \(marker)")
        #expect(source.contains(TemplateRenderer.placeholderMarker))
        #expect(test.contains("not implemented yet"))
        let notes = try #require(text(rendered.files, TemplateRenderer.folder(for: task) + "/NOTES.md"))
        #expect(notes.contains("pfbot found `\(marker)`"))
        #expect(notes.contains(command))
        #expect(rendered.files.count == 6)
        let summary = try #require(rendered.rules.first).evaluate(emptyInput(task)).summary
        #expect(summary == "`\(command)` runs in GitHub Actions (pfbot action), not on the pfbot server")
    }

    @Test func codePack_withoutAToolchain_scaffoldsNotesOnly() throws {
        let task = makeTask(title: "Verbose flag", description: "Implement a --verbose flag in the CLI.")
        let rendered = try renderBuiltInPack(task, paths: ["README.md", "docs/x.md"])
        #expect(rendered.files.keys.sorted() == ["CHECKLIST.md", "NOTES.md", "README.md", "SUBMISSION.md"].map { TemplateRenderer.folder(for: task) + "/" + $0 })
    }

    @Test func taskText_isRenderedAsInertData() throws {
        let task = makeTask(
            title: "{{#x}}Pwn{{/x}} \u{202E}title guide", description: "Use {{> partial}} and <script>alert(1)</script> \u{0007}bell",
            steps: ["Step {{one}}"]
        )
        let files = try renderBuiltInPack(task).files
        let readme = try #require(text(files, TemplateRenderer.folder(for: task) + "/README.md"))
        #expect(readme.contains("# {{#x}}Pwn{{/x}} title guide"))
        #expect(readme.contains("Use {{&gt; partial}} and &lt;script&gt;alert(1)&lt;/script&gt; bell"))
        #expect(readme.contains("1. Step {{one}}"))
        #expect(!readme.contains("\u{202E}"))
    }

    @Test func slug_isBranchSafe() throws {
        #expect(TaskSlug(title: "Write the Onboarding Guide!", id: try TaskID("task_0123456789abcdef0123456789abcdef")).rawValue == "write-the-onboarding-guide-b4c344c555f1")
        #expect(TaskSlug(title: "日本語 ../../", id: try TaskID("task_x")).rawValue == "task-7272b4cc12cf")
        let long = TaskSlug(title: String(repeating: "word ", count: 40), id: try TaskID("task_1"))
        #expect(long.rawValue.count <= 56)
    }

    func emptyInput(_ task: PostFiatTask) -> QCInput {
        QCInput(task: task, analysis: TaskAnalyzer().analyze(task), folder: TemplateRenderer.folder(for: task), files: [:], changedPaths: [], templatePaths: [],
                rules: QualityRules(enabledRules: [], maxFileBytes: 1, maxTotalBytes: 1))
    }
}
