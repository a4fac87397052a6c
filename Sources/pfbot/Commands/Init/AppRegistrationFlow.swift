import Foundation
import Logging
import Server

/// `pfbot init --app`: registers pfbot's GitHub App from its manifest through a one-shot page on 127.0.0.1, saves
/// the App's private key and webhook secret (0600) and points `pfbot.yml` at them, then says how to install the App.
struct AppRegistrationFlow {
    /// The result printed by `pfbot init --app --json`.
    struct Report: Encodable {
        var appID: Int
        var slug: String?
        var htmlURL: String
        var installURL: String
        var privateKeyFile: String
        var webhookSecretFile: String?
        var configuration: String?

        enum CodingKeys: String, CodingKey {
            case slug, configuration
            case appID = "app_id"
            case htmlURL = "html_url"
            case installURL = "install_url"
            case privateKeyFile = "private_key_file"
            case webhookSecretFile = "webhook_secret_file"
        }
    }

    var name: String
    var publicURL: String
    var githubURL: String
    var apiURL: String
    var organization: String?
    var port: Int
    var timeoutSeconds: Int
    var writer: AppCredentialWriter
    /// Progress lines (the page's address, then what was written).
    var narrate: @Sendable (String) -> Void

    /// Runs the flow until the App is saved, a step fails, or the timeout passes.
    /// - Throws: ``InitError`` saying what went wrong and what to do.
    func run() async throws(InitError) -> Report {
        try writer.checkNothingIsReplaced()
        let session = AppRegistrationSession(githubURL: githubURL, apiURL: apiURL, organization: organization, writer: writer)
        var quiet = Logger(label: "pfbot.init.app")
        quiet.logLevel = .critical
        let server: RunningServer
        do {
            server = try await RunningServer.start(router: session.router(), host: "127.0.0.1", port: port, logger: quiet)
        } catch {
            throw .cannotServe(String(describing: error))
        }
        let manifest = GitHubAppManifest(name: name, baseURL: publicURL, redirectURL: server.baseURL + AppRegistrationSession.redirectPath)
        do {
            try await session.setManifest(manifest)
        } catch {
            await server.stop()
            throw .cannotServe("the manifest cannot be encoded: \(error)")
        }
        narrate("Open \(server.baseURL)/ in a browser on this machine and press the button: GitHub registers the App from pfbot's manifest")
        narrate("(webhooks to \(manifest.hookAttributes.url)) and sends you back to this page, which saves its credentials.")
        let timeout = Task {
            try await Task.sleep(for: .seconds(timeoutSeconds))
            await session.finish(.failure(.appRegistrationTimedOut(seconds: timeoutSeconds)))
        }
        var outcomes = session.outcomes.makeAsyncIterator()
        let outcome = await outcomes.next() ?? .failure(.appRegistrationTimedOut(seconds: timeoutSeconds))
        timeout.cancel()
        // The page answering GitHub's redirect is still being sent when the outcome arrives; stopping the server
        // closes its connections, so give the browser a moment to receive it.
        try? await Task.sleep(for: .seconds(1))
        await server.stop()
        let (app, written) = try outcome.get()
        _ = try StarterGitIgnore.ensure(in: writer.directory)
        return Report(
            appID: app.id, slug: app.slug, htmlURL: app.htmlURL, installURL: app.installURL, privateKeyFile: AppCredentialWriter.privateKeyPath,
            webhookSecretFile: app.webhookSecret == nil ? nil : AppCredentialWriter.webhookSecretPath, configuration: written.configuration)
    }

    /// The lines `pfbot init --app` prints after the App was saved: what was written and the next steps.
    static func summary(_ report: Report) -> [String] {
        var lines = ["GitHub App \(report.slug ?? String(report.appID)) (id \(report.appID)) created: \(report.htmlURL)",
                     "wrote \(report.privateKeyFile) (mode 0600)"]
        if let secret = report.webhookSecretFile { lines.append("wrote \(secret) (mode 0600)") }
        let entries = AppCredentialWriter.entries(appID: report.appID, hasWebhookSecret: report.webhookSecretFile != nil)
        if let configuration = report.configuration {
            lines.append("set github.\(entries.map(\.key).joined(separator: ", github.")) in \(configuration)")
        } else {
            lines.append("no pfbot.yml here (run `pfbot init` first); add to its github: section:")
            lines += entries.map { "  \($0.key): \($0.value)" }
        }
        lines += [
            "",
            "Next:",
            "  1. Install the App on your repository: \(report.installURL)",
            "  2. Set github.repository and github.installation_id in pfbot.yml (the installation id is the number at the end of",
            "     the installation's settings page URL), then run `pfbot doctor` and `pfbot serve` (docs/getting-started.md).",
        ]
        return lines
    }
}
