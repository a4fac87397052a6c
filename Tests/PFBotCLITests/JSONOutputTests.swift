import ArgumentParser
import Foundation
import PFBotTestSupport
import Testing
@testable import pfbot

/// `--json` on every command, run as a process: one JSON object on standard output with the keys of docs/cli-json.md,
/// on error (`{"error":{"code","message","hint"},"ok":false}`) and on success (`{"ok":true,"result":…}`).
@Suite struct JSONOutputTests {
    /// Every leaf command's path, from the root command's configuration.
    static func leafCommands(_ command: any ParsableCommand.Type = PFBot.self, prefix: [String] = []) -> [String] {
        let subcommands = command.configuration.subcommands
        guard !subcommands.isEmpty else { return [prefix.joined(separator: " ")] }
        return subcommands.flatMap { leafCommands($0, prefix: prefix + [$0.configuration.commandName ?? ""]) }
    }

    /// For each command, arguments that make it fail in an empty folder without network or credentials.
    static let failingRuns: [String: [String]] = [
        "demo": ["demo", "--json"],  // TMPDIR is a file: the sandbox's folder cannot be made
        "init": ["init", "--json"],  // pfbot.yml exists already
        "serve": ["serve", "--json", "--config", "missing.yml"],
        "action": ["action", "--json"],  // not inside GitHub Actions
        "sync": ["sync", "--json", "--config", "missing.yml"],
        "qc": ["qc", "--json", "--config", "missing.yml", "--branch", "pf/x"],
        "submit": ["submit", "--json", "--config", "missing.yml", "--branch", "pf/x"],
        "report": ["report", "--json", "--config", "missing.yml"],
        "receive": ["receive", "--json", "--config", "missing.yml", "--event", "ping", "--payload", "ping.json"],
        "backup": ["backup", "--json", "--config", "missing.yml", "--output", "backup.sqlite"],
        "restore": ["restore", "--json", "--config", "missing.yml", "backup.sqlite"],
        "login": ["login", "--json", "--config", "missing.yml"],
        "tasks": ["tasks", "--json", "--config", "missing.yml"],
        "task show": ["task", "show", "--json", "--config", "missing.yml", "task_1"],
        "task accept": ["task", "accept", "--json", "--config", "missing.yml", "task_1"],
        "task refuse": ["task", "refuse", "--json", "--config", "missing.yml", "task_1", "--reason", "no"],
        "task cancel": ["task", "cancel", "--json", "--config", "missing.yml", "task_1", "--reason", "no"],
        "task submit": ["task", "submit", "--json", "--config", "missing.yml", "task_1", "--evidence", "done"],
        "task verify": ["task", "verify", "--json", "--config", "missing.yml", "task_1", "--answer-file", "answer.txt"],
        "task request": ["task", "request", "--json", "--config", "missing.yml", "--text", "work"],
        "github check": ["github", "check", "--json", "acme/widgets"],  // no credentials in the environment
        "github deliveries": ["github", "deliveries", "--json"],
        "github verify-webhook": ["github", "verify-webhook", "--json", "missing.json", "--signature", "sha256=00", "--event", "ping"],
        "xrpl keypair": ["xrpl", "keypair", "--json"],  // no secret
        "xrpl sign-message": ["xrpl", "sign-message", "--json", "--message-hex", "00"],
        "xrpl verify-message": ["xrpl", "verify-message", "--json", "--public-key", "ED00", "--message-hex", "00", "--signature", "00"],
        "xrpl encode": ["xrpl", "encode", "--json"],  // standard input is empty, not a JSON object
        "xrpl decode": ["xrpl", "decode", "--json"],
        "xrpl sign": ["xrpl", "sign", "--json"],
        "config validate": ["config", "validate", "--json", "--config", "missing.yml"],
        "config keys": ["config", "keys", "--json", "--no-such-option"],
        "config commands": ["config", "commands", "--json", "--no-such-option"],
        "config schema": ["config", "schema", "--json", "--no-such-option"],
        "doctor": ["doctor", "--json", "--config", "missing.yml"],
        "templates list": ["templates", "list", "--json", "--no-such-option"],
        "templates show": ["templates", "show", "--json", "no-such-pack"],
        "templates render": ["templates", "render", "--json", "--task-file", "missing.json", "--output", "out"],
        "templates check": ["templates", "check", "--json", ".", "--task-file", "missing.json"],
        "templates reference": ["templates", "reference", "--json", "--no-such-option"],
    ]

    /// `lower_case_words`: lower-case letters and digits, words joined by single underscores.
    static func isSnakeCase(_ key: String) -> Bool {
        let words = key.split(separator: "_", omittingEmptySubsequences: false)
        return words.allSatisfy { !$0.isEmpty && $0.allSatisfy { $0.isASCII && ($0.isLowercase || $0.isNumber) } }
    }

    static func parse(_ output: String) throws -> [String: Any] {
        let lines = output.split(separator: "\n")
        #expect(lines.count == 1, "expected one JSON line, got: \(output)")
        return try #require(try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any], "not a JSON object: \(output)")
    }

    /// Every key of `value`, recursively.
    static func keys(of value: Any) -> [String] {
        if let object = value as? [String: Any] { return object.keys + object.values.flatMap(keys(of:)) }
        if let array = value as? [Any] { return array.flatMap(keys(of:)) }
        return []
    }

    @Test func everyCommand_hasAnErrorPathCase() {
        let leaves = Set(Self.leafCommands())
        #expect(leaves.count >= 30)
        #expect(leaves == Set(Self.failingRuns.keys), "commands without a --json error case: \(leaves.subtracting(Self.failingRuns.keys))")
    }

    @Test(arguments: leafCommands())
    func everyCommand_onError_printsTheFailureEnvelope(command: String) async throws {
        let directory = try TemporaryDirectory(prefix: "pfbot-json")
        defer { directory.remove() }
        try directory.write("pfbot.yml", "# exists\n", permissions: 0o644)
        let arguments = try #require(Self.failingRuns[command])
        let result = try await CommandRunner().runAsync(arguments, in: directory.path, environment: ["TMPDIR": directory.file("pfbot.yml")])
        #expect(result.status != 0, "\(command) succeeded: \(result.standardOutput)")
        let envelope = try Self.parse(result.standardOutput)
        #expect(envelope["ok"] as? Bool == false)
        let error = try #require(envelope["error"] as? [String: Any], "\(command): \(result.standardOutput)")
        #expect(Set(error.keys) == ["code", "message", "hint"])
        let code = try #require(error["code"] as? String)
        #expect(Self.isSnakeCase(code), "\(command): code \(code)")
        #expect(!(try #require(error["message"] as? String)).isEmpty)
        #expect(error["hint"] is String || error["hint"] is NSNull)
        #expect(Set(envelope.keys).isSubset(of: ["ok", "error", "result"]))
    }

    @Test func errorCodes_nameTheCause() async throws {
        let directory = try TemporaryDirectory(prefix: "pfbot-json")
        defer { directory.remove() }
        let runner = try CommandRunner()
        let expected: [([String], String)] = [
            (["sync", "--json", "--config", "missing.yml"], "invalid_configuration"),
            (["action", "--json"], "not_in_actions"),
            (["xrpl", "keypair", "--json"], "missing_secret"),
            (["config", "keys", "--json", "--no-such-option"], "usage"),
            (["doctor", "--json", "--config", "missing.yml"], "checks_failed"),
        ]
        for (arguments, code) in expected {
            let result = try await runner.runAsync(arguments, in: directory.path)
            let error = try Self.parse(result.standardOutput)["error"] as? [String: Any]
            #expect(error?["code"] as? String == code, "\(arguments): \(result.standardOutput)")
        }
        let usage = try await runner.runAsync(["config", "keys", "--json", "--no-such-option"], in: directory.path)
        #expect(usage.status == 64)
        let doctor = try Self.parse(try await runner.runAsync(["doctor", "--json", "--config", "missing.yml"], in: directory.path).standardOutput)
        #expect(((doctor["result"] as? [String: Any])?["checks"] as? [Any])?.isEmpty == false)
    }

    @Test func offlineCommands_onSuccess_printTheSuccessEnvelopeWithSnakeCaseKeys() async throws {
        let directory = try TemporaryDirectory(prefix: "pfbot-json")
        defer { directory.remove() }
        let seed = try directory.write("seed", "sEdSKaCy2JT7JaM7v95H9SxkhP9wS2r\n")
        let environment = ["PFBOT_DATA_DIR": directory.file("data")]
        let runner = try CommandRunner()
        var results: [String: [String: Any]] = [:]
        let runs: [(String, [String])] = [
            ("config validate", ["config", "validate", "--json"]),
            ("config keys", ["config", "keys", "--json"]),
            ("config commands", ["config", "commands", "--json"]),
            ("config schema", ["config", "schema", "--json"]),
            ("report", ["report", "--json"]),
            ("tasks --queue", ["tasks", "--queue", "--json"]),
            ("backup", ["backup", "--json", "--output", directory.file("backup.sqlite")]),
            ("restore", ["restore", "--json", "--force", directory.file("backup.sqlite")]),
            ("xrpl keypair", ["xrpl", "keypair", "--json", "--seed-file", seed]),
            ("xrpl sign-message", ["xrpl", "sign-message", "--json", "--seed-file", seed, "--message-hex", "48656c6c6f"]),
            ("init", ["init", "--json", "--directory", directory.file("starter")]),
        ]
        for (name, arguments) in runs {
            let result = try await runner.runAsync(arguments, in: directory.path, environment: environment)
            #expect(result.status == 0, "\(name): \(result.standardOutput) \(result.standardError)")
            let envelope = try Self.parse(result.standardOutput)
            #expect(envelope["ok"] as? Bool == true, "\(name)")
            #expect(Set(envelope.keys) == ["ok", "result"], "\(name)")
            let result_ = try #require(envelope["result"], "\(name)")
            let badKeys = Self.keys(of: result_).filter { !Self.isSnakeCase($0) }
            #expect(badKeys.isEmpty, "\(name): keys not in snake_case: \(badKeys)")
            results[name] = envelope
        }
        let keypair = try #require(results["xrpl keypair"]?["result"] as? [String: Any])
        #expect(keypair["address"] as? String == "rLUEXYuLiQptky37CqLcm9USQpPiz5rkpD")
        #expect(keypair["key_type"] as? String == "ed25519")
        let signature = try #require((results["xrpl sign-message"]?["result"] as? [String: Any])?["signature"] as? String)
        let publicKey = try #require(keypair["public_key"] as? String)
        let verified = try await runner.runAsync(["xrpl", "verify-message", "--json", "--public-key", publicKey, "--message-hex", "48656c6c6f",
                                                  "--signature", signature], in: directory.path)
        #expect(verified.status == 0)
        #expect((try Self.parse(verified.standardOutput)["result"] as? [String: Any])?["valid"] as? Bool == true)
        #expect((results["config validate"]?["result"] as? [String: Any])?["valid"] as? Bool == true)
        #expect(((results["init"]?["result"] as? [String: Any])?["written"] as? [String])?.contains { $0.hasSuffix("pfbot.yml") } == true)
        #expect((results["tasks --queue"]?["result"] as? [String: Any])?["queue"] as? [Any] != nil)
    }
}
