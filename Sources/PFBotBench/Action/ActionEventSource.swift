import Foundation
import PFBotCore
import Pipeline
import SandboxWorld
import Storage

/// Makes the events `pfbot action` is timed on: people act in the sandbox (the in-process bot handles the steps
/// before), and the webhook the GitHub emulator sent for the step is taken out of the bot's inbox unhandled.
struct ActionEventSource {
    static let maintainer = "octocat"

    /// An Actions event: its name and the event file's content.
    struct Event {
        var name: String
        var body: Data
    }

    /// An accepted task: its branch, draft pull request and issue exist.
    struct AcceptedTask {
        var id: TaskID
        var branch: String
        var pull: Int
        var issue: Int
    }

    let world: SandboxWorld

    var person: SandboxContributor { SandboxContributor(login: Self.maintainer, world: world) }

    /// Proposes a docs task, syncs, and has the maintainer accept it.
    func acceptedTask() async throws -> AcceptedTask {
        let id = try await TaskID(world.propose(title: "Write the onboarding guide", description: "- Explain installation", pft: 120))
        try await world.sync()
        guard let issue = try await world.store.task(id)?.issueNumber else { throw BenchArgumentError("the sandbox did not open the task's issue") }
        try await person.comment(on: issue, "/pf accept")
        try await world.settle()
        guard let record = try await world.store.task(id), let branch = record.branch, let pull = record.pullNumber else {
            throw BenchArgumentError("the sandbox did not start work on the accepted task")
        }
        return AcceptedTask(id: id, branch: branch, pull: pull, issue: issue)
    }

    /// The `issue_comment` event of a `/pf status` comment on the task's issue.
    func statusComment(_ task: AcceptedTask) async throws -> Event {
        try await person.comment(on: task.issue, "/pf status")
        return try await taken("issue_comment")
    }

    /// The `push` and `pull_request` `synchronize` events of pushing the finished work to the task branch.
    func pushedWork(_ task: AcceptedTask) async throws -> (push: Event, synchronize: Event) {
        try await pushWork(task)
        let events = try await takeDeliveries()
        guard let push = events.last(where: { $0.name == "push" }), let synchronize = events.last(where: { $0.name == "pull_request" }) else {
            throw BenchArgumentError("the emulator sent no push and synchronize for the pushed work")
        }
        return (push, synchronize)
    }

    /// The `pull_request` `closed` event of merging the task's pull request, with the finished work pushed first.
    func mergedPullRequest(_ task: AcceptedTask) async throws -> Event {
        try await pushWork(task)
        _ = try await takeDeliveries()
        try await person.merge(task.pull)
        return try await taken("pull_request")
    }

    private func pushWork(_ task: AcceptedTask) async throws {
        guard let record = try await world.store.task(task.id) else { throw BenchArgumentError("the task \(task.id) is gone from the store") }
        let guide = [TemplateRenderer.folder(for: record.task) + "/GUIDE.md": "# Guide\n\n## Installation\n\nRun the installer.\n"]
        try await person.push(to: task.branch, message: "Write the guide", extra: guide, edit: SandboxContributor.completeTemplates)
    }

    private func taken(_ name: String) async throws -> Event {
        guard let event = try await takeDeliveries().last(where: { $0.name == name }) else { throw BenchArgumentError("the emulator sent no \(name) event") }
        return event
    }

    /// The webhooks GitHub sent since the last call, taken out of the sandbox bot's inbox without handling them.
    private func takeDeliveries() async throws -> [Event] {
        try await world.takeDeliveries().map { Event(name: $0.event, body: Data($0.body)) }
    }
}
