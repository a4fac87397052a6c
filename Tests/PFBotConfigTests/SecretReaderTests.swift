import Foundation
import PFBotConfig
import PFBotCore
import PFBotTestSupport
import Testing

@Suite struct SecretReaderTests {
    @Test func privateFile_isRead_withoutItsTrailingNewline() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = try directory.write("seed", "sEdSecret\n", permissions: 0o600)
        #expect(try SecretReader().read(.file(path: path), keyPath: "wallet.seed_file") == "sEdSecret")
    }

    @Test(arguments: [0o644, 0o604, 0o640])
    func fileReadableByOthers_isRefusedWithChmodAdvice(permissions: Int) throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = try directory.write("seed", "sEdSecret", permissions: permissions)
        #expect(throws: ConfigProblem.self) { try SecretReader().read(.file(path: path), keyPath: "wallet.seed_file") }
        do {
            _ = try SecretReader().read(.file(path: path), keyPath: "wallet.seed_file")
        } catch {
            #expect(error.keyPath == "wallet.seed_file")
            #expect(error.message.contains("chmod 600"))
            #expect(!error.message.contains("sEdSecret"))
        }
    }

    @Test func missingFile_namesTheKeyAndPath() {
        do {
            _ = try SecretReader().read(.file(path: "/nonexistent/seed"), keyPath: "wallet.seed_file")
            Issue.record("a missing secret file was accepted")
        } catch {
            #expect(error.keyPath == "wallet.seed_file")
            #expect(error.message.contains("/nonexistent/seed"))
        }
    }

    @Test func environmentSecret_mustBeSet() throws {
        let reader = SecretReader(environment: ["PFBOT_GITHUB_TOKEN": "ghp_x"])
        #expect(try reader.read(.environment(name: "PFBOT_GITHUB_TOKEN"), keyPath: "github.token_file") == "ghp_x")
        #expect(throws: ConfigProblem.self) { try reader.read(.environment(name: "PFBOT_WALLET_SEED"), keyPath: "wallet.seed_file") }
    }
}
