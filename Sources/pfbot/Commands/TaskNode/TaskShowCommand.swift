import ArgumentParser
import Foundation
import PFBotCore
import PostFiat

/// `pfbot task show ID`.
struct TaskShowCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "Show a task in full, with its verification prompt and reward.")

    @OptionGroup var options: TaskNodeOptions
    @Argument(help: "The task id (task_…).") var id: String

    func run() async throws {
        let detail = try await options.makeClient().taskDetail(try TaskID(id))
        if options.json {
            Output.success(JSONText(verbatim: CanonicalJSON.string(of: detail.raw)))
            return
        }
        let node = detail.task
        let task = node.task
        var lines = [
            "\(task.id)  \(task.title)", "Kind: \(task.kind)   Status: \(task.state)   Reward: \(task.reward)",
        ]
        if !task.description.isEmpty { lines.append("\n\(task.description)") }
        for (index, step) in task.steps.enumerated() { lines.append("  \(index + 1). \(step)") }
        if let requirement = task.submissionRequirement { lines.append("Evidence: \(requirement.rawType) — \(requirement.criteria)") }
        if let prompt = node.verificationRequest { lines.append("Verification asked: \(prompt.ask)") }
        if let outcome = node.rewardOutcome {
            lines.append("Reward: \(outcome.decision), \(outcome.reward) (\(outcome.status))\(outcome.reason.map { ": \($0)" } ?? "")")
        }
        let allowed = detail.actions.filter(\.value).map(\.key).sorted()
        lines.append("Allowed now: \(allowed.isEmpty ? "nothing" : allowed.joined(separator: ", "))")
        Output.line(lines.joined(separator: "\n"))
    }
}
