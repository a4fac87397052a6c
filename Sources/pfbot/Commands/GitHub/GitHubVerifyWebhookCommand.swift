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

    func run() async throws {
        let body: Data
        do {
            body = try WebhookBodyFile.read(file)
        } catch {
            throw ValidationError(error.description)
        }
        let secrets = (ProcessInfo.processInfo.environment[secretEnv] ?? "").split(separator: ",").map(String.init)
        let headers = ["x-hub-signature-256": signature, "x-github-event": event, "x-github-delivery": "cli"]
        let delivery = try WebhookDelivery(header: { headers[$0] }, body: body, verifier: WebhookVerifier(secrets: secrets))
        print("signature valid; event \(delivery.event.name)")
        if case .issueComment(let comment) = delivery.event {
            for parsed in PFCommandParser().parse(comment.comment) { print("command: \(parsed)") }
        }
    }
}
