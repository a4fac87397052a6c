import Foundation
import PFBotCore

/// The comments pfbot posts on a task's issue. Each starts with a hidden marker naming the event, so a retried
/// job finds its earlier comment instead of posting twice.
public enum IssueComments {
    /// The hidden marker of a comment, e.g. `<!-- pfbot:event=submission:abc123 -->`. Characters other than letters,
    /// digits and `_ - . :` become `_`, so an event named by outside text (a Task Node event id) cannot end the
    /// comment early or forge another marker.
    public static func marker(_ event: String) -> String {
        let safe = String(String.UnicodeScalarView(event.unicodeScalars.prefix(200).map { scalar in
            scalar.isASCII && (CharacterSet.alphanumerics.contains(scalar) || "_-.:".unicodeScalars.contains(scalar)) ? scalar : "_"
        }))
        return "<!-- pfbot:event=\(safe) -->"
    }

    /// Whether a comment body carries the marker of `event`.
    public static func carries(_ body: String, event: String) -> Bool { body.contains(marker(event)) }

    /// The event named by the first marker in a comment body, if it has one.
    public static func event(in body: String) -> String? {
        let prefix = "<!-- pfbot:event="
        guard let start = body.range(of: prefix), let end = body.range(of: " -->", range: start.upperBound..<body.endIndex) else { return nil }
        let event = String(body[start.upperBound..<end.lowerBound])
        return event.isEmpty || event.contains("\n") ? nil : event
    }

    /// A new proposal, with the accept/refuse commands.
    public static func proposal(_ task: PostFiatTask, assignees: [String]) -> String {
        [
            marker("proposal"),
            "\(mentions(assignees))New Post Fiat proposal: **\(task.reward.decimalText) PFT**.",
            "",
            "Reply `/pf accept` to take it (pfbot creates the branch, templates and a draft pull request) or `/pf refuse <reason>`.",
        ].joined(separator: "\n")
    }

    /// The submission went to the Task Node.
    public static func submitted(mergeSHA: String, evidence: [String]) -> String {
        [
            marker("submission:\(mergeSHA)"),
            "Submitted to Post Fiat (merge `\(mergeSHA.prefix(12))`). Evidence:",
            "",
        ].joined(separator: "\n") + "\n" + evidence.map { "- \($0)" }.joined(separator: "\n")
    }

    /// The Task Node asks its verification question.
    public static func verificationPrompt(ask: String, eventID: String, assignees: [String]) -> String {
        let quoted = IssueBody.quoted(ask).joined(separator: "\n")
        return [
            marker("verification:\(eventID)"),
            "\(mentions(assignees))The Post Fiat reviewer asks:",
            "",
            quoted,
            "",
            "Answer with `/pf verify <your answer>` (links and text; the answer is sent as your verification response).",
        ].joined(separator: "\n")
    }

    /// The reward decision; with `confirmedInLedger`, the payment was already found in that validated ledger.
    public static func rewarded(amount: PFTAmount, decision: String, reason: String?, paymentHash: String?, confirmedInLedger: Int64? = nil) -> String {
        var lines = [marker("reward"), decision == "reject" || amount == .zero
            ? "The Post Fiat reviewer **rejected** the submission (0 PFT)."
            : "Rewarded **\(amount.decimalText) PFT** (\(IssueBody.escapeInline(InertText.singleLine(decision.replacingOccurrences(of: "_", with: " "), limit: 80))))."]
        if let reason, !reason.isEmpty { lines += ["", IssueBody.quoted(reason).joined(separator: "\n")] }
        if let paymentHash {
            let isHash = !paymentHash.isEmpty && paymentHash.count <= 128 && paymentHash.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) }
            lines += ["", isHash ? "Payment: `\(paymentHash)`" : "Payment: " + IssueBody.escapeInline(InertText.singleLine(paymentHash, limit: 100))]
            if let confirmedInLedger { lines[lines.count - 1] += " — ✅ confirmed in ledger \(confirmedInLedger)." }
        }
        return lines.joined(separator: "\n")
    }

    /// The reward payment is in a validated ledger, as the Task Node reported it.
    public static func rewardConfirmed(amount: PFTAmount, paymentHash: String, ledger: UInt32, wallet: String) -> String {
        marker("reward-confirmed:\(paymentHash)") + "\n✅ Reward confirmed in ledger \(ledger): payment `\(paymentHash)` delivered "
            + "**\(amount.decimalText) PFT** to `\(wallet)`."
    }

    /// The reward payment is still not in a validated ledger after the configured wait.
    public static func rewardUnconfirmed(paymentHash: String, waitedSeconds: Int) -> String {
        marker("reward-unconfirmed:\(paymentHash)") + "\n⚠️ The reward payment `\(paymentHash)` is not confirmed on the ledger "
            + "\(waitedSeconds) s after the Task Node reported it. pfbot keeps checking at every sync; if it never appears, ask the "
            + "Task Node operators about the payment."
    }

    /// The validated transaction is not the reward payment the Task Node reported.
    public static func rewardMismatch(paymentHash: String, ledger: UInt32, problem: String) -> String {
        marker("reward-mismatch:\(paymentHash)") + "\n❌ The reward payment `\(paymentHash)` (ledger \(ledger)) does not match the reward: "
            + IssueBody.escapeInline(problem) + ". Ask the Task Node operators about the payment."
    }

    /// The Task Node reports a state it does not know itself (`statusKey:"unknown"`, protocol §12).
    public static func unknownState(label: String?, event: String) -> String {
        let shown = label.map { " (it shows it as \(IssueBody.escapeInline($0)))" } ?? ""
        return marker(event) + "\nThe Task Node reports a state it does not know\(shown). pfbot does nothing on this task "
            + "until the Task Node reports a known state again; check the task on the Task Node if it stays like this."
    }

    /// The task ended without a reward (refused, cancelled, expired, rejected).
    public static func closed(_ state: TaskState, reason: String?) -> String {
        var text = marker("closed:\(state.rawValue)") + "\nThe task is **\(state.rawValue)** on the Task Node."
        if let reason, !reason.isEmpty { text += " Reason: " + IssueBody.escapeInline(reason) }
        return text
    }

    /// A deadline warning at a lead time.
    public static func deadlineWarning(hours: Int, due: Date, assignees: [String]) -> String {
        "\(marker("deadline:\(hours)"))\n\(mentions(assignees))⏰ Less than \(hours) h left: the task is due \(ISO8601DateFormatter().string(from: due))."
    }

    /// The reply to a command that was refused.
    public static func refusal(verb: String, message: String) -> String {
        "`/pf\(verb.isEmpty ? "" : " " + echoable(verb))` was not run: \(message)"
    }

    /// A word someone wrote after `/pf`, safe to echo inside a code span: verb-like words as written, anything else
    /// (backticks that would end the span, markup, mentions, very long words) as `…`.
    static func echoable(_ word: String) -> String {
        let verbLike = !word.isEmpty && word.count <= 32 && word.unicodeScalars.allSatisfy { scalar in
            ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) || scalar == "-" || scalar == "_"
        }
        return verbLike ? word : "…"
    }

    static func mentions(_ logins: [String]) -> String {
        let valid = logins.filter { login in
            !login.isEmpty && login.count <= 39 && login.unicodeScalars.allSatisfy { CharacterSet.alphanumerics.contains($0) || $0 == "-" }
        }
        return valid.isEmpty ? "" : valid.map { "@\($0)" }.joined(separator: " ") + " "
    }
}
