import Foundation
import Pipeline
import PFBotCore
import Sandbox

/// What the emulators themselves recorded, counted at the end of a soak: issues per task (by pfbot's hidden task
/// marker), pfbot's comments per issue and event marker, pull requests per branch, and the Task Node's initial
/// submissions and verification responses per task (events it stored, each with its own event id). Nothing here reads
/// pfbot's store.
public struct SoakCensus: Sendable {
    /// Issues beyond the first carrying the same task's marker.
    public var duplicateIssues = 0
    /// pfbot comments beyond the first with the same event marker on the same issue.
    public var duplicateComments = 0
    /// Pull requests beyond the first from the same branch.
    public var duplicatePulls = 0
    /// Initial submissions beyond the first the Task Node stored for a task.
    public var duplicateSubmissions = 0
    /// Verification responses beyond the one each question asked for.
    public var duplicateResponses = 0
    /// The repeated things, one line each, for the report.
    public var details: [String] = []

    /// Counts in `world`'s emulators for the tasks `taskIDs`.
    public static func take(world: SandboxWorld, taskIDs: [String]) async -> SoakCensus {
        var census = SoakCensus()
        let emulator = world.github.emulator
        let (owner, repo) = (SandboxWorld.owner, SandboxWorld.repositoryName)
        let issues = await emulator.issueRecords(owner: owner, repo: repo).filter { !$0.isPull }
        for id in taskIDs {
            guard let taskID = try? TaskID(id) else { continue }
            let numbers = issues.filter { $0.body.contains(IssueBody.marker(for: taskID)) }.map(\.number)
            if numbers.count > 1 {
                census.duplicateIssues += numbers.count - 1
                census.details.append("task \(id): issues \(numbers)")
            }
        }
        var marked: [String: Int] = [:]
        for comment in await emulator.commentRecords(owner: owner, repo: repo) where comment.author.hasSuffix("[bot]") {
            guard let event = Self.event(in: comment.body) else { continue }
            marked["#\(comment.issue) \(event)", default: 0] += 1
        }
        for (key, count) in marked.sorted(by: { $0.key < $1.key }) where count > 1 {
            census.duplicateComments += count - 1
            census.details.append("issue \(key): \(count) comments")
        }
        let pulls = await emulator.pullRecords(owner: owner, repo: repo)
        for (branch, group) in Dictionary(grouping: pulls, by: \.head) where group.count > 1 {
            census.duplicatePulls += group.count - 1
            census.details.append("branch \(branch): pull requests \(group.map(\.number))")
        }
        for id in taskIDs {
            guard let task = await world.taskNode.task(id) else { continue }
            let transitions = task.events.compactMap { $0["transition"]?.stringValue }
            let submissions = transitions.filter { $0 == "submitted" }.count
            if submissions > 1 {
                census.duplicateSubmissions += submissions - 1
                census.details.append("task \(id): \(submissions) initial submissions")
            }
            let questions = transitions.filter { $0 == "verification_requested" }.count
            let responses = transitions.filter { $0 == "verification_response_submitted" }.count
            if responses > questions {
                census.duplicateResponses += responses - questions
                census.details.append("task \(id): \(responses) verification responses to \(questions) questions")
            }
        }
        return census
    }

    /// The event of pfbot's hidden comment marker `<!-- pfbot:event=… -->`.
    static func event(in body: String) -> String? {
        guard let start = body.range(of: "<!-- pfbot:event="), let end = body[start.upperBound...].range(of: " -->") else { return nil }
        return String(body[start.upperBound..<end.lowerBound])
    }
}
