import Foundation
import PFBotTestSupport
import PostFiat
@testable import Sandbox
import Testing

/// The emulator's own canonical JSON, digests and transition messages (protocol §4.5) against the published vectors,
/// and the signature check they feed.
@Suite struct EmulatorDigestTests {
    private func vector(_ name: String) throws -> LiteralJSON {
        let vectors = try LiteralJSON.parse(Fixtures.data("postfiat/generated/signing_vectors.json"))["vectors"]
        return try #require(vectors?[name], "signing_vectors.json has no vector \(name)")
    }

    private func canonicalText(_ value: LiteralJSON) -> String {
        String(decoding: EmulatorCanonicalJSON.bytes(of: value), as: UTF8.self)
    }

    // MARK: - Published vectors

    @Test func acceptTransitionVector_canonicalTextDigestAndMessageMatch() throws {
        let vector = try vector("transition_accept_secp256k1")
        let payload = try #require(vector["payload"])
        #expect(canonicalText(payload) == vector["canonical_json"]?.stringValue)
        let digest = EmulatorCanonicalJSON.digest(of: payload)
        #expect(digest == vector["payload_digest"]?.stringValue)
        let message = EmulatorTransitionMessage.text(taskID: payload["task_id"]?.stringValue ?? "", transition: "accepted",
                                                     payloadDigest: digest)
        #expect(message == vector["message"]?.stringValue)
    }

    @Test func edgeCaseVector_sortsKeysEscapesControlsAndPrintsNumbers() throws {
        let vector = try vector("canonical_json_edge")
        let input = try #require(vector["input"])
        #expect(canonicalText(input) == vector["canonical_json"]?.stringValue)
        #expect(EmulatorCanonicalJSON.sha256Hex(of: input) == vector["sha256"]?.stringValue)
    }

    @Test func localJSONTaskLoop_allFivePayloadDigestsReproduce() throws {
        let events = try #require(try LiteralJSON.parse(Fixtures.data("postfiat/local_json_task_loop/state/events.json")).arrayValue)
        #expect(events.count == 5)
        for event in events {
            let payload = try #require(event["payload"])
            #expect(EmulatorCanonicalJSON.digest(of: payload) == event["payload_digest"]?.stringValue,
                    "event \(event["event_id"]?.stringValue ?? "?")")
        }
    }

    @Test func publishedSignature_verifiesWithTheRealXRPLChecker() throws {
        let vector = try vector("transition_accept_secp256k1")
        let payload = try #require(vector["payload"])
        let signature = try #require(vector["actorSignature"])
        let verifier = EmulatorTransitionVerifier(checker: XRPLSignatureChecker())
        let taskID = payload["task_id"]?.stringValue ?? ""
        func verdict(_ signature: LiteralJSON?, _ payload: LiteralJSON) -> EmulatorTransitionVerifier.Verdict {
            verifier.verdict(for: signature, storedPayload: payload, taskID: taskID, transition: "accepted")
        }
        #expect(verdict(signature, payload) == .valid)
        #expect(verdict(signature, payload.setting("reason", to: "Accepting, changed")) == .payloadDigestMismatch)
        let otherMessage = (signature["message"]?.stringValue ?? "").replacingOccurrences(of: "accepted", with: "refused")
        #expect(verdict(signature.setting("message", to: .string(otherMessage)), payload) == .signatureMessageMismatch)
        let flipped = "3044022033" + (signature["signature"]?.stringValue ?? "").dropFirst(10)
        #expect(verdict(signature.setting("signature", to: .string(flipped)), payload) == .signatureInvalid)
        let ed25519 = try self.vector("ed25519_key")
        #expect(verdict(signature.setting("signer_wallet", to: ed25519["address"] ?? .null), payload) == .signatureInvalid)
        #expect(verdict(signature.setting("signature", to: ""), payload) == .signatureMissing)
        #expect(verdict(nil, payload) == .signatureMissing)
        #expect(verdict(.null, payload) == .signatureMissing)
    }

    // MARK: - The rules of §4.5

    @Test(arguments: [
        ("3", "3"), ("3.0", "3"), ("-0", "0"), ("0.0", "0"), ("1.5", "1.5"), ("-2.50", "-2.5"), ("1.25e3", "1250"), ("0.96", "0.96"),
        ("1e21", "1e+21"), ("1E+21", "1e+21"), ("999999999999999900000", "999999999999999900000"), ("1e-6", "0.000001"),
        ("1e-7", "1e-7"), ("123e-20", "1.23e-18"), ("-1.5e300", "-1.5e+300"), ("0.30000000000000004", "0.30000000000000004"),
        ("0.1000000000000000055511", "0.1"), ("12345678901234567890", "12345678901234567000"), ("5e-324", "5e-324"), ("1e400", "null"),
    ])
    func numbers_printAsJavaScriptPrintsThem(literal: String, expected: String) {
        #expect(canonicalText(.number(literal)) == expected)
    }

    @Test func strings_escapeOnlyWhatJSONStringifyEscapes() {
        let value: LiteralJSON = .string("q\"b\\s\u{08}\u{0C}\n\r\t\u{00}\u{01}\u{1F} \u{7F}/\u{2028}\u{2029}é😀")
        #expect(canonicalText(value) == "\"q\\\"b\\\\s\\b\\f\\n\\r\\t\\u0000\\u0001\\u001f \u{7F}/\u{2028}\u{2029}é😀\"")
    }

    @Test func keys_sortByUTF16CodeUnitsAndNestedValuesKeepArrayOrder() {
        // U+1F600 is the surrogate pair D83D DE00, which sorts before U+FF5E in UTF-16 (not in code points).
        let value: LiteralJSON = ["\u{FF5E}": 2, "\u{1F600}": 1, "b": [3, "x", nil, true, false], "a": ["z": [:], "Z": []], "": 0]
        #expect(canonicalText(value) == "{\"\":0,\"a\":{\"Z\":[],\"z\":{}},\"b\":[3,\"x\",null,true,false],\"\u{1F600}\":1,\"\u{FF5E}\":2}")
    }

    @Test func everyPostFiatFixture_encodesAsTheClientEncodesIt() throws {
        // The client signs and the emulator verifies: both readings of §4.5 must agree on real protocol documents.
        let root = try Fixtures.root().appendingPathComponent("postfiat")
        let files = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)?
            .compactMap { $0 as? URL }.filter { $0.pathExtension == "json" } ?? []
        #expect(files.count >= 10)
        for file in files {
            let value = try LiteralJSON.parse(try Data(contentsOf: file))
            #expect(canonicalText(value) == CanonicalJSON.string(of: value), "\(file.lastPathComponent)")
        }
    }

    // MARK: - Enforcement

    /// Logs `signer` in to `emulator`, proposes a task and returns the cookie, account id and task id.
    private func loggedInTask(_ emulator: TaskNodeEmulator, signer: HMACTestSigner) async throws -> (cookie: String, accountID: String, taskID: String) {
        let start = try LiteralJSON.parse(await emulator.handle(post("/api/auth/wallet/start", ["address": .string(signer.address)])).body)
        let challenge = try #require(start["challenge"])
        let message = try #require(challenge["message"]?.stringValue)
        let signature = try signer.sign(message: Array(message.utf8)).map { String(format: "%02X", $0) }.joined()
        let verify = await emulator.handle(post("/api/auth/wallet/verify", [
            "challengeId": challenge["id"] ?? .null, "address": .string(signer.address),
            "publicKey": .string(signer.publicKeyHex), "signature": .string(signature),
        ]))
        let cookie = try #require(verify.headers.first { $0.name == "Set-Cookie" }?.value.split(separator: ";").first)
        let accountID = try #require(try LiteralJSON.parse(verify.body)["accountId"]?.stringValue)
        let taskID = TaskNodeEmulator.newTaskID()
        await emulator.propose(EmulatorTask(taskID: taskID, wallet: signer.address, title: "T", offeredPFT: 5, updatedAt: emulator.clock.now()))
        return (String(cookie.dropFirst("tasknode_session=".count)), accountID, taskID)
    }

    private func post(_ path: String, _ body: LiteralJSON, cookie: String? = nil) -> EmulatorRequest {
        var headers = ["content-type": "application/json"]
        if let cookie { headers["cookie"] = "tasknode_session=\(cookie)" }
        return EmulatorRequest(method: "POST", path: path, headers: headers, body: Data(CanonicalJSON.string(of: body).utf8))
    }

    /// An accept whose signature the client computes over the payload the server will store (§4.2 overwrites),
    /// so the emulator's check can pass; `tamper` edits the payload after signing.
    private func signedAccept(_ emulator: TaskNodeEmulator, tamper: (LiteralJSON) -> LiteralJSON) async throws -> (EmulatorResponse, String) {
        let signer = HMACTestSigner(secret: "dora")
        let (cookie, accountID, taskID) = try await loggedInTask(emulator, signer: signer)
        let eventID = "evt_0123456789abcdef01234567"
        let payload: LiteralJSON = [
            "schema": "pf.task.update.v1", "task_id": .string(taskID), "actor_wallet": .string(signer.address),
            "transition": "accepted", "status_after": "accepted", "reason": "Ready: café ✓", "event_id": .string(eventID),
        ]
        let stored = payload.setting("account_id", to: .string(accountID)).setting("wallet_address", to: .string(signer.address))
            .setting("previous_status", to: "proposed").setting("request_id", to: nil).setting("cid", to: .string("postgres:\(eventID)"))
            .setting("evidence_sha256", to: .string(String(CanonicalJSON.digest(of: payload).dropFirst("sha256:".count))))
            .setting("recorded_at", to: .string(ISOTimestamp.string(from: emulator.clock.now())))
            .setting("metadata", to: ["source": "direct_write"])
        let signature = try TransitionSignature.make(payload: stored, taskID: taskID, transition: "accepted", signer: signer,
                                                     signedAt: ISOTimestamp.string(from: emulator.clock.now()))
        let response = await emulator.handle(post("/api/tasks/action", [
            "phase": "submit", "taskId": .string(taskID), "taskAction": "accept", "offchainPayload": tamper(payload),
            "actorSignature": signature,
        ], cookie: cookie))
        return (response, taskID)
    }

    @Test func enforcedSignatures_acceptASignatureOverTheStoredPayload() async throws {
        var options = TaskNodeEmulatorOptions()
        options.enforceTransitionSignatures = true
        let emulator = TaskNodeEmulator(checker: HMACTestChecker(), options: options)
        let (response, taskID) = try await signedAccept(emulator) { $0 }
        #expect(response.status == 200)
        let task = try #require(await emulator.task(taskID))
        #expect(task.statusKey == "accepted")
        #expect(task.timeline.last?["signature"]?["verification"]?["status"] == "valid")
    }

    @Test func enforcedSignatures_refuseATamperedPayload() async throws {
        var options = TaskNodeEmulatorOptions()
        options.enforceTransitionSignatures = true
        let emulator = TaskNodeEmulator(checker: HMACTestChecker(), options: options)
        let (response, taskID) = try await signedAccept(emulator) { $0.setting("reason", to: "Ready: cafe") }
        #expect(response.status == 400)
        let body = try LiteralJSON.parse(response.body)
        #expect(body["error"] == "task_transition_signature_invalid")
        #expect(body["message"]?.stringValue?.contains("payload_digest_mismatch") == true)
        #expect(await emulator.task(taskID)?.statusKey == "proposed")
    }
}
