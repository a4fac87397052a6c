import ArgumentParser
import PFBotCore

/// The `pfbot` command: the root of every subcommand.
@main
struct PFBot: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pfbot",
        abstract: "Mirror a Post Fiat contributor's task stream into GitHub issues, branches and pull requests.",
        version: PFBotVersion.current,
        subcommands: [DemoCommand.self, InitCommand.self, ServeCommand.self, ActionCommand.self, SyncCommand.self, QCCommand.self, SubmitCommand.self, ReportCommand.self, ReceiveCommand.self, BackupCommand.self, RestoreCommand.self, LoginCommand.self, TasksCommand.self, TaskCommand.self, GitHubCommand.self, XRPLCommand.self, ConfigCommand.self, DoctorCommand.self]
    )
}
