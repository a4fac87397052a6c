import ArgumentParser
import Foundation
import PFBotCore
import PostFiat

/// `pfbot task …`: one task at a time.
struct TaskCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "task",
        abstract: "Show, accept, refuse, cancel, submit or answer one Post Fiat task, or request a new one.",
        subcommands: [TaskShowCommand.self, TaskAcceptCommand.self, TaskRefuseCommand.self, TaskCancelCommand.self,
                      TaskSubmitCommand.self, TaskVerifyCommand.self, TaskRequestCommand.self])
}
