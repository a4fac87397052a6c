import ArgumentParser
import Foundation
import PFBotCore

/// The `pfbot` command: the root of every subcommand.
@main
struct PFBot: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pfbot",
        abstract: "Mirror a Post Fiat contributor's task stream into GitHub issues, branches and pull requests.",
        discussion: "Every command takes --json: one JSON object on standard output, on success and on error (docs/cli-json.md).",
        version: PFBotVersion.current,
        subcommands: [DemoCommand.self, InitCommand.self, ServeCommand.self, ActionCommand.self, SyncCommand.self, QCCommand.self, SubmitCommand.self, ReportCommand.self, ReceiveCommand.self, BackupCommand.self, RestoreCommand.self, LoginCommand.self, TasksCommand.self, TaskCommand.self, GitHubCommand.self, XRPLCommand.self, ConfigCommand.self, TemplatesCommand.self, DoctorCommand.self]
    )

    /// Parses and runs the command; every error ends in ``CommandErrorReporter``, so `--json` holds on error paths too.
    static func main() async {
        let arguments = Array(CommandLine.arguments.dropFirst())
        let reporter = CommandErrorReporter(json: CommandErrorReporter.wantsJSON(arguments))
        do {
            var command = try parseAsRoot(arguments)
            if var asynchronous = command as? any AsyncParsableCommand {
                try await asynchronous.run()
            } else {
                try command.run()
            }
        } catch {
            reporter.exit(with: error)
        }
    }
}
