import Foundation
import PFBotCore
import PFBotTestSupport
import PostFiat
import Sandbox
import Testing
import XRPL

/// Real signatures through the XRPL wallet against `generated/signing_vectors.json`.
@Suite struct WalletSigningTests {
    private func vectors() throws -> PostFiat.LiteralJSON {
        try PostFiat.LiteralJSON.parse(Fixtures.data("postfiat/generated/signing_vectors.json"))["vectors"] ?? .null
    }

    private func hex(_ bytes: [UInt8]) -> String { bytes.map { String(format: "%02X", $0) }.joined() }

    private func secpWallet() throws -> Wallet {
        try Wallet(mnemonic: try #require(try vectors()["secp256k1_key"]?["mnemonic"]?.stringValue))
    }

    private func edWallet() throws -> Wallet {
        try Wallet(seed: try #require(try vectors()["ed25519_key"]?["seed"]?.stringValue))
    }

    @Test func secp256k1Login_reproducesTheVectorSignature() throws {
        let vector = try #require(try vectors()["login_secp256k1"])
        let wallet = try secpWallet()
        #expect(wallet.address == vector["verify_request"]?["address"]?.stringValue)
        #expect(wallet.publicKeyHex == vector["verify_request"]?["publicKey"]?.stringValue)
        let message = try #require(vector["message"]?.stringValue)
        #expect(hex(try wallet.sign(message: Array(message.utf8))) == vector["signature"]?.stringValue)
    }

    @Test func ed25519Login_reproducesTheVectorSignature() throws {
        let vector = try #require(try vectors()["login_ed25519"])
        let wallet = try edWallet()
        #expect(wallet.address == (try vectors()["ed25519_key"]?["address"]?.stringValue))
        let message = try #require(vector["message"]?.stringValue)
        #expect(hex(try wallet.sign(message: Array(message.utf8))) == vector["signature"]?.stringValue)
    }

    @Test func acceptTransition_reproducesTheWholeActorSignature() throws {
        let vector = try #require(try vectors()["transition_accept_secp256k1"])
        let payload = try #require(vector["payload"])
        let expected = try #require(vector["actorSignature"])
        let made = try TransitionSignature.make(payload: payload, taskID: "task_0123456789abcdef0123456789abcdef",
                                                transition: "accepted", signer: try secpWallet(),
                                                signedAt: expected["signed_at"]?.stringValue ?? "")
        #expect(made == expected)
    }

    @Test func loginVectorMessage_passesTheClientsChallengeCheckShape() throws {
        let vector = try #require(try vectors()["login_secp256k1"])
        let lines = (vector["message"]?.stringValue ?? "").split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == 6)
        #expect(lines[3] == "Challenge: \(vector["verify_request"]?["challengeId"]?.stringValue ?? "")")
    }

    @Test func emulatorChecker_acceptsTheVectorAndRejectsATamperedSignature() throws {
        let vector = try #require(try vectors()["login_secp256k1"])
        let checker = XRPLSignatureChecker()
        let publicKey = try #require(vector["verify_request"]?["publicKey"]?.stringValue)
        let message = Array((vector["message"]?.stringValue ?? "").utf8)
        var signature = try wallet(signatureHex: vector["signature"]?.stringValue ?? "")
        #expect(checker.address(forPublicKeyHex: publicKey) == vector["verify_request"]?["address"]?.stringValue)
        #expect(checker.verify(message: message, signature: signature, publicKeyHex: publicKey))
        signature[signature.count - 1] ^= 1
        #expect(!checker.verify(message: message, signature: signature, publicKeyHex: publicKey))
    }

    private func wallet(signatureHex: String) throws -> [UInt8] {
        var bytes: [UInt8] = []
        var index = signatureHex.startIndex
        while index < signatureHex.endIndex {
            let next = signatureHex.index(index, offsetBy: 2)
            bytes.append(try #require(UInt8(signatureHex[index..<next], radix: 16)))
            index = next
        }
        return bytes
    }

    @Test(arguments: ["secp256k1", "ed25519"])
    func wholeLifecycleWithRealKeys_againstTheEmulatorWithRealChecks(keyType: String) async throws {
        let wallet = keyType == "secp256k1" ? try secpWallet() : try edWallet()
        try await EmulatorHarness.with(signer: wallet, checker: XRPLSignatureChecker()) { harness in
            let id = try PFBotCore.TaskID(await harness.propose(pft: 12))
            _ = try await harness.client.accept(id, reason: "Real keys")
            _ = try await harness.client.submit(id, evidence: [try Evidence.classify("https://github.com/o/r/pull/1")])
            try await harness.emulator.requestVerification(taskID: id.rawValue, ask: "Which commit?")
            let asked = try await harness.client.taskDetail(id)
            #expect(asked.task.verificationRequest?.ask == "Which commit?")
            _ = try await harness.client.respondToVerification(id, evidence: [try Evidence.classify("abc123 in PR 1")])
            try await harness.emulator.decideReward(taskID: id.rawValue, decision: "reward", pft: 12)
            let done = try await harness.client.taskDetail(id)
            #expect(done.task.task.state == .rewarded)
            #expect(done.task.task.reward == (try PFTAmount(parsing: "12")))
            #expect(await harness.requests(to: "/api/auth/wallet/verify").map(\.status) == [200])
        }
    }
}
