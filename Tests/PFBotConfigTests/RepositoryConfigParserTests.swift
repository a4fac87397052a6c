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
