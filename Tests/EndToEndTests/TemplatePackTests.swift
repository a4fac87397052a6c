import Foundation
import Git
import JSON
import GitHub
import PFBotCore
import PFBotTestSupport
import Pipeline
import SandboxWorld
import Storage
import Testing

/// Template packs through the executor: a task of each category is accepted in the sandbox and its branch holds
/// the files of its pack; a repository pack on the default branch replaces a built-in one; a broken one is reported
/// on the issue with file and line, and the built-in pack is used instead.
@Suite struct TemplatePackTests {
    static let maintainer = "octocat"

    static let tasks: [(Category, String, String, [String])] = [
        (.code, "Implement a CLI flag for verbose output", "Add --verbose to the command line tool.",
         ["NOTES.md", "/Sources/App/ImplementACliFlagForVerboseOutput.swift", "/Tests/AppTests/ImplementACliFlagForVerboseOutputTests.swift"]),
        (.docs, "Write the onboarding guide", "Explain the flow of a task through the pipeline.\n1. Cover installation", ["GUIDE.md"]),
        (.research, "Research which wallets support PFT", "Which wallets support memos?", ["REPORT.md"]),
        (.data, "Build a dataset of validators", "Publish a CSV with columns validator, domain and uptime percent.", ["data.csv", "datapackage.json", "DATA.md"]),
        (.outreach, "Write a Twitter thread about the release", "Announce the release.", ["POSTS.md"]),
        (.design, "Design the logo", "Create a logo mockup for the wallet.", ["DECISION.md"]),
        (.other, "Say thanks", "Just do it.", ["WORK.md"]),
    ]

    @Test(arguments: tasks)
    func aTaskOfEachCategory_getsItsPackOnItsBranch(category: Category, title: String, description: String, expected: [String]) async throws {
        try await withSandboxWorld(prefix: "pfbot-pack-\(category.rawValue)", collaborators: [Self.maintainer: "admin"]) { world, _ in
            let owner = SandboxContributor(login: Self.maintainer, world: world)
            if category == .code {
                _ = try await owner.push(to: "main", message: "A Swift package", extra: ["Package.swift": "// swift-tools-version:6.0\n", "Sources/App/App.swift": "enum App {}\n"]) { _, _ in nil }
                try await world.settle()
            }
            let (record, pull) = try await accept(world, title: title, description: description)
            let folder = TemplateRenderer.folder(for: record.task)
            let files = try await branchFiles(world, try #require(record.branch))
            for name in ["README.md", "CHECKLIST.md", "SUBMISSION.md"] + expected {
                let path = name.hasPrefix("/") ? String(name.dropFirst()) : folder + "/" + name
                #expect(files[path] != nil, "\(category): \(path) is not on the branch; it has \(files.keys.sorted())")
            }
            #expect(files[folder + "/README.md"]?.contains("`\(category.rawValue)` template pack") == true)
            let body = try await world.context.github.pullRequest(world.repository, number: pull).body ?? ""
            #expect(body.contains("Template pack: `\(category.rawValue)` (built-in), chosen for category \(category.rawValue)"), "\(body)")
            // The issue says it too, with the same reason.
            let issue = try await world.context.github.issue(world.repository, number: try #require(record.issueNumber), options: ReadOptions()).body ?? ""
            #expect(issue.contains("Template pack: `\(category.rawValue)` (built-in), chosen for category \(category.rawValue)"), "\(issue)")
        }
    }

    @Test func aRepositoryPack_replacesTheBuiltInOne() async throws {
        try await withSandboxWorld(prefix: "pfbot-pack-override", collaborators: [Self.maintainer: "admin"]) { world, _ in
            let owner = SandboxContributor(login: Self.maintainer, world: world)
            let sha = try await owner.push(to: "main", message: "Our docs layout", extra: [
                ".github/pfbot/templates/docs/pack.yml": "name: docs\ndescription: Handbook pages.\nwhen:\n  categories: [docs]\nfiles:\n  - template: PAGE.md.mustache\n    destination: \"{{folder}}/PAGE.md\"\n",
                ".github/pfbot/templates/docs/PAGE.md.mustache": "# {{title}}\n\nOur handbook layout.\n",
            ]) { _, _ in nil }
            try await world.settle()
            let checks = await world.github.emulator.checkRuns(owner: "acme", repo: "tasks").filter {
                $0.run["name"]?.stringValue == "pfbot / templates" && $0.run["head_sha"]?.stringValue == sha
            }
            #expect(checks.map { $0.run["conclusion"]?.stringValue } == ["success"])
            let (record, pull) = try await accept(world, title: "Write the onboarding guide", description: "- Explain installation")
            let folder = TemplateRenderer.folder(for: record.task)
            let files = try await branchFiles(world, try #require(record.branch))
            #expect(files[folder + "/PAGE.md"] == "# Write the onboarding guide\n\nOur handbook layout.\n")
            #expect(files[folder + "/GUIDE.md"] == nil)
            #expect(files[folder + "/CHECKLIST.md"] != nil)
            let body = try await world.context.github.pullRequest(world.repository, number: pull).body ?? ""
            #expect(body.contains("Template pack: `docs` (repository (.github/pfbot/templates/docs))"), "\(body)")
            let issue = try await world.context.github.issue(world.repository, number: try #require(record.issueNumber), options: ReadOptions()).body ?? ""
            #expect(issue.contains("Template pack: `docs` (repository (.github/pfbot/templates/docs)), chosen for category docs"), "\(issue)")
        }
    }

    @Test func aBrokenRepositoryPack_isReportedWithFileAndLine_andTheBuiltInPackIsUsed() async throws {
        try await withSandboxWorld(prefix: "pfbot-pack-broken", collaborators: [Self.maintainer: "admin"]) { world, _ in
            let owner = SandboxContributor(login: Self.maintainer, world: world)
            let sha = try await owner.push(to: "main", message: "A broken pack", extra: [
                ".github/pfbot/templates/docs/pack.yml": "name: docs\ndescription: Handbook pages.\nwhen:\n  categories: [docs, poetry]\nfiles:\n  - template: PAGE.md.mustache\n    destination: x.md\n",
            ]) { _, _ in nil }
            try await world.settle()
            let checks = await world.github.emulator.checkRuns(owner: "acme", repo: "tasks").filter {
                $0.run["name"]?.stringValue == "pfbot / templates" && $0.run["head_sha"]?.stringValue == sha
            }
            let check = try #require(checks.first, "the push that changed the pack got a pfbot / templates check")
            #expect(check.run["conclusion"]?.stringValue == "failure")
            let annotation = try #require(check.annotations.first)
            #expect(annotation["path"]?.stringValue == ".github/pfbot/templates/docs/pack.yml")
            #expect(annotation["start_line"]?.intValue == 4)
            #expect(annotation["message"]?.stringValue == "\"poetry\" is not a category; use one of code, docs, research, design, data, outreach, other.")
            let (record, _) = try await accept(world, title: "Write the onboarding guide", description: "- Explain installation")
            let folder = TemplateRenderer.folder(for: record.task)
            let files = try await branchFiles(world, try #require(record.branch))
            #expect(files[folder + "/GUIDE.md"] != nil, "the built-in docs pack was used")
            #expect(files["x.md"] == nil)
            let issue = try #require(record.issueNumber)
            let comments = try await world.context.github.listComments(world.repository, issue: issue).compactMap(\.body)
            let report = try #require(comments.first { $0.contains("could not use a template pack") })
            #expect(report.contains(".github/pfbot/templates/docs/pack.yml:4: when.categories: \"poetry\" is not a category; use one of code, docs, research, design, data, outreach, other."))
            #expect(report.contains(".github/pfbot/templates/docs/pack.yml:6: files[0].template: \"PAGE.md.mustache\" is not in .github/pfbot/templates/docs/; add the file or fix the name.") == false,
                    "a manifest with problems is refused before its files are looked for")
        }
    }

    @Test func aRepositoryPackWritingIntoGitHubFolder_isRefusedForTheTask_andTheBuiltInPackIsUsed() async throws {
        try await withSandboxWorld(prefix: "pfbot-pack-escape", collaborators: [Self.maintainer: "admin"]) { world, _ in
            let owner = SandboxContributor(login: Self.maintainer, world: world)
            _ = try await owner.push(to: "main", message: "A pack that writes a workflow", extra: [
                ".github/pfbot/templates/docs/pack.yml": "name: docs\ndescription: x\nwhen:\n  categories: [docs]\nfiles:\n  - template: w.mustache\n    destination: .github/workflows/x.yml\n",
                ".github/pfbot/templates/docs/w.mustache": "on: push\n",
            ]) { _, _ in nil }
            try await world.settle()
            let (record, _) = try await accept(world, title: "Write the onboarding guide", description: "- Explain installation")
            let files = try await branchFiles(world, try #require(record.branch))
            #expect(files[".github/workflows/x.yml"] == nil)
            #expect(files[TemplateRenderer.folder(for: record.task) + "/GUIDE.md"] != nil, "the built-in docs pack was used")
            let comments = try await world.context.github.listComments(world.repository, issue: try #require(record.issueNumber)).compactMap(\.body)
            #expect(comments.contains { $0.contains(".github/pfbot/templates/docs/pack.yml: cannot be rendered for this task: Pack docs renders the destination") })
        }
    }

    // MARK: - Helpers

    /// Proposes a task, syncs, accepts it on its issue and lets the bot scaffold it.
    func accept(_ world: SandboxWorld, title: String, description: String) async throws -> (record: TaskRecord, pull: Int) {
        let id = await world.propose(title: title, description: description, pft: 120)
        try await world.sync()
        let issue = try #require(try await world.store.task(try TaskID(id))?.issueNumber)
        try await SandboxContributor(login: Self.maintainer, world: world).comment(on: issue, "/pf accept")
        try await world.settle()
        let record = try #require(try await world.store.task(try TaskID(id)))
        return (record, try #require(record.pullNumber))
    }

    /// Every file on a branch of the sandbox's remote.
    func branchFiles(_ world: SandboxWorld, _ branch: String) async throws -> [String: String] {
        let workspace = LibGit2Workspace(dataDirectory: world.directory.appendingPathComponent("reader"))
        let token = "token-\(Self.maintainer)"
        let handle = try await workspace.mirror(remoteURL: world.context.git.remoteURL, token: token)
        try await workspace.fetch(in: handle, token: token)
        var files: [String: String] = [:]
        for entry in try await workspace.listTree(in: handle, ref: branch) where entry.kind == .file {
            files[entry.path] = String(decoding: try await workspace.readFile(in: handle, ref: branch, path: entry.path) ?? Data(), as: UTF8.self)
        }
        return files
    }
}
