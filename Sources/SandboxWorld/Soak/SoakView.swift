import Foundation
import Sandbox

/// The GitHub emulator's records as the soak's drivers look at them: one snapshot shared by every driver, refreshed
/// when older than a third of a second, so a dozen polling drivers cost the emulator one read.
actor SoakView {
    /// What GitHub holds at one moment.
    struct Snapshot: Sendable {
        var issues: [EmulatorIssueRecord] = []
        var comments: [EmulatorCommentRecord] = []
        var pulls: [EmulatorPullRecord] = []
        var checkRuns: [EmulatorCheckRunRecord] = []
    }

    private let world: SandboxWorld
    private var snapshot = Snapshot()
    private var takenAt = Date.distantPast

    init(world: SandboxWorld) {
        self.world = world
    }

    /// The snapshot, refreshed when stale.
    func current() async -> Snapshot {
        guard Date().timeIntervalSince(takenAt) > 0.33 else { return snapshot }
        let emulator = world.github.emulator
        let (owner, repo) = (SandboxWorld.owner, SandboxWorld.repositoryName)
        snapshot = Snapshot(issues: await emulator.issueRecords(owner: owner, repo: repo), comments: await emulator.commentRecords(owner: owner, repo: repo),
                            pulls: await emulator.pullRecords(owner: owner, repo: repo), checkRuns: await emulator.checkRunRecords(owner: owner, repo: repo))
        takenAt = Date()
        return snapshot
    }
}

extension SoakView.Snapshot {
    /// Comments pfbot wrote (its App's bot or the Actions bot) on `issue`.
    func botComments(on issue: Int) -> [EmulatorCommentRecord] {
        comments.filter { $0.issue == issue && $0.author.hasSuffix("[bot]") }
    }

    /// Whether pfbot posted the comment with hidden event marker `event` on `issue`.
    func hasBotComment(on issue: Int, event: String) -> Bool {
        botComments(on: issue).contains { $0.body.contains("<!-- pfbot:event=\(event) -->") }
    }
}
