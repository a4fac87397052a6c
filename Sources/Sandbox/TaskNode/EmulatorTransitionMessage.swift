/// The message an actor signs for a task transition (protocol §4.5), as the emulator rebuilds it to compare with the
/// `message` of an `actorSignature`: six lines joined by `\n`, no trailing newline. Written from the protocol text,
/// independently of the client.
enum EmulatorTransitionMessage {
    /// The message for `transition` of `taskID` over a payload with `payloadDigest` (`sha256:<hex>`).
    static func text(taskID: String, transition: String, payloadDigest: String) -> String {
        """
        Post Fiat Task Node task transition
        Purpose: task_transition
        Role: actor
        Task-ID: \(taskID)
        Transition: \(transition)
        Payload-Digest: \(payloadDigest)
        """
    }
}
