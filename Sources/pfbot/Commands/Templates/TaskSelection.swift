import ArgumentParser
import Foundation
import PFBotCore
import PostFiat
import Storage

/// `--task ID` (a task in the bot's store) or `--task-file F`: a Task Node task object (`taskId`, `statusKey` …), a
/// detail answer with a `task` member, or a task fixture (`title`, `description`, `task_kind`, `steps`,
/// `submission_requirement`, `reward_offer`, as in Tests/Fixtures/postfiat/local_json_task_loop_task.json).
struct TaskSelection: ParsableArguments {
    @Option(help: ArgumentHelp("A task id from the bot's store (needs --config).", valueName: "id"))
    var task: String?

    @Option(name: .customLong("task-file"), help: ArgumentHelp("A Task Node task or a task fixture, as JSON.", valueName: "path"))
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
            if object["taskId"] == nil, object["fullId"] == nil, let title = object["title"]?.stringValue { return try fixture(object, title: title) }
            return try TaskDecoder(now: Date()).decodeTask(object).task
        } catch {
            throw CommandFailure(code: "invalid_task_file", message: "\(file): \(error)",
                                 hint: "give a Task Node task object (taskId, statusKey, kind, pft, title, description …) or a task fixture as in Tests/Fixtures/postfiat")
        }
    }

    /// A task fixture (no Task Node id or state): an accepted task with the id `task_id` or `task_local`.
    private static func fixture(_ object: LiteralJSON, title: String) throws -> PostFiatTask {
        let requirement = object["submission_requirement"]
        return PostFiatTask(
            id: try TaskID(object["task_id"]?.stringValue ?? "task_local"), title: title, kind: TaskKind(label: object["task_kind"]?.stringValue ?? "personal"),
            description: object["description"]?.stringValue ?? "", steps: object["steps"]?.arrayValue?.compactMap(\.stringValue) ?? [],
            verificationAsk: object["verification_ask"]?.stringValue,
            submissionRequirement: requirement?["type"]?.stringValue.map { SubmissionRequirement(rawType: $0, criteria: requirement?["criteria"]?.stringValue ?? "") },
            reward: try PFTAmount(parsing: object["reward_offer"]?["amount_pft"]?.stringValue ?? "0"),
            dueAt: nil, acceptBy: nil, deadlineAt: nil, createdAt: Date(), updatedAt: Date(), state: .accepted
        )
    }
}
