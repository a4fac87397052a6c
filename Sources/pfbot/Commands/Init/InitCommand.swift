import ArgumentParser
import Foundation

/// `pfbot init`: writes a commented `pfbot.yml`, the repository's `.github/pfbot.yml` and the Actions workflow,
/// then prints the GitHub App manifest; `pfbot init --app` registers the GitHub App through a one-shot page instead.
struct InitCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Write a commented pfbot.yml, .github/pfbot.yml and the Actions workflow; or, with --app, register pfbot's GitHub App.",
        discussion: """
        Refuses to replace existing files unless --force is given; then nothing is written. \
        Without --app it prints the App manifest, each permission and event explained. \
        With --app it writes no starter files: it serves a one-shot page on 127.0.0.1 whose button posts the manifest \
        to GitHub; when GitHub sends the browser back, pfbot exchanges the code for the App's credentials, saves the \
        private key and webhook secret in secrets/ (mode 0600), sets github.app_id, github.private_key_file and \
        github.webhook_secret_files in pfbot.yml, and prints how to install the App.
        """
    )

    /// The `--url` shown in the printed manifest when none is given.
    static let exampleURL = "https://pfbot.example.org"

    @Option(help: ArgumentHelp("Folder to write the files into.", valueName: "path"))
    var directory = "."

    @Flag(help: "Replace files that exist already.")
    var force = false

    @Option(help: ArgumentHelp("Public address of `pfbot serve`, used in the App manifest's webhook URL (required with --app).", valueName: "url"))
    var url: String?

    @Option(help: ArgumentHelp("The action the workflow runs, OWNER/REPO@REF (pin a tag or commit of your pfbot copy).", valueName: "reference"))
    var action = ActionsWorkflow.actionReference

    @Flag(help: "Print one JSON object (the files written and the App manifest) instead of text, on error too (docs/cli-json.md).")
    var json = false

    @Flag(help: "Register pfbot's GitHub App from its manifest through a one-shot page on 127.0.0.1, and save its credentials.")
    var app = false

    @Option(help: ArgumentHelp("With --app: register the App for this organization instead of your own account.", valueName: "org"))
    var organization: String?

    @Option(help: ArgumentHelp("With --app: the App's name (GitHub lets you change it on its page).", valueName: "name"))
    var name = "pfbot"

    @Option(name: .customLong("github-url"), help: ArgumentHelp("With --app: GitHub's web address (https://HOST for GitHub Enterprise Server).", valueName: "url"))
    var githubURL = "https://github.com"

    @Option(name: .customLong("github-api-url"), help: ArgumentHelp("With --app: GitHub's REST API address (https://HOST/api/v3 for GitHub Enterprise Server).", valueName: "url"))
    var githubAPIURL = "https://api.github.com"

    @Option(help: ArgumentHelp("With --app: the port of the one-shot page on 127.0.0.1 (0 picks a free one).", valueName: "port"))
    var port = 0

    @Option(help: ArgumentHelp("With --app: seconds to wait for the way back from GitHub.", valueName: "seconds"))
    var timeout = 900

    func validate() throws {
        guard ActionsWorkflow.isValidReference(action) else { throw ValidationError(InitError.invalidAction(action).description) }
        if let url { guard Self.isWebURL(url) else { throw ValidationError(InitError.invalidURL(url).description) } }
        guard app else { return }
        guard url != nil else {
            throw ValidationError("--app needs --url: the public address GitHub will send webhooks to (where `pfbot serve` runs), e.g. --url https://pfbot.example.org")
        }
        for (option, value) in [("--github-url", githubURL), ("--github-api-url", githubAPIURL)] where !Self.isWebURL(value) {
            throw ValidationError(InitError.invalidGitHubURL(option: option, value: value).description)
        }
        guard (0...65535).contains(port) else { throw ValidationError("--port \(port) is not a port; give 0 (any free port) to 65535.") }
        guard timeout > 0 else { throw ValidationError("--timeout \(timeout) must be a positive number of seconds.") }
    }

    func run() async throws {
        if app { return try await registerApp() }
        let written = try StarterFileWriter(directory: directory, force: force, action: action).write()
        let base = Self.trimmed(url ?? Self.exampleURL)
        let manifest = GitHubAppManifest(baseURL: base)
        if json {
            try Output.success(InitResult(written: written, manifest: manifest))
            return
        }
        written.forEach { Output.line("wrote \($0)") }
        Output.line("")
        Output.line("Next: edit pfbot.yml, then run `pfbot config validate` and `pfbot doctor` (docs/getting-started.md).")
        Output.line("")
        Output.line("To register the GitHub App for `pfbot serve`, run `pfbot init --app --url \(base)` (with your server's address):")
        Output.line("it posts this manifest to GitHub for you and saves the App's credentials. The manifest, to create it by hand:")
        Output.prettyJSON(manifest)
        Output.line("")
        Output.line("Why each permission and event:")
        GitHubAppManifest.reasons.forEach { Output.line("  \($0)") }
    }

    private func registerApp() async throws {
        let narrate: @Sendable (String) -> Void = { [json] line in json ? Output.error(line) : Output.line(line) }
        let flow = AppRegistrationFlow(
            name: name, publicURL: Self.trimmed(url ?? Self.exampleURL), githubURL: Self.trimmed(githubURL), apiURL: Self.trimmed(githubAPIURL),
            organization: organization, port: port, timeoutSeconds: timeout, writer: AppCredentialWriter(directory: directory, force: force),
            narrate: narrate)
        let report = try await flow.run()
        if json {
            try Output.success(report)
        } else {
            AppRegistrationFlow.summary(report).forEach(Output.line)
        }
    }

    private static func isWebURL(_ text: String) -> Bool {
        guard let parsed = URL(string: text), ["http", "https"].contains(parsed.scheme?.lowercased() ?? "") else { return false }
        return parsed.host?.isEmpty == false
    }

    private static func trimmed(_ url: String) -> String {
        url.hasSuffix("/") ? String(url.dropLast()) : url
    }
}

/// `pfbot init --json`'s result: the files written and the App manifest.
private struct InitResult: Encodable {
    var written: [String]
    var manifest: GitHubAppManifest
}
