import ArgumentParser
import Foundation

/// `pfbot init`: writes a commented `pfbot.yml`, the repository's `.github/pfbot.yml` and the Actions workflow,
/// then prints the GitHub App manifest.
struct InitCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Write a commented pfbot.yml, .github/pfbot.yml and the Actions workflow; print the GitHub App manifest.",
        discussion: """
        Refuses to replace existing files unless --force is given; then nothing is written. \
        The manifest is what GitHub's "create a GitHub App from a manifest" flow takes; each permission is explained.
        """
    )

    @Option(help: ArgumentHelp("Folder to write the files into.", valueName: "path"))
    var directory = "."

    @Flag(help: "Replace files that exist already.")
    var force = false

    @Option(help: ArgumentHelp("Public address of `pfbot serve`, used in the App manifest's webhook and redirect URLs.", valueName: "url"))
    var url = "https://pfbot.example.org"

    @Option(help: ArgumentHelp("The action the workflow runs, OWNER/REPO@REF (pin a tag or commit of your pfbot copy).", valueName: "reference"))
    var action = ActionsWorkflow.actionReference

    @Flag(help: "Print one JSON object (the files written and the App manifest) instead of text, on error too (docs/cli-json.md).")
    var json = false

    func validate() throws {
        guard ActionsWorkflow.isValidReference(action) else { throw ValidationError(InitError.invalidAction(action).description) }
        guard let parsed = URL(string: url), ["http", "https"].contains(parsed.scheme?.lowercased() ?? ""), parsed.host?.isEmpty == false else {
            throw ValidationError(InitError.invalidURL(url).description)
        }
    }

    func run() async throws {
        let written = try StarterFileWriter(directory: directory, force: force, action: action).write()
        let manifest = GitHubAppManifest(baseURL: url.hasSuffix("/") ? String(url.dropLast()) : url)
        if json {
            try Output.success(InitResult(written: written, manifest: manifest))
            return
        }
        written.forEach { Output.line("wrote \($0)") }
        Output.line("")
        Output.line("Next: edit pfbot.yml, then run `pfbot config validate` and `pfbot doctor` (docs/getting-started.md).")
        Output.line("")
        Output.line("GitHub App manifest (for `pfbot serve`; replace \(url) with your server's address):")
        Output.prettyJSON(manifest)
        Output.line("")
        Output.line("Why each permission:")
        GitHubAppManifest.reasons.forEach { Output.line("  \($0)") }
    }
}

/// `pfbot init --json`'s result: the files written and the App manifest.
private struct InitResult: Encodable {
    var written: [String]
    var manifest: GitHubAppManifest
}
