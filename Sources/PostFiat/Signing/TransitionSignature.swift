/// Builds the actor transition signature object of §4.5 (`actorSignature`).
public enum TransitionSignature {
    /// The six-line message signed for a transition.
    /// - Parameters:
    ///   - taskID: the task id.
    ///   - transition: `accepted|refused|cancelled`, or the submission mode.
    ///   - payloadDigest: `sha256:<hex>` of the canonical payload.
    /// - Returns: the message, lines joined by `\n`, no trailing newline.
    public static func message(taskID: String, transition: String, payloadDigest: String) -> String {
        [
            "Post Fiat Task Node task transition",
            "Purpose: task_transition",
            "Role: actor",
            "Task-ID: \(taskID)",
            "Transition: \(transition)",
            "Payload-Digest: \(payloadDigest)",
        ].joined(separator: "\n")
    }

    /// The signed `actorSignature` object for `payload`.
    /// - Parameters:
    ///   - payload: the exact `offchainPayload` that will be sent.
    ///   - taskID: the task id.
    ///   - transition: the transition or submission mode.
    ///   - signer: the wallet.
    ///   - signedAt: the ISO timestamp to record.
    /// - Returns: the object to send as `actorSignature`.
    /// - Throws: ``TaskNodeError/signingFailed(_:)`` when the signer fails.
    public static func make(
        payload: LiteralJSON, taskID: String, transition: String, signer: any TransitionSigner, signedAt: String
    ) throws -> LiteralJSON {
        let digest = CanonicalJSON.digest(of: payload)
        let text = message(taskID: taskID, transition: transition, payloadDigest: digest)
        let signature: String
        do {
            signature = try signer.signatureHex(for: text)
        } catch {
            throw TaskNodeError.signingFailed(String(describing: error))
        }
        return [
            "schema": "pf.task.transition_signature.v1",
            "role": "actor",
            "task_id": .string(taskID),
            "transition": .string(transition),
            "signer_wallet": .string(signer.address),
            "public_key": .string(signer.publicKeyHex),
            "payload_digest": .string(digest),
            "message": .string(text),
            "signature": .string(signature),
            "signed_at": .string(signedAt),
            "algorithm": "ripple-keypairs.secp256k1",
        ]
    }

    /// The `event_id` the reference client derives: `evt_` + the first 24 hex digits of the SHA-256 of the
    /// canonical payload without `event_id`.
    public static func eventID(for payload: LiteralJSON) -> String {
        "evt_" + String(CanonicalJSON.sha256Hex(CanonicalJSON.string(of: payload.removing("event_id"))).prefix(24))
    }
}
