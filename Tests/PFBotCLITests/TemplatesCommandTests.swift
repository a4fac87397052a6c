import Foundation
import PFBotTestSupport
import Testing

/// `pfbot templates` as a process: list, render a task file into a folder, check it, and refuse a broken repository
/// pack with file and line, writing nothing.
@Suite struct TemplatesCommandTests {
    static let task = """
        {"taskId": "task_0123456789abcdef0123456789abcdef", "statusKey": "accepted", "kind": "personal", "pft": "120",
         "title": "Build a dataset of {{validators}}",
         "description": "Publish a CSV with at least 2 rows and the columns validator and uptime."}
        """
    static let folder = "tasks/build-a-dataset-of-validators-b4c344c555f1"

    @Test func list_namesEveryBuiltInPack_andARepositoryOverride() throws {
        let directory = try TemporaryDirectory(prefix: "pfbot-templates")
        defer { directory.remove() }
        let builtIn = try CommandRunner().run(["templates", "list"], in: directory.path)
        #expect(builtIn.status == 0, "\(builtIn.standardError)")
        for pack in ["code", "data", "design", "docs", "other", "outreach", "research"] {
            #expect(builtIn.standardOutput.contains("| \(pack) | built-in |"))
        }
        _ = try directory.write(".github/pfbot/templates/docs/pack.yml", "name: docs\ndescription: Ours.\nfiles:\n  - template: P.md.mustache\n    destination: \"{{folder}}/P.md\"\n")
        _ = try directory.write(".github/pfbot/templates/docs/P.md.mustache", "# {{title}}\n")
        let overridden = try CommandRunner().run(["templates", "list"], in: directory.path)
        #expect(overridden.standardOutput.contains("| docs | repository (.github/pfbot/templates/docs) |"), "\(overridden.standardOutput)")
    }

    @Test func render_thenCheck_failsOnTheScaffold_andPassesOnceFilled() throws {
        let directory = try TemporaryDirectory(prefix: "pfbot-templates")
        defer { directory.remove() }
        let taskFile = try directory.write("task.json", Self.task)
        let rendered = try CommandRunner().run(["templates", "render", "--task-file", taskFile, "--output", "out"], in: directory.path)
        #expect(rendered.status == 0, "\(rendered.standardError)")
        #expect(rendered.standardOutput.contains("pack data (built-in): category data"))
        let csv = try String(contentsOfFile: directory.file("out/\(Self.folder)/data.csv"), encoding: .utf8)
        #expect(csv == "validator,uptime\n")
        let readme = try String(contentsOfFile: directory.file("out/\(Self.folder)/README.md"), encoding: .utf8)
        #expect(readme.contains("# Build a dataset of {{validators}}"), "task text containing {{ renders literally")

        let fresh = try CommandRunner().run(["templates", "check", "out", "--task-file", taskFile], in: directory.path)
        #expect(fresh.status == 1)
        #expect(fresh.standardOutput.contains("| pack:row-count | ❌ fail | 0 of 2 rows |"), "\(fresh.standardOutput)")
        _ = try directory.write("out/\(Self.folder)/data.csv", "validator,uptime\nalpha,99.9\nbeta,98.1\n")
        let filled = try CommandRunner().run(["templates", "check", "out", "--task-file", taskFile], in: directory.path)
        #expect(filled.status == 0, "\(filled.standardOutput)\(filled.standardError)")
    }

    @Test func render_readsTheTaskFixtureShape() throws {
        let directory = try TemporaryDirectory(prefix: "pfbot-templates")
        defer { directory.remove() }
        _ = try directory.write("package.json", "{}\n")
        let fixture = try Fixtures.packageRoot().appendingPathComponent("Tests/Fixtures/postfiat/local_json_task_loop_task.json").path
        let rendered = try CommandRunner().run(["templates", "render", "--task-file", fixture, "--output", "out", "--json"], in: directory.path)
        #expect(rendered.status == 0, "\(rendered.standardOutput)\(rendered.standardError)")
        let result = try #require(try JSONSerialization.jsonObject(with: Data(rendered.standardOutput.utf8)) as? [String: Any])["result"] as? [String: Any]
        #expect(result?["pack"] as? String == "code")
        let files = try #require(result?["files"] as? [String])
        #expect(files.contains("src/create-local-json-task-loop-cli.js"), "\(files)")
        #expect(files.contains("test/create-local-json-task-loop-cli.test.js"))
    }

    @Test func aBrokenRepositoryPack_isRefusedWithFileAndLine_andNothingIsWritten() throws {
        let directory = try TemporaryDirectory(prefix: "pfbot-templates")
        defer { directory.remove() }
        let taskFile = try directory.write("task.json", Self.task)
        _ = try directory.write(".github/pfbot/templates/data/pack.yml", "name: data\ndescription: x\nfiles:\n  - template: a.mustache\n    destination: a\nchecks:\n  - rule: spellcheck\n")
        let listed = try CommandRunner().run(["templates", "list"], in: directory.path)
        #expect(listed.status == 1)
        #expect(listed.standardError.contains(".github/pfbot/templates/data/pack.yml:7: checks[0].rule: \"spellcheck\" is not a pack check"), "\(listed.standardError)")
        let rendered = try CommandRunner().run(["templates", "render", "--task-file", taskFile, "--output", "out"], in: directory.path)
        #expect(rendered.status == 1)
        #expect(rendered.standardError.contains("pack.yml:7"))
        #expect(!FileManager.default.fileExists(atPath: directory.file("out")))
    }
}
