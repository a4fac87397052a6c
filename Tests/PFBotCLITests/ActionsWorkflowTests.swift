import Foundation
import PFBotTestSupport
import Testing
import Yams
@testable import pfbot

@Suite struct ActionsWorkflowTests {
    private func checkedIn(_ path: String) throws -> String {
        try String(contentsOf: try Fixtures.packageRoot().appendingPathComponent(path), encoding: .utf8)
    }

    private func mapping(_ node: Node?, _ key: String) -> Node? {
        guard case .mapping(let mapping)? = node else { return nil }
        return mapping.first { $0.key.string == key }?.value
    }

    /// Every `run:` script of a workflow's jobs or of a composite action's steps.
    private func runScripts(_ root: Node) -> [String] {
        var steps: [Node] = []
        if case .mapping(let jobs)? = mapping(root, "jobs") {
            for (_, job) in jobs {
                if case .sequence(let sequence)? = mapping(job, "steps") { steps += Array(sequence) }
            }
        }
        if case .sequence(let sequence)? = mapping(mapping(root, "runs"), "steps") { steps += Array(sequence) }
        return steps.compactMap { mapping($0, "run")?.string }
    }

    @Test func checkedInWorkflow_isExactlyWhatInitWrites() throws {
        #expect(try checkedIn(".github/workflows/pfbot.yml") == ActionsWorkflow.text)
    }

    @Test func workflow_hasLeastPrivilegePermissions_andTheRequiredTriggers() throws {
        let root = try #require(try Yams.compose(yaml: ActionsWorkflow.text))
        guard case .mapping(let top)? = mapping(root, "permissions"), top.isEmpty else {
            Issue.record("the workflow must grant nothing at the top (permissions: {}); the job asks for what it needs")
            return
        }
        let job = mapping(mapping(root, "jobs"), "pfbot")
        guard case .mapping(let permissions)? = mapping(job, "permissions") else {
            Issue.record("the job has no permissions: block")
            return
        }
        let granted = Dictionary(uniqueKeysWithValues: permissions.map { ($0.key.string ?? "", $0.value.string ?? "") })
        #expect(granted == ["contents": "write", "issues": "write", "pull-requests": "write", "checks": "write", "statuses": "write"])
        #expect(grants(root, job: "apply") == granted)
        #expect(grants(root, job: "steps") == ["contents": "read"], "the job running the branch's code gets a read-only token")
        let triggers = mapping(root, "on")
        #expect(mapping(mapping(triggers, "issue_comment"), "types")?.sequence?.compactMap(\.string) == ["created"])
        #expect(mapping(mapping(triggers, "pull_request"), "types")?.sequence?.compactMap(\.string)
            == ["opened", "synchronize", "reopened", "closed", "ready_for_review"])
        #expect(mapping(mapping(triggers, "pull_request_review"), "types")?.sequence?.compactMap(\.string) == ["submitted", "dismissed"])
        #expect(mapping(mapping(triggers, "push"), "branches")?.sequence?.compactMap(\.string) == ["**"])
        #expect(mapping(triggers, "schedule")?.sequence?.first.flatMap { mapping($0, "cron")?.string } == "*/15 * * * *")
        #expect(mapping(triggers, "workflow_dispatch") != nil)
        #expect(mapping(triggers, "pull_request_target") == nil)
        #expect(mapping(root, "container") == nil && mapping(job, "container") == nil, "no container: the job starts on the runner at once")
    }

    @Test func workflow_runsCommentsOnlyWhenTheyStartWithPf_andPushesOnlyToTaskBranchesOrOfTheConfig() throws {
        let root = try #require(try Yams.compose(yaml: ActionsWorkflow.text))
        let condition = mapping(mapping(mapping(root, "jobs"), "pfbot"), "if")?.string
        #expect(condition == "(github.event_name != 'issue_comment' || startsWith(github.event.comment.body, '/pf'))"
            + " && (github.event_name != 'push' || startsWith(github.ref, 'refs/heads/pf/') || contains(toJSON(github.event.commits), '.github/pfbot'))")
    }

    @Test func workflow_queuesEveryRun_scheduledOrEvent_inOneRepositoryGroup_thatNeverCancels() throws {
        let root = try #require(try Yams.compose(yaml: ActionsWorkflow.text))
        #expect(mapping(root, "concurrency") == nil, "a workflow-level group would also hold the runs the job's if: skips")
        let concurrency = mapping(mapping(mapping(root, "jobs"), "pfbot"), "concurrency")
        // One group for the scheduled sync and every event: each run reconciles every task first.
        #expect(mapping(concurrency, "group")?.string == "pfbot-${{ github.repository }}")
        #expect(mapping(concurrency, "cancel-in-progress")?.string == "false")
        #expect(mapping(concurrency, "queue")?.string == "max", "the default queue of one pending run would drop /pf commands")
    }

    @Test func workflow_pinsEveryThirdPartyActionToACommit_withItsTagInAComment() throws {
        let uses = ActionsWorkflow.text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
            .map { $0.hasPrefix("- ") ? String($0.dropFirst(2)) : $0 }
            .filter { $0.hasPrefix("uses: ") }.map { String($0.dropFirst("uses: ".count)) }
        #expect(uses.count == 7)
        for line in uses where !line.hasPrefix(ActionsWorkflow.actionReference) {
            let match = line.wholeMatch(of: try Regex(#"[A-Za-z0-9_.-]+/[A-Za-z0-9_./-]+@[0-9a-f]{40} # v[0-9][0-9.]*"#))
            #expect(match != nil, "not pinned to a commit with its tag in a comment: \(line)")
        }
        #expect(uses.contains(ActionsWorkflow.checkoutReference))
        #expect(uses.contains(ActionsWorkflow.uploadArtifactReference) && uses.contains(ActionsWorkflow.downloadArtifactReference))
    }

    /// The split that keeps the branch's code away from the write token and the wallet: the first job plans, the
    /// read-only `steps` job runs the plan with no secret, and `apply` finishes it with the write token.
    @Test func workflow_runsTheBranchCode_onlyInAReadOnlyJob_withoutSecrets() throws {
        let root = try #require(try Yams.compose(yaml: ActionsWorkflow.text))
        let jobs = mapping(root, "jobs")
        let modes = ["pfbot", "steps", "apply"].map { name -> [String] in
            guard case .sequence(let steps)? = mapping(mapping(jobs, name), "steps") else { return [] }
            return steps.compactMap { mapping(mapping($0, "with"), "mode")?.string }
        }
        #expect(modes == [["plan"], ["run-steps"], ["apply-steps"]])
        let stepsJob = try #require(ActionsWorkflow.text.components(separatedBy: "\n  steps:\n").last?.components(separatedBy: "\n  apply:\n").first)
        #expect(!stepsJob.contains("secrets."), "the steps job must get no secret")
        #expect(!stepsJob.contains("github-token:"), "the steps job uses its own read-only token")
        #expect(mapping(mapping(jobs, "steps"), "needs")?.string == "pfbot")
        #expect(mapping(mapping(jobs, "apply"), "if")?.string == "always() && needs.pfbot.outputs.plan != ''",
                "apply runs when the steps job failed too, so no check stays in progress")
    }

    @Test(arguments: [".github/workflows/pfbot.yml", "action.yml"])
    func noRunLine_interpolatesAnExpression(path: String) throws {
        let text = try checkedIn(path)
        let root = try #require(try Yams.compose(yaml: text))
        let scripts = runScripts(root)
        #expect(!scripts.isEmpty || path.hasSuffix("pfbot.yml"))
        for script in scripts {
            #expect(!script.contains("${{"), "\(path): a run: script interpolates an expression: \(script)")
        }
        for line in text.split(separator: "\n") where line.trimmingCharacters(in: .whitespaces).hasPrefix("run:") {
            #expect(!line.contains("${{ github.event"), "\(path): \(line)")
        }
    }

    @Test func workflow_passesSecretsToTheAction_andNeverChecksOutThePullRequestHead() throws {
        let text = ActionsWorkflow.text
        #expect(text.contains("uses: \(ActionsWorkflow.actionReference)"))
        #expect(text.contains("wallet-seed: ${{ secrets.PFBOT_WALLET_SEED }}"))
        #expect(text.contains("github-token: ${{ secrets.GITHUB_TOKEN }}"))
        #expect(text.contains("ref: ${{ github.event.repository.default_branch }}"))
        #expect(!text.contains("pull_request.head"))
        #expect(!text.contains("pull_request_target"))
    }

    @Test func action_runsPfbotAction_withItsInputsOnlyInEnv() throws {
        let root = try #require(try Yams.compose(yaml: try checkedIn("action.yml")))
        #expect(mapping(mapping(root, "runs"), "using")?.string == "composite")
        let inputs = mapping(root, "inputs")
        for name in ["wallet-seed", "config", "github-token"] {
            #expect(mapping(inputs, name) != nil, "input \(name) is missing")
        }
        #expect(mapping(mapping(inputs, "github-token"), "default")?.string == "${{ github.token }}")
        let scripts = runScripts(root)
        let last = try #require(scripts.last)
        for line in [#"event) "$PFBOT_BIN" action ;;"#, #"plan) "$PFBOT_BIN" action --plan-steps ;;"#,
                     #"run-steps) "$PFBOT_BIN" action --run-steps --results "$PFBOT_STEPS_RESULTS" ;;"#,
                     #"apply-steps) "$PFBOT_BIN" action --apply-steps --results "$PFBOT_STEPS_RESULTS" ;;"#] {
            #expect(last.contains(line), "\(last)")
        }
    }

    @Test func action_installsTheCheckedReleaseBinaryFirst_andBuildsOnlyWithoutARelease() throws {
        let root = try #require(try Yams.compose(yaml: try checkedIn("action.yml")))
        guard case .sequence(let steps)? = mapping(mapping(root, "runs"), "steps") else {
            Issue.record("action.yml has no steps")
            return
        }
        let first = try #require(steps.first)
        #expect(mapping(first, "id")?.string == "release")
        #expect(mapping(first, "run")?.string?.contains(#""$GITHUB_ACTION_PATH/scripts/action-install" --repo "$ACTION_REPOSITORY" --ref "$ACTION_REF""#) == true)
        #expect(mapping(mapping(first, "env"), "ACTION_REF")?.string == "${{ github.action_ref }}")
        // Every step of the source build runs only when no release binary was installed.
        for step in steps {
            let text = (mapping(step, "run")?.string ?? "") + (mapping(step, "uses")?.string ?? "")
            if text.contains("swift build") || text.contains("actions/cache@") || text.contains("pkg-config") {
                #expect(mapping(step, "if")?.string == "steps.release.outputs.installed != 'true'", "\(text)")
            }
            if let uses = mapping(step, "uses")?.string {
                #expect(uses.wholeMatch(of: /[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+@[0-9a-f]{40}/) != nil, "not pinned to a commit: \(uses)")
            }
        }
        let scripts = runScripts(root)
        #expect(scripts.contains { $0.contains("swift build -c release") })
        #expect(scripts.contains { $0.contains("apt-get install") && $0.contains("libgit2-dev") && $0.contains("libsecp256k1-dev") })
        let last = try #require(steps.last)
        #expect(mapping(mapping(last, "env"), "PFBOT_BIN")?.string == "${{ steps.release.outputs.path || steps.build.outputs.path }}")
    }

    @Test func actionInstallScript_namesTheAssetsReleaseYmlUploads() throws {
        let install = try checkedIn("scripts/action-install")
        let release = try checkedIn(".github/workflows/release.yml")
        #expect(install.contains(#"asset="pfbot-$tag-$target.tar.gz""#))
        #expect(install.contains("/SHA256SUMS"))
        #expect(release.contains("pfbot-${TAG}-${PLATFORM}.tar.gz"))
        #expect(release.contains("SHA256SUMS"))
        for platform in ["debian12-x86_64", "debian12-aarch64", "ubuntu24.04-x86_64", "ubuntu24.04-aarch64"] {
            #expect(release.contains("platform: \(platform)"), "release.yml builds no \(platform)")
        }
    }

    /// The permissions a job grants, by scope.
    func grants(_ root: Node, job: String) -> [String: String] {
        guard case .mapping(let permissions)? = mapping(mapping(mapping(root, "jobs"), job), "permissions") else { return [:] }
        return Dictionary(uniqueKeysWithValues: permissions.map { ($0.key.string ?? "", $0.value.string ?? "") })
    }
}
