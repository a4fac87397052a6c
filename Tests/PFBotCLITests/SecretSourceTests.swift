import Foundation
import Testing
@testable import pfbot

@Suite struct SecretSourceTests {
    private func writeSecret(_ text: String, mode: Int) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("pfbot-secret-\(UUID().uuidString)").path
        guard FileManager.default.createFile(atPath: path, contents: Data(text.utf8), attributes: [.posixPermissions: mode]) else {
            throw CocoaError(.fileWriteUnknown)
        }
        return path
    }

    @Test func privateSeedFile_loadsTheWallet() throws {
        let path = try writeSecret("sEdSKaCy2JT7JaM7v95H9SxkhP9wS2r\n", mode: 0o600)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let wallet = try SecretSource.wallet(seedFile: path, mnemonicFile: nil)
        #expect(wallet.address == "rLUEXYuLiQptky37CqLcm9USQpPiz5rkpD")
    }

    @Test func groupOrWorldReadableSecretFile_isRefusedWithAChmodHint() throws {
        let path = try writeSecret("sEdSKaCy2JT7JaM7v95H9SxkhP9wS2r", mode: 0o644)
        defer { try? FileManager.default.removeItem(atPath: path) }
        do {
            _ = try SecretSource.wallet(seedFile: path, mnemonicFile: nil)
            Issue.record("a 0644 secret file was accepted")
        } catch let failure as SecretSource.Failure {
            #expect(failure.description.contains("chmod 600"))
        }
    }

    @Test func verifyMessage_exitsNonZeroForABadSignature() async throws {
        let command = try VerifyMessageCommand.parse([
            "--public-key", "ED01FA53FA5A7E77798F882ECE20B1ABC00BB358A9E55A202D0D0676BD0CE37A63", "--message-hex", "00",
            "--signature", "00",
        ])
        await #expect(throws: (any Error).self) { try await command.run() }
    }
}
