import ArgumentParser
import Foundation
import GitHub

/// `pfbot github verify-webhook FILE --signature … --event …`: checks a saved delivery offline.
struct GitHubVerifyWebhookCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify-webhook",
        abstract: "Verify a saved webhook body against X-Hub-Signature-256 and show what it parses to.",
        discussion: "The secrets are read from the environment variable named by --secret-env (comma-separated for rotation).")

    @Argument(help: "The raw body of the delivery, as saved to a file.")
    var file: String

    @Option(help: "The X-Hub-Signature-256 header value (sha256=…).")
    var signature: String

    @Option(help: "The X-GitHub-Event header value, e.g. issue_comment.")
    var event: String

    @Option(help: "The environment variable holding the webhook secret(s).")
    var secretEnv = "PFBOT_WEBHOOK_SECRET"

    @OptionGroup var output: JSONOption

    func run() async throws {
        let body = try WebhookBodyFile.read(file)
        let secrets = (ProcessInfo.processInfo.environment[secretEnv] ?? "").split(separator: ",").map(String.init)
        let headers = ["x-hub-signature-256": signature, "x-github-event": event, "x-github-delivery": "cli"]
        let delivery = try WebhookDelivery(header: { headers[$0] }, body: body, verifier: WebhookVerifier(secrets: secrets))
        var commands: [String] = []
        if case .issueComment(let comment) = delivery.event {
            commands = PFCommandParser().parse(comment.comment).map { "\($0)" }
        }
        if output.json {
            try Output.success(Verified(signatureValid: true, event: delivery.event.name, commands: commands))
            return
        }
        Output.line("signature valid; event \(delivery.event.name)")
        commands.forEach { Output.line("command: \($0)") }
    }

    /// `--json`'s result: the signature checked out, the event, and the `/pf` commands of a comment.
    private struct Verified: Encodable {
        var signatureValid: Bool
        var event: String
        var commands: [String]
    }
}
