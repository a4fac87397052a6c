import Foundation
import PFBotCore
import Pipeline
import Sandbox
import Storage

/// The lifecycle of several tasks in the sandbox, narrated step by step: one rewarded in full, one refused, one
/// failing QC then fixed (partial reward), one rejected by the Post Fiat reviewer (0 PFT, shown as `rejected`). The
/// code task's pushes go to the repository's GitHub Actions workflow (`pfbot action`, run by ``ActionsRunner`` as a
/// runner would), where its template pack's `test` step and the `tests` QC rule fail until the contributor's fix.
public struct DemoScenario: Sendable {
    let world: SandboxWorld
    let actions: ActionsRunner
    let narrate: @Sendable (String) -> Void

    /// A scenario in `world` whose GitHub Actions runs use `actions`, telling what happens through `narrate`.
    public init(world: SandboxWorld, actions: ActionsRunner, narrate: @escaping @Sendable (String) -> Void) {
        self.world = world
        self.actions = actions
        self.narrate = narrate
    }

    struct Plan {
        let title: String
        let description: String
        let pft: Decimal
        let expected: TaskState
        let decision: String?
        let reward: Decimal?
    }

    static let guide = Plan(title: "Write the onboarding guide", description: "- Explain installation\n- Explain upgrades", pft: 250,
                            expected: .rewarded, decision: "reward", reward: 250)
    static let tweet = Plan(title: "Tweet thread about validators", description: "Post a thread on Twitter.", pft: 5,
                            expected: .refused, decision: nil, reward: nil)
    static let dataset = Plan(title: "Build a validator uptime dataset", description: "- Publish a CSV of validator uptime with at least 3 rows and the columns validator and uptime",
                              pft: 120, expected: .rewarded, decision: "partial_reward", reward: 90)
    static let code = Plan(title: "Implement the retry helper", description: "Implement the retry function in the shell client and test it.",
                           pft: 300, expected: .rejected, decision: "reject", reward: 0)

    /// The sandbox repository's build: `make test` runs every `tests/test_*.sh` (the `code` pack scaffolds one).
    static let makefile = "test:\n\t@for t in tests/test_*.sh; do sh \"$$t\" || exit 1; done\n"

    /// The contributor's implementation of the scaffolded shell source: the helper, and `is_done` saying so.
    static func implement(_ path: String, _ text: String) -> String? {
        guard path.hasPrefix("src/"), path.hasSuffix(".sh") else { return SandboxContributor.completeTemplates(path, text) }
        return text.replacingOccurrences(of: "return 1", with: "return 0")
            + "\nretry() {\n  tries=$1; shift\n  until \"$@\"; do\n    tries=$((tries - 1))\n    [ \"$tries\" -gt 0 ] || return 1\n  done\n}\n"
    }

    /// Runs the scenario and summarises it.
    public func run() async throws -> DemoSummary {
        let started = Date()
        let maintainer = SandboxContributor(login: "octocat", world: world)
        let plans = [Self.guide, Self.tweet, Self.dataset, Self.code]
        try step("The maintainer's repository builds with make; its GitHub Actions workflow runs `pfbot action` on pushes")
        try await maintainer.push(to: "main", message: "Build with make", extra: ["Makefile": Self.makefile]) { _, _ in nil }
        try await world.settle()
        narrate("   ✓ Makefile on main: the code pack will scaffold for make, and its test runs in Actions")

        try step("The Task Node proposes \(plans.count) tasks to the contributor's wallet \(world.wallet.address)")
        var ids: [String] = []
        for plan in plans { ids.append(await world.propose(title: plan.title, description: plan.description, pft: plan.pft)) }
        let report = try await world.sync()
        for (plan, id) in zip(plans, ids) {
            let issue = try await record(id).issueNumber.map { "#\($0)" } ?? "?"
            narrate("   ✓ \(plan.title) (\(plan.pft) PFT) → issue \(issue)")
        }
        narrate("   polled the Task Node: \(report.new.count) new, \(report.queuedJobs) jobs queued")

        try step("The maintainer refuses the outreach task and accepts the others with /pf commands")
        try await maintainer.comment(on: try await issue(ids[1]), "/pf refuse Not my area")
        for id in [ids[0], ids[2], ids[3]] { try await maintainer.comment(on: try await issue(id), "/pf accept") }
        try await world.settle()
        for id in [ids[0], ids[2], ids[3]] {
            let stored = try await record(id)
            narrate("   ✓ \(stored.task.title): branch \(stored.branch ?? "?"), draft PR #\(stored.pullNumber ?? 0), QC on the bare scaffold: \(stored.task.state.rawValue)")
        }
        narrate("   ✓ \(Self.tweet.title): \(try await record(ids[1]).task.state.rawValue) on the Task Node, issue closed")

        try step("The contributor writes the guide; QC passes; the maintainer approves and merges")
        try await finish(ids[0], maintainer, extra: ["GUIDE.md": "# Guide\n\n## Installation\n\nRun the installer.\n\n## Upgrades\n\nRun it again.\n"])

        try step("The code task in GitHub Actions: its pack's `test` step and the `tests` QC rule run `make test`, failing until the helper is implemented")
        var runs: [DemoSummary.ActionsRun] = []
        runs.append(try await pushToActions(ids[3], maintainer, message: "Notes on the retry helper", edit: SandboxContributor.completeTemplates))
        runs.append(try await pushToActions(ids[3], maintainer, message: "Implement the retry helper", edit: Self.implement))
        try await approveAndMerge(ids[3], maintainer)

        try step("The dataset first fails QC (one row where three are required), then is fixed")
        try await push(ids[2], maintainer, extra: ["data.csv": "validator,uptime\nalpha,99.9\n"])
        let failed = try await record(ids[2])
        narrate("   ✗ QC: \(try await world.store.latestQualityVerdict(task: try TaskID(ids[2]))?.summary ?? "?") → state \(failed.task.state.rawValue)")
        try await finish(ids[2], maintainer, extra: ["data.csv": "validator,uptime\nalpha,99.9\nbeta,98.1\ngamma,97.4\ndelta,99.2\n"])

        try step("The Task Node asks each submission a verification question; the answers go back with /pf verify")
        for id in [ids[0], ids[2], ids[3]] { try await world.taskNode.requestVerification(taskID: id, ask: "Where in the repository is the deliverable?") }
        try await world.sync()
        for id in [ids[0], ids[2], ids[3]] {
            try await maintainer.comment(on: try await issue(id), "/pf verify It is in tasks/ on the default branch, merged in the linked pull request.")
        }
        try await world.settle()
        narrate("   ✓ \(try await world.store.tasks(in: [.verificationResponseSubmitted]).count) verification answers sent")

        try step("The reviewer decides: a full reward, a partial reward, and a rejection")
        for (plan, id) in zip(plans, ids) {
            guard let decision = plan.decision, let reward = plan.reward else { continue }
            try await world.decideReward(taskID: id, decision: decision, pft: reward)
        }
        try await world.sync()
        let summary = try await summarise(plans: plans, ids: ids, actions: runs, started: started)
        for row in summary.tasks {
            narrate("   \(row.state == row.expected ? "✓" : "✗") \(row.title): \(row.outcome)")
        }
        try Task.checkCancellation()
        return summary
    }

    /// Narrates the next step; stops the scenario here when its task was cancelled (SIGINT or SIGTERM to `pfbot demo`).
    private func step(_ text: String) throws {
        try Task.checkCancellation()
        narrate("\n▶ \(text)")
    }

    private func record(_ id: String) async throws -> TaskRecord {
        guard let record = try await world.store.task(try TaskID(id)) else { throw DemoError.missingTask(id) }
        return record
    }

    private func issue(_ id: String) async throws -> Int {
        guard let number = try await record(id).issueNumber else { throw DemoError.missingTask(id) }
        return number
    }

    /// Pushes work (templates left as they are) and settles.
    private func push(_ id: String, _ person: SandboxContributor, extra: [String: String]) async throws {
        let stored = try await record(id)
        guard let branch = stored.branch else { throw DemoError.missingTask(id) }
        let folder = TemplateRenderer.folder(for: stored.task)
        try await person.push(to: branch, message: "Work in progress", extra: Dictionary(uniqueKeysWithValues: extra.map { (folder + "/" + $0.key, $0.value) })) { _, _ in nil }
        try await world.settle()
    }

    /// Completes the templates, adds the deliverables, approves and merges.
    private func finish(_ id: String, _ person: SandboxContributor, extra: [String: String]) async throws {
        let stored = try await record(id)
        guard let branch = stored.branch else { throw DemoError.missingTask(id) }
        let folder = TemplateRenderer.folder(for: stored.task)
        try await person.push(to: branch, message: "Complete the deliverable", extra: Dictionary(uniqueKeysWithValues: extra.map { (folder + "/" + $0.key, $0.value) }),
                              edit: SandboxContributor.completeTemplates)
        try await world.settle()
        narrate("   ✓ \(stored.task.title): QC \(try await record(id).task.state == .qcPassed ? "passed" : "did not pass") on the new head")
        try await approveAndMerge(id, person)
    }

    /// Approves and merges the task's pull request; the bot submits the work.
    private func approveAndMerge(_ id: String, _ person: SandboxContributor) async throws {
        let stored = try await record(id)
        guard let pull = stored.pullNumber else { throw DemoError.missingTask(id) }
        try await person.review(pull, approve: true)
        try await person.merge(pull)
        try await world.settle()
        narrate("   ✓ \(stored.task.title): merged PR #\(pull) → \(try await record(id).task.state.rawValue) on the Task Node (one submission)")
    }

    /// Pushes to the task branch and hands the push to the repository's Actions workflow (``ActionsRunner``) instead
    /// of the sandbox's server, then reads what the run reported on the head: the steps and QC check runs.
    private func pushToActions(_ id: String, _ person: SandboxContributor, message: String,
                               edit: @escaping @Sendable (String, String) -> String?) async throws -> DemoSummary.ActionsRun {
        let stored = try await record(id)
        guard let branch = stored.branch else { throw DemoError.missingTask(id) }
        let head = try await person.push(to: branch, message: message, edit: edit)
        guard let push = try await world.takeDeliveries().last(where: { $0.event == "push" }) else { throw DemoError.noWebhook("push", branch) }
        // The workflow `pfbot init` writes: the event job plans, the read-only steps job runs the branch's code, the
        // apply job commits the declared outputs and completes the checks.
        let workflow = try await actions.runWorkflow(event: push.event, body: Data(push.body))
        let jobs = [workflow.plan, workflow.steps, workflow.apply].compactMap { $0 }
        if let failed = jobs.first(where: { $0.status != 0 }) { throw DemoError.actionFailed(failed.status, String(failed.log.suffix(2000))) }
        let checks = await world.github.emulator.checkRuns(owner: SandboxWorld.owner, repo: SandboxWorld.repositoryName)
            .map(\.run).filter { $0["head_sha"]?.stringValue == head }
        let steps = checks.last { $0["name"]?.stringValue == StepsCheckPublisher.checkName }
        let quality = checks.last { $0["name"]?.stringValue == QualityControl.checkName }
        let tests = (quality?["output"]?["summary"]?.stringValue ?? "").split(separator: "\n").first { $0.hasPrefix("| tests |") }
        let outcome = DemoSummary.ActionsRun(head: head, steps: steps?["conclusion"]?.stringValue ?? "none",
                                             quality: quality?["conclusion"]?.stringValue ?? "none", tests: tests.map(String.init) ?? "")
        let mark = outcome.quality == "success" ? "✓" : "✗"
        narrate("   \(mark) \(message) → the pfbot workflow on \(head.prefix(12)) (jobs plan, read-only steps, apply: "
                + "\(jobs.map { "\(Int($0.milliseconds)) ms" }.joined(separator: ", "))): \(StepsCheckPublisher.checkName) \(outcome.steps), "
                + "\(QualityControl.checkName) \(outcome.quality)")
        if !outcome.tests.isEmpty { narrate("     \(outcome.tests)") }
        return outcome
    }

    private func summarise(plans: [Plan], ids: [String], actions: [DemoSummary.ActionsRun], started: Date) async throws -> DemoSummary {
        var rows: [DemoSummary.Row] = []
        for (plan, id) in zip(plans, ids) {
            let stored = try await record(id)
            let outcome = await world.taskNode.task(id)
            rows.append(DemoSummary.Row(
                id: id, title: plan.title, category: world.context.analyzer.analyze(stored.task).category.rawValue, offeredPFT: "\(plan.pft)",
                state: stored.task.outcome.rawValue, expected: plan.expected.rawValue, rewardPFT: outcome?.rewardPFT.map { "\($0)" },
                decision: plan.decision, issue: stored.issueNumber, pull: stored.pullNumber
            ))
        }
        let submissions = await world.taskNode.recorded.filter { exchange in
            let body = String(decoding: exchange.request.body, as: UTF8.self)
            return exchange.request.path == "/api/tasks/submission" && exchange.status == 200
                && body.contains("\"phase\":\"submit\"") && body.contains("\"initial_submission\"")
        }.count
        return DemoSummary(tasks: rows, submissions: submissions, actions: actions, seconds: Date().timeIntervalSince(started),
                           api: APICallReport(await world.botRequests(), tasks: plans.count),
                           actionsAPI: APICallReport(await world.workflowRequests(), tasks: 1))
    }
}

/// What the demo did, for the final table and `--json`.
public struct DemoSummary: Codable, Sendable {
    public struct Row: Codable, Sendable {
        public var id: String
        public var title: String
        public var category: String
        public var offeredPFT: String
        public var state: String
        public var expected: String
        public var rewardPFT: String?
        public var decision: String?
        public var issue: Int?
        public var pull: Int?

        /// The end as people read it: `rewarded (250 PFT, reward)`, `rejected by the reviewer (0 PFT)`, `refused`.
        public var outcome: String {
            switch (state, rewardPFT) {
            case (TaskState.rejected.rawValue, _): return "rejected by the reviewer (\(rewardPFT ?? "0") PFT)"
            case (_, let reward?): return "\(state) (\(reward) PFT, \((decision ?? "").replacingOccurrences(of: "_", with: " ")))"
            default: return state
            }
        }
    }

    /// One `pfbot action` run on a push to the code task's branch, as its check runs reported it.
    public struct ActionsRun: Codable, Sendable {
        /// The pushed commit.
        public var head: String
        /// The "pfbot / steps" check's conclusion (`none` when there was none).
        public var steps: String
        /// The QC check's conclusion (`none` when there was none).
        public var quality: String
        /// The `tests` rule's row of the QC report.
        public var tests: String
    }

    public var tasks: [Row]
    /// Initial submissions the Task Node accepted (one per merged task).
    public var submissions: Int
    /// The GitHub Actions runs of the code task, in order: the first fails its test, the second passes.
    public var actions: [ActionsRun]
    public var seconds: Double
    /// The GitHub REST calls the bot made for the whole scenario.
    public var api: APICallReport
    /// The GitHub REST calls of the code task's GitHub Actions runs (each starts from an empty store).
    public var actionsAPI: APICallReport

    /// Whether every task ended in the state the scenario expects, and the code task's test failed in Actions before
    /// the fix and passed after it.
    public var succeeded: Bool {
        tasks.allSatisfy { $0.state == $0.expected }
            && actions.map(\.quality) == ["failure", "success"] && actions.map(\.steps) == ["failure", "success"]
    }
}

enum DemoError: Error, CustomStringConvertible {
    case missingTask(String)
    case noWebhook(String, String)
    case actionFailed(Int32, String)
    case badURL(String)
    case rewardPaymentRefused(String)
    var description: String {
        switch self {
        case .missingTask(let id): return "the demo lost track of task \(id); this is a bug in pfbot demo"
        case .noWebhook(let event, let branch): return "the GitHub emulator sent no \(event) webhook for \(branch); this is a bug in the sandbox"
        case .actionFailed(let status, let log): return "pfbot action exited with \(status); this is a bug in pfbot. Its log ends:\n\(log)"
        case .badURL(let text): return "the sandbox's emulator answered on \(text.debugDescription), which is not a URL; this is a bug in the sandbox"
        case .rewardPaymentRefused(let why): return "the ledger emulator refused the sandbox's reward payment (\(why)); this is a bug in the sandbox"
        }
    }
}
