import PostFiat

/// `verifyTaskTransitionSignature` (protocol §4.5) as the emulator runs it on every write: the `actorSignature`'s
/// `payload_digest` must be the digest of the payload the server stores, its `message` the six lines rebuilt from
/// the task id, transition and that digest, and its `signature` must verify under `public_key`, whose address is
/// `signer_wallet`.
///
/// Digest and message come from ``EmulatorCanonicalJSON`` and the emulator's own message builder, never from the
/// client, so the client's signing is checked against an independent reading of the protocol.
public struct EmulatorTransitionVerifier: Sendable {
    /// The verdict recorded with an event (`forensics.timeline[].signature.verification.status`).
    public enum Verdict: String, Sendable {
        /// Every check passed.
        case valid
        /// No signature object, or one with an empty `signature`.
        case signatureMissing = "signature_missing"
        /// `payload_digest` is not the digest of the stored payload.
        case payloadDigestMismatch = "payload_digest_mismatch"
        /// `message` is not the message rebuilt from the task id, transition and digest.
        case signatureMessageMismatch = "signature_message_mismatch"
        /// The signature does not verify, or `public_key` does not belong to `signer_wallet`.
        case signatureInvalid = "signature_invalid"
    }

    private let checker: any SignatureChecker

    /// A verifier checking signatures and key ownership with `checker`.
    public init(checker: any SignatureChecker) {
        self.checker = checker
    }

    /// Checks `signature` (an `actorSignature` object) against the payload the server stores.
    /// - Parameters:
    ///   - signature: the `actorSignature` of the request, or `nil`/`null` when none was sent.
    ///   - storedPayload: the payload as stored, after the server's overwrites (§4.2).
    ///   - taskID: the task the write is for.
    ///   - transition: `accepted|refused|cancelled`, or the submission mode.
    /// - Returns: the first check that failed, or ``Verdict/valid``.
    public func verdict(for signature: LiteralJSON?, storedPayload: LiteralJSON, taskID: String, transition: String) -> Verdict {
        guard let signature, let signatureHex = signature["signature"]?.stringValue, !signatureHex.isEmpty else {
            return .signatureMissing
        }
        let digest = EmulatorCanonicalJSON.digest(of: storedPayload)
        guard signature["payload_digest"]?.stringValue == digest else { return .payloadDigestMismatch }
        let message = EmulatorTransitionMessage.text(taskID: taskID, transition: transition, payloadDigest: digest)
        guard signature["message"]?.stringValue == message else { return .signatureMessageMismatch }
        let publicKey = signature["public_key"]?.stringValue ?? ""
        guard let signatureBytes = TaskNodeEmulator.hexBytes(signatureHex),
              let signer = checker.address(forPublicKeyHex: publicKey), signer == signature["signer_wallet"]?.stringValue,
              checker.verify(message: Array(message.utf8), signature: signatureBytes, publicKeyHex: publicKey)
        else { return .signatureInvalid }
        return .valid
    }
}
