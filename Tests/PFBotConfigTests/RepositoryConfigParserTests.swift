import PFBotConfig
import PFBotCore
import Testing

@Suite struct RepositoryConfigParserTests {
    let defaults = RepositorySettings(
        commandPermissions: ["status": .read], requireApproval: false,
        qc: QualityRules(enabledRules: QualityRules.allRules, maxFileBytes: 100, maxTotalBytes: 1000), assignees: ["lead"]
    )

    @Test func repositoryFile_overridesOnlyWhatItNames() throws {
        let yaml = "require_approval: true\ncommands:\n  submit: maintain\nqc:\n  rules: [placeholders, size]\n"
        let settings = try RepositoryConfigParser.parse(yaml: yaml, defaults: defaults)
        #expect(settings.requireApproval)
        #expect(settings.permission(for: "submit") == .maintain)
        #expect(settings.permission(for: "status") == .read)
        #expect(settings.qc.enabledRules == ["placeholders", "size"])
        #expect(settings.qc.maxFileBytes == 100)
        #expect(settings.assignees == ["lead"])
    }

    @Test func testKeys_areRead_andUnsetOnesKeepTheDefaults() throws {
        let settings = try RepositoryConfigParser.parse(yaml: "qc:\n  test_command: make check\n  junit_path: \"out/*.xml\"\n", defaults: defaults)
        #expect(settings.qc.testCommand == "make check")
        #expect(settings.qc.junitPath == "out/*.xml")
        #expect(settings.qc.testTimeoutSeconds == 1800)
        #expect(try RepositoryConfigParser.parse(yaml: "require_approval: true\n", defaults: settings).qc.testCommand == "make check")
        do {
            _ = try RepositoryConfigParser.parse(yaml: "qc:\n  test_timeout_seconds: 0\n", defaults: defaults)
            Issue.record("a zero test timeout was accepted")
        } catch {
            #expect(error.problems.map(\.keyPath).contains(".github/pfbot.yml: qc.test_timeout_seconds"))
        }
    }

    @Test func badRepositoryFile_namesTheFileAndKey() {
        do {
            _ = try RepositoryConfigParser.parse(yaml: "qc:\n  rules: [spellcheck]\ncommands:\n  accept: god\nweird: 1\n", defaults: defaults)
            Issue.record("bad repository settings were accepted")
        } catch {
            let paths = error.problems.map(\.keyPath)
            #expect(paths.contains("weird"))
            #expect(paths.contains(".github/pfbot.yml: qc.rules"))
            #expect(paths.contains(".github/pfbot.yml: commands.accept"))
        }
    }
}
