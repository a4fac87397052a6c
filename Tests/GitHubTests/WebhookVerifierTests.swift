import Foundation
import GitHub
import Testing

@Suite struct WebhookVerifierTests {
    let body = Data(#"{"action":"created","zen":"Keep it logically awesome."}"#.utf8)

    @Test func githubsDocumentedVectorVerifies() throws {
        let signature = "sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17"
        #expect(WebhookVerifier.signature(for: Data("Hello, World!".utf8), secret: "It's a Secret to Everybody") == signature)
        try WebhookVerifier(secrets: ["It's a Secret to Everybody"]).verify(signature: signature, body: Data("Hello, World!".utf8))
    }

    @Test func goodSignatureIsAccepted() throws {
        try WebhookVerifier(secrets: ["s3cret"]).verify(signature: WebhookVerifier.signature(for: body, secret: "s3cret"), body: body)
    }

    @Test func wrongSecretIsRejectedWithoutRevealingTheExpectedValue() {
        let verifier = WebhookVerifier(secrets: ["s3cret"])
        let forged = WebhookVerifier.signature(for: body, secret: "guess")
        #expect(throws: WebhookError.signatureMismatch) { try verifier.verify(signature: forged, body: body) }
        let expected = WebhookVerifier.signature(for: body, secret: "s3cret")
        #expect(!WebhookError.signatureMismatch.description.contains(expected.dropFirst(7)))
    }

    @Test func missingOrEmptySignatureIsRejected() {
        let verifier = WebhookVerifier(secrets: ["s3cret"])
        #expect(throws: WebhookError.missingSignature) { try verifier.verify(signature: nil, body: body) }
        #expect(throws: WebhookError.missingSignature) { try verifier.verify(signature: "", body: body) }
    }

    @Test func malformedSignaturesAreRejected() {
        let verifier = WebhookVerifier(secrets: ["s3cret"])
        for header in ["sha1=abcdef", "sha256=xyz", "sha256=" + String(repeating: "a", count: 63), "sha256=" + String(repeating: "a", count: 62)] {
            #expect(throws: WebhookError.malformedSignature) { try verifier.verify(signature: header, body: body) }
        }
    }

    @Test func tamperedBodyIsRejected() {
        let signature = WebhookVerifier.signature(for: body, secret: "s3cret")
        var tampered = body
        tampered.append(0x20)
        #expect(throws: WebhookError.signatureMismatch) { try WebhookVerifier(secrets: ["s3cret"]).verify(signature: signature, body: tampered) }
    }

    @Test func eitherSecretVerifiesDuringRotation() throws {
        let verifier = WebhookVerifier(secrets: ["new-secret", "old-secret"])
        try verifier.verify(signature: WebhookVerifier.signature(for: body, secret: "old-secret"), body: body)
        try verifier.verify(signature: WebhookVerifier.signature(for: body, secret: "new-secret"), body: body)
        #expect(throws: WebhookError.signatureMismatch) {
            try verifier.verify(signature: WebhookVerifier.signature(for: body, secret: "retired"), body: body)
        }
    }

    @Test func uppercaseHexIsAccepted() throws {
        let signature = WebhookVerifier.signature(for: body, secret: "s3cret")
        try WebhookVerifier(secrets: ["s3cret"]).verify(signature: "sha256=" + signature.dropFirst(7).uppercased(), body: body)
    }

    @Test func noConfiguredSecretRejectsEverything() {
        #expect(throws: WebhookError.noSecretConfigured) {
            try WebhookVerifier(secrets: [""]).verify(signature: WebhookVerifier.signature(for: body, secret: ""), body: body)
        }
    }

    @Test func bodiesOver25MBAreTooLarge() throws {
        // GitHub caps payloads at 25 MB = 26,214,400 bytes; that much is accepted, one byte more is not.
        try WebhookVerifier.checkBodySize(26_214_400)
        #expect(throws: WebhookError.bodyTooLarge(bytes: 26_214_401, limit: 26_214_400)) { try WebhookVerifier.checkBodySize(26_214_401) }
        #expect(throws: WebhookError.bodyTooLarge(bytes: 2_000, limit: 1_000)) { try WebhookVerifier.checkBodySize(2_000, limit: 1_000) }
    }

    @Test func streamedCheckMatchesWholeBodyCheck_withEverySecret() throws {
        let verifier = WebhookVerifier(secrets: ["old", "new"])
        for secret in ["old", "new"] {
            var check = try verifier.startCheck(signature: WebhookVerifier.signature(for: body, secret: secret))
            // Fed in pieces of 7 bytes, as a server reads buffers off the socket.
            var offset = 0
            while offset < body.count {
                let piece = body[offset..<min(offset + 7, body.count)]
                piece.withUnsafeBytes { check.update($0) }
                offset += 7
            }
            try check.finish()
        }
        var tampered = try verifier.startCheck(signature: WebhookVerifier.signature(for: body, secret: "new"))
        (body + Data("x".utf8)).withUnsafeBytes { tampered.update($0) }
        #expect(throws: WebhookError.signatureMismatch) { try tampered.finish() }
        #expect(throws: WebhookError.missingSignature) { _ = try verifier.startCheck(signature: nil) }
        #expect(throws: WebhookError.malformedSignature) { _ = try verifier.startCheck(signature: "sha256=zz") }
    }

    @Test func deliveryVerifiesThenParses() throws {
        let payload = Data(#"{"zen":"Design for failure.","hook_id":7}"#.utf8)
        let headers = [
            "x-hub-signature-256": WebhookVerifier.signature(for: payload, secret: "s3cret"), "x-github-event": "ping",
            "x-github-delivery": "abc-123",
        ]
        let delivery = try WebhookDelivery(header: { headers[$0] }, body: payload, verifier: WebhookVerifier(secrets: ["s3cret"]))
        #expect(delivery.id == "abc-123")
        guard case .ping(let ping) = delivery.event else {
            Issue.record("expected ping, got \(delivery.event.name)")
            return
        }
        #expect(ping.zen == "Design for failure.")
        #expect(ping.hookId == 7)
    }

    @Test func deliveryWithoutEventNameIsRejected() {
        let headers = ["x-hub-signature-256": WebhookVerifier.signature(for: body, secret: "s3cret")]
        #expect(throws: WebhookError.missingEventName) {
            try WebhookDelivery(header: { headers[$0] }, body: body, verifier: WebhookVerifier(secrets: ["s3cret"]))
        }
    }

    @Test func malformedJSONIsATypedError() {
        #expect(throws: WebhookError.self) { try WebhookEvent.parse(name: "issues", body: Data("{not json".utf8)) }
        do {
            _ = try WebhookEvent.parse(name: "issues", body: Data("{not json".utf8))
        } catch let error as WebhookError {
            guard case .malformedJSON(let event, _) = error else {
                Issue.record("expected malformedJSON, got \(error)")
                return
            }
            #expect(event == "issues")
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test func missingFieldsNameThePath() {
        do {
            _ = try WebhookEvent.parse(name: "issue_comment", body: Data(#"{"action":"created","issue":{"id":1}}"#.utf8))
            Issue.record("expected an error")
        } catch let error as WebhookError {
            guard case .invalidPayload(let event, let detail) = error else {
                Issue.record("expected invalidPayload, got \(error)")
                return
            }
            #expect(event == "issue_comment")
            #expect(detail.contains("missing"))
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test func wrongTypesAreTypedErrorsNotCrashes() {
        for body in [#"[]"#, #"{"action":5}"#, #"null"#, #""text""#] {
            #expect(throws: WebhookError.self) { try WebhookEvent.parse(name: "pull_request", body: Data(body.utf8)) }
        }
    }
}
