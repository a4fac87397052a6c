import Foundation
import PFBotConfig
import PFBotCore
import PFBotTestSupport
import Testing

@Suite struct ConfigurationLoaderTests {
    func loader(_ environment: [String: String] = [:], directory: String = "/work/project") -> ConfigurationLoader {
        ConfigurationLoader(environment: environment, workingDirectory: directory)
    }

    func problems(_ yaml: String, environment: [String: String] = [:]) -> [ConfigProblem] {
        do {
            _ = try loader(environment).parse(yaml: yaml, fileName: "pfbot.yml")
            return []
        } catch {
            return error.problems
        }
    }

    @Test func emptyFile_givesTheEmbeddedDefaults() throws {
        let configuration = try loader().parse(yaml: "", fileName: "pfbot.yml")
        #expect(configuration.dataDirectory == "/work/project/.pfbot")
        #expect(configuration.storage.location == .sqlite(path: "/work/project/.pfbot/pfbot.sqlite"))
        #expect(configuration.taskNode.url.absoluteString == "https://tasknode.postfiat.org")
        #expect(configuration.filters.maxInFlight == 3)
        #expect(configuration.autoAccept.enabled == false)
        #expect(configuration.git.branchPrefix == "pf/")
        #expect(configuration.priority.deadlineWarningHours == [48, 12])
        // `tests` is off by default: it turns on with qc.rules, qc.test_command or a pack that declares it.
        #expect(configuration.repository.qc.enabledRules == QualityRules.allRules.filter { $0 != "tests" })
        #expect(configuration.repository.qc.testCommand == nil && configuration.repository.qc.testTimeoutSeconds == 1800)
        #expect(configuration.repository.permission(for: "status") == .read)
        #expect(configuration.repository.permission(for: "accept") == .write)
        #expect(configuration.wallet.seed == nil)
    }

    @Test func gitHubsWebAddress_followsItsAPIAddress() throws {
        func web(_ api: String) throws -> String {
            try loader().parse(yaml: "github:\n  api_url: \(api)\n", fileName: "pfbot.yml").github.webURL.absoluteString
        }
        #expect(try loader().parse(yaml: "", fileName: "pfbot.yml").github.webURL.absoluteString == "https://github.com")
        #expect(try web("https://ghe.example.org/api/v3") == "https://ghe.example.org")
        #expect(try web("http://127.0.0.1:8080/") == "http://127.0.0.1:8080")
    }

    @Test func fileValues_areTyped() throws {
        let yaml = """
            data_dir: /var/lib/pfbot
            tasknode:
              url: http://127.0.0.1:9000
              poll_interval_seconds: 10
            filters:
              kinds: [personal, network]
              min_reward_pft: "12.5"
              exclude_keywords:
                - twitter
            github:
              repository: octo/tasks
              app_id: 42
              webhook_secret_files: [/run/secrets/a, /run/secrets/b]
            repository:
              require_approval: true
              commands:
                accept: maintain
            """
        let configuration = try loader().parse(yaml: yaml, fileName: "pfbot.yml")
        #expect(configuration.dataDirectory == "/var/lib/pfbot")
        #expect(configuration.storage.location == .sqlite(path: "/var/lib/pfbot/pfbot.sqlite"))
        #expect(configuration.taskNode.pollIntervalSeconds == 10)
        #expect(configuration.filters.kinds == [.personal, .network])
        #expect(configuration.filters.minimumReward == PFTAmount(drops: 12_500_000))
        #expect(configuration.filters.excludeKeywords == ["twitter"])
        #expect(configuration.github.repository == "octo/tasks")
        #expect(configuration.github.appID == 42)
        #expect(configuration.github.webhookSecrets == [.file(path: "/run/secrets/a"), .file(path: "/run/secrets/b")])
        #expect(configuration.repository.requireApproval)
        #expect(configuration.repository.permission(for: "accept") == .maintain)
    }

    @Test func environment_overridesTheFile() throws {
        let environment = [
            "PFBOT_TASKNODE_URL": "http://127.0.0.1:7000", "PFBOT_DATA_DIR": "state", "PFBOT_FILTERS_KINDS": "alpha, personal",
            "PFBOT_WALLET_SEED": "sEdSecretThatIsNeverStoredHere", "GITHUB_TOKEN": "ghs_x",
            "PFBOT_STORAGE_URL": "postgres://bot:pw@db.internal:5432/pfbot",
        ]
        let configuration = try loader(environment).parse(yaml: "tasknode:\n  url: https://example.org\n", fileName: "pfbot.yml")
        #expect(configuration.taskNode.url.absoluteString == "http://127.0.0.1:7000")
        #expect(configuration.dataDirectory == "/work/project/state")
        #expect(configuration.filters.kinds == [.alpha, .personal])
        #expect(configuration.wallet.seed == .environment(name: "PFBOT_WALLET_SEED"))
        #expect(configuration.github.token == .environment(name: "GITHUB_TOKEN"))
        #expect(configuration.storage.location == .postgres(url: "postgres://bot:pw@db.internal:5432/pfbot"))
    }

    @Test func unknownKeys_areErrorsNamingTheirPath() {
        let found = problems("tasknode:\n  urll: https://x.org\nfrobnicate: 1\n")
        #expect(found.map(\.keyPath) == ["tasknode.urll", "frobnicate"])
        #expect(found[0].message.contains("tasknode.url"))
        #expect(found[0].origin == "pfbot.yml:2")
    }

    @Test func inlineSecrets_areRefusedWithTheFix() {
        let found = problems("wallet:\n  seed: sEdTXXXXXXXXXXXXXXXXXXXXXXXXXXX\n")
        #expect(found.count == 1)
        #expect(found.first?.keyPath == "wallet.seed")
        #expect(found.first?.message.contains("wallet.seed_file or PFBOT_WALLET_SEED") == true)
        let url = problems("storage:\n  url: postgres://bot:hunter2@db:5432/pfbot\n")
        #expect(url.first?.keyPath == "storage.url")
        #expect(url.first?.message.contains("password") == true)
        #expect(!url.description.contains("hunter2"))
    }

    @Test func wrongTypes_areAllReported() {
        let yaml = """
            log_level: loud
            tasknode:
              url: not a url
              poll_interval_seconds: often
              timeout_seconds: 100000
            filters:
              min_reward_pft: lots
              kinds:
                nested: true
            auto_accept:
              enabled: maybe
            github:
              repository: just-a-name
            git:
              branch_prefix: ../x
            """
        let paths = Set(problems(yaml).map(\.keyPath))
        #expect(paths == [
            "log_level", "tasknode.url", "tasknode.poll_interval_seconds", "tasknode.timeout_seconds", "filters.min_reward_pft",
            "filters.kinds", "auto_accept.enabled", "github.repository", "git.branch_prefix",
        ])
    }

    @Test func agentCaps_defaultToStandard_readTrustedOrNone_andRefuseOtherWords() throws {
        #expect(try loader().parse(yaml: "", fileName: "pfbot.yml").taskNode.agentCaps == .standard)
        #expect(try loader().parse(yaml: "tasknode:\n  agent_caps: trusted\n", fileName: "pfbot.yml").taskNode.agentCaps == .trusted)
        #expect(try loader(["PFBOT_TASKNODE_AGENT_CAPS": "none"]).parse(yaml: "", fileName: "pfbot.yml").taskNode.agentCaps == AgentCapTier.none)
        #expect(problems("tasknode:\n  agent_caps: lots\n").map(\.keyPath) == ["tasknode.agent_caps"])
    }

    @Test func schedulerLease_defaultsTo30Seconds_andRefusesLessThan3() throws {
        #expect(try loader().parse(yaml: "", fileName: "pfbot.yml").server.schedulerLeaseSeconds == 30)
        let configuration = try loader(["PFBOT_SERVER_SCHEDULER_LEASE_SECONDS": "5"]).parse(yaml: "", fileName: "pfbot.yml")
        #expect(configuration.server.schedulerLeaseSeconds == 5)
        let found = problems("server:\n  scheduler_lease_seconds: 1\n")
        #expect(found.map(\.keyPath) == ["server.scheduler_lease_seconds"])
        #expect(found.first?.message.contains("3") == true)
    }

    @Test func malformedYAML_isOneProblemNamingTheFile() {
        let found = problems("tasknode: [unclosed\n  url: x")
        #expect(found.count == 1)
        #expect(found.first?.keyPath == "pfbot.yml")
        #expect(found.first?.message.contains("not valid YAML") == true)
    }

    @Test func topLevelList_isRefused() {
        #expect(problems("- a\n- b\n").first?.message.contains("mapping") == true)
    }

    @Test func seedAndMnemonicTogether_isAProblem() {
        let found = problems("wallet:\n  seed_file: /a\n  mnemonic_file: /b\n")
        #expect(found.map(\.keyPath) == ["wallet"])
    }

    @Test func missingExplicitFile_isAProblemNamingIt() {
        #expect(throws: ConfigurationError.self) { try loader().load(explicit: "/nonexistent/pfbot.yml") }
        do {
            _ = try loader().load(explicit: "/nonexistent/pfbot.yml")
        } catch {
            #expect(error.problems.first?.keyPath == "/nonexistent/pfbot.yml")
            #expect(error.problems.first?.message.contains("pfbot init") == true)
        }
    }

    @Test func configPath_comesFromTheEnvironmentWhenNotGiven() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = try directory.write("custom.yml", "server:\n  port: 9999\n")
        let loaded = try loader(["PFBOT_CONFIG": path], directory: directory.path).load(explicit: nil)
        #expect(loaded.file == path)
        #expect(loaded.configuration.server.port == 9999)
    }

    @Test func everyKey_isDocumentedInConfigurationReference() throws {
        let docs = try String(contentsOfFile: Fixtures.packageRoot().appendingPathComponent("docs/configuration.md").path, encoding: .utf8)
        for key in ConfigSchema.keys {
            #expect(docs.contains("`\(key.path)`"), "docs/configuration.md does not document \(key.path)")
        }
    }
}
