import Foundation
import PFBotTestSupport
import PostFiat
import Testing

@Suite struct TransitionSignatureTests {
    @Test func message_matchesTheGeneratedVector() throws {
        let vectors = try LiteralJSON.parse(Fixtures.data("postfiat/generated/signing_vectors.json"))["vectors"]
        let vector = try #require(vectors?["transition_accept_secp256k1"])
        let message = TransitionSignature.message(taskID: "task_0123456789abcdef0123456789abcdef", transition: "accepted",
                                                  payloadDigest: vector["payload_digest"]?.stringValue ?? "")
        #expect(message == vector["message"]?.stringValue)
    }

    @Test func signatureObject_carriesEveryFieldOfSection4_5() throws {
        let signer = HMACTestSigner(secret: "bob")
        let payload: LiteralJSON = ["task_id": "task_x", "transition": "accepted"]
        let object = try TransitionSignature.make(payload: payload, taskID: "task_x", transition: "accepted", signer: signer,
                                                  signedAt: "2026-08-21T00:01:00.000Z")
        #expect(object["schema"] == "pf.task.transition_signature.v1")
        #expect(object["role"] == "actor")
        #expect(object["algorithm"] == "ripple-keypairs.secp256k1")
        #expect(object["signer_wallet"]?.stringValue == signer.address)
        #expect(object["public_key"]?.stringValue == signer.publicKeyHex)
        #expect(object["payload_digest"]?.stringValue == CanonicalJSON.digest(of: payload))
        let message = try #require(object["message"]?.stringValue)
        let expected = try signer.sign(message: Array(message.utf8)).map { String(format: "%02X", $0) }.joined()
        #expect(object["signature"]?.stringValue == expected)
        #expect(object.objectValue?.count == 11)
    }

    @Test func eventID_ignoresAnExistingEventIDAndChangesWithContent() {
        let base: LiteralJSON = ["a": "1"]
        #expect(TransitionSignature.eventID(for: base) == TransitionSignature.eventID(for: base.setting("event_id", to: "evt_x")))
        #expect(TransitionSignature.eventID(for: base) != TransitionSignature.eventID(for: ["a": "2"]))
        #expect(TransitionSignature.eventID(for: base).count == 28)
    }
}
