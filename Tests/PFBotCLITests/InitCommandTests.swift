import Foundation
import PFBotConfig
import PFBotCore
import PFBotTestSupport
import Testing
@testable import pfbot

@Suite struct InitCommandTests {
    private func initialise(_ arguments: [String]) async throws -> TemporaryDirectory {
        let directory = try TemporaryDirectory(prefix: "pfbot-init")
        let command = try InitCommand.parse(["--directory", directory.path, "--json"] + arguments)
        try await command.run()
        return directory
    }

    private func read(_ directory: TemporaryDirectory, _ path: String) throws -> String {
        try String(contentsOfFile: directory.file(path), encoding: .utf8)
    }

    @Test func init_writesTheThreeStarterFiles() async throws {
        let directory = try await initialise([])
        defer { directory.remove() }
        #expect(try read(directory, "pfbot.yml") == StarterConfiguration.text)
        #expect(try read(directory, ".github/pfbot.yml") == StarterRepositorySettings.text)
        #expect(try read(directory, ".github/workflows/pfbot.yml") == ActionsWorkflow.text)
        let mode = try FileManager.default.attributesOfItem(atPath: directory.file("pfbot.yml"))[.posixPermissions] as? NSNumber
        #expect(mode?.intValue == 0o644)
    }

    @Test func action_namesTheActionTheWorkflowRuns() async throws {
        let directory = try await initialise(["--action", "my-org/pfbot@v1.2.0"])
        defer { directory.remove() }
        let workflow = try read(directory, ".github/workflows/pfbot.yml")
        #expect(workflow.contains("      - uses: my-org/pfbot@v1.2.0\n"))
        #expect(!workflow.contains(ActionsWorkflow.actionReference))
    }

    @Test(arguments: ["pfbot", "my-org/pfbot", "my-org/pfbot@", "@v1", "my-org/pfbot@v1\n  run: curl evil", "my-org/pfbot@v1 # x", "my-org/pfbot@v1@v2"])
    func action_thatIsNotAReference_isRefused(reference: String) {
        #expect(throws: (any Error).self) { try InitCommand.parse(["--action", reference]) }
        #expect(!ActionsWorkflow.isValidReference(reference))
    }

    @Test func writtenPfbotYml_loadsWithoutProblems_withNoEnvironment() async throws {
        let directory = try await initialise([])
        defer { directory.remove() }
        let loader = ConfigurationLoader(environment: [:], workingDirectory: directory.path)
        let loaded = try loader.load(explicit: nil)
        #expect(loaded.file == directory.file("pfbot.yml"))
        let configuration = loaded.configuration
        let defaults = try loader.parse(yaml: "", fileName: "defaults")
        #expect(configuration == defaults, "the starter pfbot.yml must spell out exactly the defaults")
        #expect(configuration.storage.location == .sqlite(path: directory.file(".pfbot/pfbot.sqlite")))
        #expect(configuration.wallet.seed == nil)
        #expect(configuration.github.token == nil)
    }

    @Test func starterPfbotYml_hasEverySectionOfTheSchema_andSecretsOnlyAsFileKeys() throws {
        let sections = Set(ConfigSchema.keys.map { String($0.path.split(separator: ".")[0]) })
        let text = StarterConfiguration.text
        for section in sections {
            #expect(text.contains("\n\(section):") || text.contains("\n# \(section):"), "section \(section) is missing from the starter pfbot.yml")
        }
        for secretKey in ConfigSchema.secretEnvironment.keys {
            let leaf = secretKey.split(separator: ".").last.map(String.init) ?? secretKey
            #expect(text.contains(leaf + ":"), "\(secretKey) is not shown in the starter pfbot.yml")
        }
        let inline = ["seed:", "mnemonic:", "token:", "private_key:", "password:", "webhook_secret:"]
        let lines = text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: "# ", with: "") }
        #expect(!lines.contains { line in inline.contains { line.hasPrefix($0) } })
    }

    @Test func uncommentedSecretKeys_stillLoad_asFileReferences() throws {
        let text = StarterConfiguration.text
            .replacingOccurrences(of: "# wallet:", with: "wallet:")
            .replacingOccurrences(of: "#   seed_file:", with: "  seed_file:")
            .replacingOccurrences(of: "# token_file:", with: "token_file:")
            .replacingOccurrences(of: "# repository: ", with: "repository: ")
        let configuration = try ConfigurationLoader(environment: [:], workingDirectory: "/srv/pfbot").parse(yaml: text, fileName: "pfbot.yml")
        #expect(configuration.wallet.seed == .file(path: "/srv/pfbot/secrets/wallet-seed"))
        #expect(configuration.github.token == .file(path: "/srv/pfbot/secrets/github-token"))
        #expect(configuration.github.repository == "your-name/your-repository")
    }

    @Test func writtenRepositorySettings_parse() async throws {
        let directory = try await initialise([])
        defer { directory.remove() }
        let defaults = try ConfigurationLoader(environment: [:]).parse(yaml: "", fileName: "defaults").repository
        let settings = try RepositoryConfigParser.parse(yaml: try read(directory, ".github/pfbot.yml"), defaults: defaults)
        #expect(settings.qc.enabledRules == defaults.qc.enabledRules)
        #expect(settings.permission(for: "status") == .read)
        #expect(settings.permission(for: "submit") == .write)
    }

    @Test func existingFiles_areNotOverwritten_withoutForce() async throws {
        let directory = try TemporaryDirectory(prefix: "pfbot-init")
        defer { directory.remove() }
        try directory.write(".github/pfbot.yml", "require_approval: true\n", permissions: 0o644)
        #expect(throws: InitError.filesExist([directory.file(".github/pfbot.yml")])) {
            try StarterFileWriter(directory: directory.path, force: false).write()
        }
        #expect(try read(directory, ".github/pfbot.yml") == "require_approval: true\n")
        #expect(!FileManager.default.fileExists(atPath: directory.file("pfbot.yml")))
        #expect(!FileManager.default.fileExists(atPath: directory.file(".github/workflows/pfbot.yml")))
    }

    @Test func force_replacesExistingFiles() async throws {
        let directory = try TemporaryDirectory(prefix: "pfbot-init")
        defer { directory.remove() }
        try directory.write("pfbot.yml", "log_level: debug\n", permissions: 0o644)
        let written = try StarterFileWriter(directory: directory.path, force: true).write()
        #expect(written.count == 4)
        #expect(written.last == directory.file(".gitignore"))
        #expect(try read(directory, "pfbot.yml") == StarterConfiguration.text)
    }

    @Test func init_createsAGitignore_forTheSecretsAndTheStore() async throws {
        let directory = try await initialise([])
        defer { directory.remove() }
        #expect(try read(directory, ".gitignore") == "# pfbot: secret files and the local store (added by `pfbot init`)\nsecrets/\n.pfbot/\n")
        let mode = try FileManager.default.attributesOfItem(atPath: directory.file(".gitignore"))[.posixPermissions] as? NSNumber
        #expect(mode?.intValue == 0o644)
    }

    @Test func init_appendsOnlyTheMissingEntries_toAnExistingGitignore_andKeepsItsLines() async throws {
        let directory = try TemporaryDirectory(prefix: "pfbot-init")
        defer { directory.remove() }
        try directory.write(".gitignore", "node_modules\n/secrets", permissions: 0o644)
        let written = try StarterFileWriter(directory: directory.path, force: false).write()
        #expect(written.contains(directory.file(".gitignore")))
        #expect(try read(directory, ".gitignore")
            == "node_modules\n/secrets\n\n# pfbot: secret files and the local store (added by `pfbot init`)\n.pfbot/\n")
        // A second run finds every entry and leaves the file alone.
        let again = try StarterFileWriter(directory: directory.path, force: true).write()
        #expect(!again.contains(directory.file(".gitignore")))
        #expect(try read(directory, ".gitignore").components(separatedBy: ".pfbot/").count == 2)
    }

    @Test func gitignoreEntries_coverWhatTheStarterConfigurationNames() {
        // The starter pfbot.yml keeps the store under .pfbot/ and points every …_file key into secrets/.
        #expect(StarterConfiguration.text.contains("data_dir: .pfbot"))
        let fileKeys = StarterConfiguration.text.split(separator: "\n").filter { $0.contains("_file: ") }
        #expect(!fileKeys.isEmpty)
        #expect(fileKeys.allSatisfy { $0.contains("_file: secrets/") })
        #expect(StarterGitIgnore.merged(into: "secrets/\n.pfbot/\n") == "secrets/\n.pfbot/\n")
        #expect(StarterGitIgnore.merged(into: "/.pfbot\nsecrets\n") == "/.pfbot\nsecrets\n")
    }

    @Test func manifest_asksForExactlyTheDocumentedPermissionsAndEvents() throws {
        let manifest = GitHubAppManifest(baseURL: "https://bot.example.net")
        let data = try JSONEncoder().encode(manifest)
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(object["default_permissions"] as? [String: String] == [
            "issues": "write", "pull_requests": "write", "contents": "write", "checks": "write", "metadata": "read",
        ])
        #expect(object["default_events"] as? [String] == [
            "issue_comment", "pull_request", "pull_request_review", "push", "check_run", "check_suite",
        ])
        #expect(object["public"] as? Bool == false)
        #expect(object["name"] as? String == "pfbot")
        #expect(object["url"] as? String == "https://bot.example.net")
        // The printed manifest has no redirect_url: only `pfbot init --app`'s one-shot page takes GitHub's code.
        #expect(object["redirect_url"] == nil)
        let withPage = try #require(try JSONSerialization.jsonObject(
            with: try JSONEncoder().encode(GitHubAppManifest(baseURL: "https://bot.example.net", redirectURL: "http://127.0.0.1:5000/github/app-created"))
        ) as? [String: Any])
        #expect(withPage["redirect_url"] as? String == "http://127.0.0.1:5000/github/app-created")
        let hook = try #require(object["hook_attributes"] as? [String: Any])
        #expect(hook["url"] as? String == "https://bot.example.net/webhooks/github")
        #expect(hook["active"] as? Bool == true)
        #expect(GitHubAppManifest.reasons.count == 11)
        #expect(GitHubAppManifest.reasons.allSatisfy { $0.split(separator: "—").count == 2 })
    }

    /// Every permission and event of the manifest is explained in docs/security.md's table.
    @Test func manifest_everyPermissionAndEventIsJustifiedInSecurityDocs() throws {
        let security = try String(contentsOf: try Fixtures.packageRoot().appendingPathComponent("docs/security.md"), encoding: .utf8)
        for permission in GitHubAppManifest.permissions {
            #expect(security.contains("| `\(permission.name)` | \(permission.access) |"), "\(permission.name)")
        }
        for event in GitHubAppManifest.events {
            #expect(security.contains("| `\(event.name)` |"), "\(event.name)")
        }
    }

    @Test func appConfigurationEditor_setsTheStarterFilesCommentedKeys_andAddsMissingOnes() {
        let entries = AppCredentialWriter.entries(appID: 1234, hasWebhookSecret: true)
        let updated = AppConfigurationEditor.set(entries, inSection: "github", of: StarterConfiguration.text)
        #expect(updated.contains("\n  app_id: 1234\n"))
        #expect(updated.contains("\n  private_key_file: secrets/github-app.pem\n"))
        #expect(updated.contains("\n  webhook_secret_files: [secrets/github-webhook-secret]\n"))
        #expect(!updated.contains("# app_id:"))
        #expect(updated.contains("  # installation_id: 7890123"))
        #expect(updated.components(separatedBy: "\n").count == StarterConfiguration.text.components(separatedBy: "\n").count)
        let bare = AppConfigurationEditor.set(entries, inSection: "github", of: "log_level: info\ngithub:\n  repository: a/b\nserver:\n  port: 1\n")
        #expect(bare == "log_level: info\ngithub:\n  app_id: 1234\n  private_key_file: secrets/github-app.pem\n"
            + "  webhook_secret_files: [secrets/github-webhook-secret]\n  repository: a/b\nserver:\n  port: 1\n")
        #expect(AppConfigurationEditor.set(entries, inSection: "github", of: "log_level: info") == "log_level: info\ngithub:\n  app_id: 1234\n"
            + "  private_key_file: secrets/github-app.pem\n  webhook_secret_files: [secrets/github-webhook-secret]\n")
    }

    @Test func badURL_isRefusedBeforeAnythingIsWritten() {
        #expect(throws: (any Error).self) { try InitCommand.parse(["--url", "ftp://example.org"]) }
        #expect(throws: (any Error).self) { try InitCommand.parse(["--url", "not a url"]) }
    }
}
