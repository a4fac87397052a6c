import Foundation
import Pipeline
import PFBotCore
import Sandbox

/// One soak task, driven through its whole lifecycle as the Task Node's workers and a maintainer drive it: proposal,
/// `/pf accept`, the contributor's push, QC, review and merge, the reviewer's verification question, `/pf verify`,
/// the reward paid on the ledger, and the issue closed. Every step waits for pfbot's effect on the emulators, until
/// the soak's deadline; the driver never talks to pfbot itself.
struct SoakTaskDriver: Sendable {
    static let maintainer = "octocat"
    static let offeredPFT: Decimal = 50

    let world: SandboxWorld
    let view: SoakView
    let index: Int
    let deadline: Date
    /// Serialises the maintainer's git workspace and merges.
    let git: SoakGate
    /// Serialises reward payments from the one reward wallet.
    let ledger: SoakGate

    /// How far one task got.
    struct Outcome: Sendable {
        var index: Int
        var taskID: String
        var stage: SoakStage
        var issue: Int?
        var error: String?
    }

    func run() async -> Outcome {
        let title = "Write the onboarding guide, part \(index)"
        let id = await world.propose(title: title, description: "- Explain installation", pft: Self.offeredPFT)
        var outcome = Outcome(index: index, taskID: id, stage: .proposed)
        do {
            try await drive(id: id, title: title, outcome: &outcome)
        } catch is CancellationError {
            return outcome
        } catch {
            outcome.error = "\(error)"
        }
        return outcome
    }

    private func drive(id: String, title: String, outcome: inout Outcome) async throws {
        let taskID = try TaskID(id)
        let marker = IssueBody.marker(for: taskID)
        guard let issue = await until({ $0.issues.first { !$0.isPull && $0.body.contains(marker) }?.number }) else { return }
        outcome.issue = issue
        outcome.stage = .issueOpened
        // pfbot records the issue as the task's before it posts the proposal comment: a command earlier finds no task.
        guard await until({ $0.hasBotComment(on: issue, event: "proposal") ? true : nil }) != nil else { return }
        try await comment(issue, "/pf accept")
        guard await untilTaskNode(id, { $0 != "proposed" }) else { return }
        outcome.stage = .accepted

        let branch = "pf/" + TaskSlug(title: title, id: taskID).rawValue
        guard let pull = await until({ $0.pulls.first { $0.head == branch }?.number }) else { return }
        outcome.stage = .pullRequestOpened
        try await git.run { try await pushWork(branch) }
        outcome.stage = .workPushed
        guard await until({ snapshot in Self.qcPassed(snapshot, pull: pull) ? true : nil }) != nil else { return }
        outcome.stage = .qcPassed
        try await git.run { try await merge(pull) }
        outcome.stage = .merged

        guard await untilTaskNode(id, { $0 == "submitted" }) else { return }
        outcome.stage = .submitted
        let ask = "Where is the deliverable of part \(index)?"
        try await world.taskNode.requestVerification(taskID: id, ask: ask)
        outcome.stage = .verificationAsked
        guard await until({ $0.botComments(on: issue).contains { $0.body.contains(ask) } ? true : nil }) != nil else { return }
        try await comment(issue, "/pf verify It is in the merged pull request #\(pull).")
        outcome.stage = .answered
        guard await untilTaskNode(id, { $0 == "verification_response_submitted" }) else { return }
        _ = try await ledger.run { try await world.decideReward(taskID: id, decision: "reward", pft: Self.offeredPFT) }
        outcome.stage = .rewarded
        guard await until({ snapshot in
            let closed = snapshot.issues.first { $0.number == issue }?.state == "closed"
            return closed && snapshot.hasBotComment(on: issue, event: "reward") ? true : nil
        }) != nil else { return }
        outcome.stage = .done
    }

    /// Whether QC passed on the pull request's current head.
    static func qcPassed(_ snapshot: SoakView.Snapshot, pull: Int) -> Bool {
        guard let head = snapshot.pulls.first(where: { $0.number == pull })?.headSHA else { return false }
        return snapshot.checkRuns.contains { $0.headSHA == head && $0.name == "pfbot / QC" && $0.status == "completed" && $0.conclusion == "success" }
    }

    private func comment(_ issue: Int, _ body: String) async throws {
        _ = try await world.github.emulator.comment(as: Self.maintainer, owner: SandboxWorld.owner, repo: SandboxWorld.repositoryName, issue: issue, body: body)
    }

    /// Completes the scaffold's templates and pushes, again when the branch moved meanwhile (pfbot commits to it too).
    private func pushWork(_ branch: String) async throws {
        let contributor = SandboxContributor(login: Self.maintainer, world: world)
        var attempt = 0
        while true {
            do {
                try await contributor.push(to: branch, message: "Write the guide", edit: SandboxContributor.completeTemplates)
                return
            } catch {
                attempt += 1
                if attempt >= 5 || Date() > deadline { throw error }
                try await Task.sleep(for: .seconds(1))
            }
        }
    }

    /// Approves, marks ready and merges with the merge button (no faults: the maintainer is not the client under test).
    private func merge(_ pull: Int) async throws {
        let emulator = world.github.emulator
        let (owner, repo) = (SandboxWorld.owner, SandboxWorld.repositoryName)
        _ = try await emulator.submitReview(as: Self.maintainer, owner: owner, repo: repo, pull: pull, state: "APPROVED")
        try await emulator.markReadyForReview(as: Self.maintainer, owner: owner, repo: repo, pull: pull)
        try await emulator.merge(as: Self.maintainer, owner: owner, repo: repo, pull: pull)
    }

    /// Polls the GitHub snapshot until `probe` finds something; nil at the deadline.
    private func until<T: Sendable>(_ probe: @Sendable (SoakView.Snapshot) -> T?) async -> T? {
        while Date() < deadline, !Task.isCancelled {
            if let found = probe(await view.current()) { return found }
            try? await Task.sleep(for: .milliseconds(500))
        }
        return nil
    }

    /// Polls the Task Node emulator's own state of the task (not its lagging read model) until `accepts` its `statusKey`.
    private func untilTaskNode(_ id: String, _ accepts: @Sendable (String) -> Bool) async -> Bool {
        while Date() < deadline, !Task.isCancelled {
            if let status = await world.taskNode.task(id)?.statusKey, accepts(status) { return true }
            try? await Task.sleep(for: .milliseconds(500))
        }
        return false
    }
}
