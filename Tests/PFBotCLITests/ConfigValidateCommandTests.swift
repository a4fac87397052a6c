import Foundation
import PFBotTestSupport
import Testing

@Suite struct ConfigValidateCommandTests {
    func validate(_ yaml: String?, environment: [String: String] = [:], files: [String: (String, Int)] = [:]) throws -> (CommandRunner.Result, TemporaryDirectory) {
        let directory = try TemporaryDirectory(prefix: "pfbot-cli")
        for (name, (content, mode)) in files { try directory.write(name, content, permissions: mode) }
        if let yaml { try directory.write("pfbot.yml", yaml, permissions: 0o644) }
        let result = try CommandRunner().run(["config", "validate"], in: directory.path, environment: environment)
        return (result, directory)
    }

    @Test func defaults_areValid_andNothingIsWritten() throws {
        let (result, directory) = try validate(nil)
        defer { directory.remove() }
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardOutput.contains("✓ configuration: no file; using embedded defaults"))
        #expect(result.standardOutput.contains("✓ storage.url"))
        #expect(!FileManager.default.fileExists(atPath: directory.file(".pfbot")))
    }

    @Test(arguments: [
        ("tasknode: [oops", "pfbot.yml: is not valid YAML"),
        ("tasknode:\n  poll_interval_seconds: soon\n", "tasknode.poll_interval_seconds (pfbot.yml:2): must be a whole number"),
        ("bogus: 1\n", "bogus (pfbot.yml:1): is not a pfbot setting"),
        ("wallet:\n  seed: sEdX\n", "wallet.seed (pfbot.yml:2): secrets are never written inline"),
        ("wallet:\n  seed_file: missing-seed\n", "wallet.seed_file: secret file"),
        ("wallet:\n  seed_file: open-seed\n", "run `chmod 600"),
        ("storage:\n  url: postgres://pfbot@127.0.0.1:1/none?sslmode=disable\n", "storage.url: Cannot open the database"),
    ])
    func badInput_isOneClearLine_andExitsNonZero(yaml: String, expected: String) throws {
        let (result, directory) = try validate(yaml, files: ["open-seed": ("sEdSecretSeed", 0o644)])
        defer { directory.remove() }
        #expect(result.status == 1)
        #expect(result.standardError.contains(expected), "stderr was: \(result.standardError)")
        #expect(!result.standardError.contains("sEdSecretSeed"))
        #expect(!FileManager.default.fileExists(atPath: directory.file(".pfbot")))
    }

    @Test func json_reportsEveryCheck() throws {
        let directory = try TemporaryDirectory(prefix: "pfbot-cli")
        defer { directory.remove() }
        try directory.write("seed", "sEdSecret", permissions: 0o600)
        try directory.write("pfbot.yml", "wallet:\n  seed_file: seed\n")
        let result = try CommandRunner().run(["config", "validate", "--json"], in: directory.path)
        #expect(result.status == 0)
        let envelope = try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [String: Any]
        #expect(envelope?["ok"] as? Bool == true)
        let report = envelope?["result"] as? [String: Any]
        #expect(report?["valid"] as? Bool == true)
        let names = (report?["checks"] as? [[String: Any]])?.compactMap { $0["name"] as? String }
        #expect(names == ["configuration", "wallet.seed_file", "storage.url"])
    }

    @Test func environmentOverride_isValidatedToo() throws {
        let (result, directory) = try validate(nil, environment: ["PFBOT_SERVER_PORT": "99999"])
        defer { directory.remove() }
        #expect(result.status == 1)
        #expect(result.standardError.contains("server.port (PFBOT_SERVER_PORT): must be between 0 and 65535"))
    }
}

@Suite struct RootCommandTests {
    @Test func versionAndHelp_work() throws {
        let directory = try TemporaryDirectory(prefix: "pfbot-cli")
        defer { directory.remove() }
        let version = try CommandRunner().run(["--version"], in: directory.path)
        #expect(version.status == 0)
        #expect(version.standardOutput.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: ".").count == 3)
        let help = try CommandRunner().run(["--help"], in: directory.path)
        #expect(help.standardOutput.contains("doctor"))
        #expect(help.standardOutput.contains("config"))
    }

    @Test func doctor_reportsLibgit2_andSaysWhatIsMissing() throws {
        let directory = try TemporaryDirectory(prefix: "pfbot-cli")
        defer { directory.remove() }
        let result = try CommandRunner().run(["doctor"], in: directory.path, environment: ["PFBOT_TASKNODE_URL": "http://127.0.0.1:9"])
        #expect(result.status == 1)
        #expect(result.standardOutput.contains("✓ libgit2: libgit2 1."))
        #expect(result.standardOutput.contains("✗ wallet: wallet.seed_file is not set"))
        #expect(result.standardOutput.contains("✗ tasknode.url: cannot reach http://127.0.0.1:9/api/session"))
        #expect(result.standardOutput.contains("✗ github.repository: not set"))
    }
}
