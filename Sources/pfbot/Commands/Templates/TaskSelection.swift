import ArgumentParser
import Foundation
import PFBotCore
import PostFiat
import Storage

/// `--task ID` (a task in the bot's store) or `--task-file F` (a Task Node task object, or a detail answer with a
/// `task` member, as in Tests/Fixtures/postfiat).
struct TaskSelection: ParsableArguments {
    @Option(help: ArgumentHelp("A task id from the bot's store (needs --config).", valueName: "id"))
    var task: String?

    @Option(name: .customLong("task-file"), help: ArgumentHelp("A Task Node task as JSON.", valueName: "path"))
    var taskFile: String?

    func validate() throws {
        guard (task == nil) != (taskFile == nil) else { throw ValidationError("give exactly one of --task ID and --task-file F") }
    }

    /// The selected task.
    func load(config: String?) async throws -> PostFiatTask {
        if let taskFile { return try Self.read(file: taskFile) }
        let id: TaskID
        do { id = try TaskID(task ?? "") } catch {
            throw CommandFailure(code: "invalid_task", message: "\(String(describing: task).debugDescription) is not a task id", hint: "copy the id from `pfbot tasks`")
        }
        let store = try await openStore(try loadConfiguration(config))
        let record = try await store.task(id)
        try await store.close()
        guard let record else {
            throw CommandFailure(code: "unknown_task", message: "the store has no task \(id.rawValue)", hint: "run `pfbot sync` first, or use --task-file")
        }
        return record.task
    }

    /// Reads a task file.
    static func read(file: String) throws -> PostFiatTask {
        do {
            let json = try LiteralJSON.parse(try Data(contentsOf: URL(fileURLWithPath: file)))
            let object = json["task"].flatMap { $0.objectValue == nil ? nil : $0 } ?? json
            return try TaskDecoder(now: Date()).decodeTask(object).task
        } catch {
            throw CommandFailure(code: "invalid_task_file", message: "\(file): \(error)",
                                 hint: "give a Task Node task object (taskId, statusKey, kind, pft, title, description …), as in Tests/Fixtures/postfiat")
        }
    }
}
