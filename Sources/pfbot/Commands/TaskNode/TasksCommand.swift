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

    @Option(help: "Only tasks with this status key, e.g. proposed, accepted, verification_requested.")
    var status: String?

    @Option(help: "Only tasks of this kind: personal, network or alpha.")
    var kind: String?

    @Flag(help: "Print pfbot's work queue instead (from the store, best first, with each score's reasons); run `pfbot sync` first.")
    var queue = false

    func run() async throws {
        if queue {
            try await WorkQueue.print(configPath: options.config, json: options.json)
            return
        }
        let listing = try await options.makeClient().listTasks()
        let tasks = listing.tasks.filter { node in
            (status == nil || node.task.state.rawValue == status) && (kind == nil || node.task.kind.name == kind?.lowercased())
        }
        if options.json {
            let problems = listing.problems.map { Problem(bucket: $0.bucket, taskId: $0.taskID, error: $0.error.description) }
            Output.success(try JSONText(members: ["tasks": JSONText(verbatim: CanonicalJSON.string(of: LiteralJSON.array(tasks.map(\.raw)))),
                                                  "problems": JSONText(problems)]))
        } else {
            Output.line(TaskTable.render(tasks))
        }
        for problem in listing.problems {
            Output.error("warning: \(problem.error.description)")
        }
    }

    /// A task the Task Node sent in a form pfbot cannot read.
    private struct Problem: Encodable {
        var bucket: String
        var taskId: String?
        var error: String
    }
}
