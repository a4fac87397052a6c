import Foundation
import Git
import GitHub
import PFBotCore
import PFBotTestSupport
import Pipeline
import Sandbox
import SandboxWorld
import Storage
import Testing

/// The whole lifecycle in the sandbox, driven as people would drive it: Task Node proposals, GitHub comments,
/// pushes, reviews and merges, with every webhook signed and delivered over loopback to pfbot's server.
@Suite(.serialized) struct TaskLifecycleTests {
    static let maintainer = "octocat"
    static let stranger = "mallory"

    func withWorld(_ body: (SandboxWorld) async throws -> Void) async throws {
        try await withSandboxWorld(prefix: "pfbot-e2e", collaborators: [Self.maintainer: "admin", Self.stranger: "read"]) { world, _ in
            try await body(world)
        }
    }

    @Test func proposalToReward_throughCommandsPushReviewAndMerge_submitsExactlyOnce() async throws {
        try await withWorld { world in
            let id = await world.propose(title: "Write the onboarding guide", description: "- Explain installation\n- Explain upgrades", pft: 250)
            let taskID = try TaskID(id)

            // Proposal → issue with marker, labels and the proposal comment.
            let report = try await world.sync()
            #expect(report.new == [taskID])
            let issueNumber = try #require(try await world.store.task(taskID)?.issueNumber)
            let issue = try #require(await world.github.emulator.issue(owner: "acme", repo: "tasks", number: issueNumber))
            #expect(issue["body"]?.stringValue?.contains(IssueBody.marker(for: taskID)) == true)
            #expect(try await comments(world, issueNumber).contains { $0.contains("New Post Fiat proposal") })

            // A reader cannot accept; a maintainer can.
            _ = try await world.github.emulator.comment(as: Self.stranger, owner: "acme", repo: "tasks", issue: issueNumber, body: "/pf accept")
            try await world.settle()
            #expect(try await world.store.task(taskID)?.task.state == .proposed)
            #expect(try await comments(world, issueNumber).contains { $0.contains("@mallory has read access; `/pf accept` needs write") })
            _ = try await world.github.emulator.comment(as: Self.maintainer, owner: "acme", repo: "tasks", issue: issueNumber, body: "/pf accept Looks good")
            try await world.settle()
            #expect(await world.taskNode.task(id)?.statusKey == "accepted")

            // Branch with rendered templates, draft PR, QC failing on the untouched scaffold.
            let record = try #require(try await world.store.task(taskID))
            let branch = try #require(record.branch)
            let pull = try #require(record.pullNumber)
            #expect(branch == "pf/" + TaskSlug(title: "Write the onboarding guide", id: taskID).rawValue)
            #expect(record.task.state == .qcFailed)
            let runs = await world.github.emulator.checkRuns(owner: "acme", repo: "tasks")
            #expect(runs.last?.run["conclusion"]?.stringValue == "failure")
            #expect(runs.last?.run["name"]?.stringValue == "pfbot / QC")

            // The contributor finishes the work and pushes: QC passes.
            let head = try await finishWork(world, branch: branch, taskID: taskID)
            try await world.settle()
            #expect(try await world.store.task(taskID)?.task.state == .qcPassed)
            #expect(await world.github.emulator.checkRuns(owner: "acme", repo: "tasks").last?.run["conclusion"]?.stringValue == "success")

            // Review, ready, merge → exactly one submission, even when the merge webhook is delivered again.
            _ = try await world.github.emulator.submitReview(as: Self.maintainer, owner: "acme", repo: "tasks", pull: pull, state: "APPROVED")
            try await world.github.emulator.markReadyForReview(as: Self.maintainer, owner: "acme", repo: "tasks", pull: pull)
            try await world.settle()
            let maintainer = try await GitHubClient(configuration: GitHubConfiguration(
                baseURL: world.github.apiURL, authentication: .personalAccessToken("token-\(Self.maintainer)"), policy: RateLimitPolicy(writeSpacing: 0)))
            let merge = try await maintainer.mergePullRequest(world.repository, number: pull, method: .merge, sha: head, commitTitle: nil)
            try await world.settle()
            try await redeliverLastMerge(world)
            try await world.settle()
            #expect(await world.taskNode.task(id)?.statusKey == "submitted")
            #expect(await world.acceptedSubmissions() == 1)
            let mergeSHA = try #require(merge.sha)
            #expect(try await world.store.outboxEntry(key: "submit:\(id):\(mergeSHA)")?.state == .sent)
            #expect(try await world.store.auditLog(limit: 50).filter { $0.action == "qc.success" }.count == 1)
            #expect(try await comments(world, issueNumber).contains { $0.contains("Submitted to Post Fiat") })

            // Verification question → comment; answer by command.
            try await world.taskNode.requestVerification(taskID: id, ask: "Which section explains upgrades?")
            try await world.sync()
            #expect(try await comments(world, issueNumber).contains { $0.contains("> Which section explains upgrades?") })
            _ = try await world.github.emulator.comment(as: Self.maintainer, owner: "acme", repo: "tasks", issue: issueNumber,
                                                       body: "/pf verify The Upgrades section of GUIDE.md")
            try await world.settle()
            #expect(await world.taskNode.task(id)?.statusKey == "verification_response_submitted")

            // Reward → comment, label, closed issue.
            try await world.decideReward(taskID: id, decision: "reward", pft: 250)
            try await world.sync()
            let closed = try #require(await world.github.emulator.issue(owner: "acme", repo: "tasks", number: issueNumber))
            #expect(closed["state"]?.stringValue == "closed")
            #expect(closed["labels"]?.arrayValue?.compactMap { $0["name"]?.stringValue }.contains("pf:rewarded") == true)
            #expect(try await comments(world, issueNumber).contains { $0.contains("Rewarded **250 PFT**") })
            #expect(try await world.store.task(taskID)?.task.state == .rewarded)
        }
    }

    @Test func qcFailure_blocksSubmission_andRefuseClosesTheIssue() async throws {
        try await withWorld { world in
            let refused = await world.propose(title: "Tweet about validators", description: "Post a thread.", pft: 5)
            let failing = await world.propose(title: "Document the CLI", description: "- Explain every command", pft: 40)
            try await world.sync()
            let refusedIssue = try #require(try await world.store.task(try TaskID(refused))?.issueNumber)
            let failingIssue = try #require(try await world.store.task(try TaskID(failing))?.issueNumber)
            _ = try await world.github.emulator.comment(as: Self.maintainer, owner: "acme", repo: "tasks", issue: refusedIssue, body: "/pf refuse Not my area")
            _ = try await world.github.emulator.comment(as: Self.maintainer, owner: "acme", repo: "tasks", issue: failingIssue, body: "/pf accept\n/pf priority 7")
            try await world.settle()
            #expect(await world.taskNode.task(refused)?.statusKey == "refused")
            #expect(await world.github.emulator.issue(owner: "acme", repo: "tasks", number: refusedIssue)?["state"]?.stringValue == "closed")
            #expect(try await world.store.task(try TaskID(failing))?.manualPriority?.value == 7)

            // Merge the untouched scaffold: QC failed on its head, so nothing is submitted.
            let record = try #require(try await world.store.task(try TaskID(failing)))
            let pull = try #require(record.pullNumber)
            try await world.github.emulator.markReadyForReview(as: Self.maintainer, owner: "acme", repo: "tasks", pull: pull)
            let maintainer = try await GitHubClient(configuration: GitHubConfiguration(
                baseURL: world.github.apiURL, authentication: .personalAccessToken("token-\(Self.maintainer)"), policy: RateLimitPolicy(writeSpacing: 0)))
            _ = try await maintainer.mergePullRequest(world.repository, number: pull, method: .merge, sha: nil, commitTitle: nil)
            try await world.settle()
            #expect(await world.taskNode.task(failing)?.statusKey == "accepted")
            #expect(await world.acceptedSubmissions() == 0)
            #expect(try await comments(world, failingIssue).contains { $0.contains("Not submitted: QC failed") })
            _ = try await world.github.emulator.comment(as: Self.maintainer, owner: "acme", repo: "tasks", issue: failingIssue, body: "/pf verify too early\n/pf frobnicate")
            try await world.settle()
            let replies = try await comments(world, failingIssue)
            #expect(replies.contains { $0.contains("works only when it is `verification_requested`") })
            #expect(replies.contains { $0.contains("`frobnicate` is not a pfbot command") })
        }
    }

    // MARK: - Helpers

    /// Replaces the placeholders, ticks the checklist and adds the guide, as a contributor would; returns the new head.
    private func finishWork(_ world: SandboxWorld, branch: String, taskID: TaskID) async throws -> String {
        let workspace = LibGit2Workspace(dataDirectory: world.directory.appendingPathComponent("contributor"))
        let token = "token-\(Self.maintainer)"
        let remote = try #require(try await world.context.github.repository(world.repository).cloneUrl)
        let handle = try await workspace.mirror(remoteURL: remote, token: token)
        try await workspace.fetch(in: handle, token: token)
        let before = try await workspace.resolve(in: handle, ref: branch)
        var files: [GitFile] = []
        for entry in try await workspace.listTree(in: handle, ref: branch) where entry.kind == .file {
            let text = String(decoding: try await workspace.readFile(in: handle, ref: branch, path: entry.path) ?? Data(), as: UTF8.self)
            let done = text.replacingOccurrences(of: "TODO(pf):", with: "Done:").replacingOccurrences(of: "- [ ] ", with: "- [x] ")
            files.append(GitFile(path: entry.path, text: done))
        }
        let folder = try #require(files.first { $0.path.hasSuffix("/CHECKLIST.md") }?.path).replacingOccurrences(of: "/CHECKLIST.md", with: "")
        files.removeAll { $0.path == folder + "/GUIDE.md" }
        files.append(GitFile(path: folder + "/GUIDE.md", text: "# Guide\n\n## Installation\n\nRun the installer.\n\n## Upgrades\n\nRun it again.\n"))
        let result = try await workspace.commit(CommitRequest(base: branch, branch: branch, files: files, message: "Write the guide",
                                                              author: GitSignature(name: "Octo Cat", email: "octocat@example.org")), in: handle)
        try await workspace.push(in: handle, branches: [branch], force: false, token: token)
        await world.github.emulator.notePush(as: Self.maintainer, owner: "acme", repo: "tasks", branch: branch, before: before, after: result.sha, message: "Write the guide")
        return result.sha
    }

    private func comments(_ world: SandboxWorld, _ issue: Int) async throws -> [String] {
        try await world.context.github.listComments(world.repository, issue: issue).compactMap(\.body)
    }

    /// Sends the merged pull_request webhook again, as GitHub's redelivery or a second event would.
    private func redeliverLastMerge(_ world: SandboxWorld) async throws {
        let deliveries = await world.github.emulator.deliveries()
        guard let merged = deliveries.last(where: { $0.event == "pull_request" && String(decoding: $0.body, as: UTF8.self).contains("\"merged\":true") }) else {
            Issue.record("no merged pull_request delivery was sent")
            return
        }
        let redelivery = Delivery(id: UUID().uuidString, event: "pull_request", action: "closed", body: [UInt8](merged.body), receivedAt: Date())
        #expect(try await world.store.recordDelivery(redelivery))
    }
}

@Suite(.serialized) struct ReconcilerTests {
    @Test func reconciler_repairsADeletedLabel_andAMissedMergeWebhook() async throws {
        try await withSandboxWorld(prefix: "pfbot-reconcile", collaborators: ["octocat": "admin"]) { world, directory in
            let maintainer = SandboxContributor(login: "octocat", world: world)
            let id = await world.propose(title: "Write the onboarding guide", description: "- Explain installation", pft: 80)
            try await world.sync()
            let issue = try #require(try await world.store.task(try TaskID(id))?.issueNumber)
            try await maintainer.comment(on: issue, "/pf accept")
            try await world.settle()
            let record = try #require(try await world.store.task(try TaskID(id)))
            let branch = try #require(record.branch)
            let pull = try #require(record.pullNumber)
            try await maintainer.push(to: branch, message: "Finish", edit: SandboxContributor.completeTemplates)
            try await world.settle()

            // Someone deletes pfbot's state label; the merge webhook is lost.
            try await world.context.github.removeLabel(world.repository, issue: issue, label: "pf:qc-passed")
            await world.github.emulator.setFaults(GitHubEmulatorFaults(webhookDropRate: 1, seed: 7))
            try await maintainer.merge(pull)
            await world.github.emulator.flushWebhooks()
            await world.github.emulator.setFaults(GitHubEmulatorFaults())
            try await world.settle()
            #expect(await world.taskNode.task(id)?.statusKey == "accepted")

            let report = try await Reconciler(context: world.context).reconcile()
            #expect(report.queuedJobs == 1)
            let repaired = try await world.context.github.issue(world.repository, number: issue, options: ReadOptions()).labels.map(\.name)
            #expect(repaired.contains("pf:qc-passed"))
            try await world.settle()
            #expect(await world.taskNode.task(id)?.statusKey == "submitted")
            let labels = try await world.context.github.issue(world.repository, number: issue, options: ReadOptions()).labels.map(\.name)
            #expect(labels.contains("pf:submitted"))
            #expect(labels.contains("pf:task"))
            let again = try await Reconciler(context: world.context).reconcile()
            #expect(again.queuedJobs == 0)
            #expect(again.adoptedIssues == 0)
        }
    }
}

@Suite(.serialized) struct DeadlineWarningTests {
    @Test func deadlineWarning_isPostedOncePerLeadTime() async throws {
        try await withSandboxWorld(prefix: "pfbot-deadline", collaborators: ["octocat": "admin"]) { world, directory in
            let id = await world.propose(title: "Write the onboarding guide", description: "- Explain installation", pft: 80)
            let due = ISO8601DateFormatter().string(from: Date().addingTimeInterval(10 * 3600))
            try await world.taskNode.override(taskID: id, fields: ["dueAt": .string(due)])
            try await world.sync()
            let issue = try #require(try await world.store.task(try TaskID(id))?.issueNumber)
            try await SandboxContributor(login: "octocat", world: world).comment(on: issue, "/pf accept")
            try await world.settle()
            #expect(try await DeadlineWatcher(context: world.context).warn() == 1)
            #expect(try await DeadlineWatcher(context: world.context).warn() == 0)
            let warnings = try await world.context.github.listComments(world.repository, issue: issue).compactMap(\.body).filter { $0.contains("⏰") }
            #expect(warnings.count == 1)
            #expect(warnings.first?.contains("Less than 12 h left") == true)
        }
    }
}
