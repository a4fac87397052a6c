import JSON
import Testing
@testable import XRPL

@Suite struct MessageSignatureTests {
    private func vectors() throws -> JSONValue {
        try #require(try FixtureJSON.load("postfiat/generated/signing_vectors.json")["vectors"])
    }

    @Test func loginChallenge_secp256k1_reproducesTheVectorSignature() throws {
        let v = try vectors()
        let wallet = try Wallet(mnemonic: try #require(v["secp256k1_key"]?["mnemonic"]?.stringValue))
        let login = try #require(v["login_secp256k1"])
        let message = Array(try #require(login["message"]?.stringValue).utf8)
        #expect(Hex.encode(message) == login["message_hex"]?.stringValue)
        #expect(Hex.encode(Hashing.sha512Half(message)) == login["sha512half_hex"]?.stringValue)
        let signature = try wallet.sign(message: message)
        #expect(Hex.encode(signature) == login["signature"]?.stringValue)
        #expect(MessageSignature.verify(message: message, signature: signature, publicKeyHex: wallet.publicKeyHex))
    }

    @Test func loginChallenge_ed25519_reproducesTheVectorSignature() throws {
        let v = try vectors()
        let key = try #require(v["ed25519_key"])
        let wallet = try Wallet(seed: try #require(key["seed"]?.stringValue))
        #expect(wallet.address == key["address"]?.stringValue)
        #expect(wallet.publicKeyHex == key["public_key"]?.stringValue)
        #expect(Hex.encode(wallet.privateKey.copy) == key["private_key"]?.stringValue)
        let login = try #require(v["login_ed25519"])
        let message = Array(try #require(login["message"]?.stringValue).utf8)
        let signature = try wallet.sign(message: message)
        #expect(signature.count == 64)
        #expect(Hex.encode(signature) == login["signature"]?.stringValue)
        #expect(MessageSignature.verify(message: message, signature: signature, publicKeyHex: wallet.publicKeyHex))
    }

    @Test func acceptTransition_reproducesTheVectorSignature() throws {
        let v = try vectors()
        let wallet = try Wallet(mnemonic: try #require(v["secp256k1_key"]?["mnemonic"]?.stringValue))
        let transition = try #require(v["transition_accept_secp256k1"])
        let canonical = try #require(transition["canonical_json"]?.stringValue)
        let digest = "sha256:" + Hex.encode(Hashing.sha256(Array(canonical.utf8))).lowercased()
        #expect(digest == transition["payload_digest"]?.stringValue)
        let message = Array(try #require(transition["message"]?.stringValue).utf8)
        #expect(Hex.encode(try wallet.sign(message: message)) == transition["signature"]?.stringValue)
    }

    @Test func tamperedMessagesAndSignatures_failVerification() throws {
        for seed in ["sEdSKaCy2JT7JaM7v95H9SxkhP9wS2r", "sp5fghtJtpUorTwvof1NpDXAzNwf5"] {
            let wallet = try Wallet(seed: seed)
            let message = Array("test message".utf8)
            var signature = try wallet.sign(message: message)
            #expect(!MessageSignature.verify(message: message + [0], signature: signature, publicKeyHex: wallet.publicKeyHex))
            signature[signature.count - 1] ^= 1
            #expect(!MessageSignature.verify(message: message, signature: signature, publicKeyHex: wallet.publicKeyHex))
            #expect(!MessageSignature.verify(message: message, signature: [], publicKeyHex: wallet.publicKeyHex))
            #expect(!MessageSignature.verify(message: message, signature: signature, publicKeyHex: "ZZ"))
        }
    }

    @Test func highSAndNonCanonicalDER_areRejected() throws {
        let wallet = try Wallet(seed: "sp5fghtJtpUorTwvof1NpDXAzNwf5")
        let message = Array("test message".utf8)
        let der = try wallet.sign(message: message)
        // Parse r and s out of 30 len 02 rlen r 02 slen s.
        let rLen = Int(der[3])
        let r = Array(der[4..<(4 + rLen)])
        let s = Array(der[(6 + rLen)...])
        let order: [UInt8] = try Hex.decode("FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEBAAEDCE6AF48A03BBFD25E8CD0364141")
        let highS = [0x00] + subtract(order, leftPad(s))
        let highDER = [0x30, UInt8(4 + r.count + highS.count), 0x02, UInt8(r.count)] + r + [0x02, UInt8(highS.count)] + highS
        #expect(!MessageSignature.verify(message: message, signature: highDER, publicKeyHex: wallet.publicKeyHex))
        let paddedR = [0x00, 0x00] + r.drop(while: { $0 == 0 })
        let nonCanonical = [0x30, UInt8(4 + paddedR.count + s.count), 0x02, UInt8(paddedR.count)] + paddedR + [0x02, UInt8(s.count)] + s
        #expect(!MessageSignature.verify(message: message, signature: nonCanonical, publicKeyHex: wallet.publicKeyHex))
        #expect(MessageSignature.verify(message: message, signature: der, publicKeyHex: wallet.publicKeyHex))
    }

    private func leftPad(_ bytes: [UInt8]) -> [UInt8] {
        let trimmed = Array(bytes.drop(while: { $0 == 0 }))
        return [UInt8](repeating: 0, count: 32 - trimmed.count) + trimmed
    }

    private func subtract(_ a: [UInt8], _ b: [UInt8]) -> [UInt8] {
        var out = [UInt8](repeating: 0, count: 32)
        var borrow = 0
        for i in (0..<32).reversed() {
            var d = Int(a[i]) - Int(b[i]) - borrow
            borrow = d < 0 ? 1 : 0
            if d < 0 { d += 256 }
            out[i] = UInt8(d)
        }
        return out
    }
}
