import ArgumentParser
import Foundation
import PFBotCore
import PostFiat

/// `pfbot tasks`: lists the contributor's Task Node tasks.
struct TasksCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tasks",
        abstract: "List your Post Fiat tasks (all buckets).",
        discussion: "Columns: id, title, kind, status, reward, due. Tasks the Task Node sent in a form pfbot cannot read are listed as problems on stderr. With --queue: pfbot's prioritized work queue instead.")

    @OptionGroup var options: TaskNodeOptions

    @Flag(help: "Print JSON (the raw task objects plus problems) instead of a table.")
    var json = false

    @Option(help: "Only tasks with this status key, e.g. proposed, accepted, verification_requested.")
    var status: String?

    @Option(help: "Only tasks of this kind: personal, network or alpha.")
    var kind: String?

    @Flag(help: "Print pfbot's work queue instead (from the store, best first, with each score's reasons); run `pfbot sync` first.")
    var queue = false

    func run() async throws {
        if queue {
            try await WorkQueue.print(configPath: options.config, json: json)
            return
        }
        let listing = try await options.makeClient().listTasks()
        let tasks = listing.tasks.filter { node in
            (status == nil || node.task.state.rawValue == status) && (kind == nil || node.task.kind.name == kind?.lowercased())
        }
        if json {
            let document: LiteralJSON = [
                "tasks": .array(tasks.map(\.raw)),
                "problems": .array(listing.problems.map { ["bucket": .string($0.bucket), "taskId": $0.taskID.map { .string($0) } ?? .null,
                                                          "error": .string($0.error.description)] }),
            ]
            print(CanonicalJSON.string(of: document))
        } else {
            print(TaskTable.render(tasks))
        }
        for problem in listing.problems {
            FileHandle.standardError.write(Data("warning: \(problem.error.description)\n".utf8))
        }
    }
}
