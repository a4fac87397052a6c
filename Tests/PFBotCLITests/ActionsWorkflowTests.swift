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
        guard case .mapping(let permissions)? = mapping(root, "permissions") else {
            Issue.record("the workflow has no permissions: block")
            return
        }
        let granted = Dictionary(uniqueKeysWithValues: permissions.map { ($0.key.string ?? "", $0.value.string ?? "") })
        #expect(granted == ["contents": "write", "issues": "write", "pull-requests": "write", "checks": "write", "statuses": "write"])
        let triggers = mapping(root, "on")
        #expect(mapping(mapping(triggers, "issue_comment"), "types")?.sequence?.compactMap(\.string) == ["created"])
        #expect(mapping(mapping(triggers, "pull_request"), "types")?.sequence?.compactMap(\.string)
            == ["opened", "synchronize", "reopened", "closed", "ready_for_review"])
        #expect(mapping(mapping(triggers, "pull_request_review"), "types")?.sequence?.compactMap(\.string) == ["submitted", "dismissed"])
        #expect(mapping(mapping(triggers, "push"), "branches")?.sequence?.compactMap(\.string) == ["pf/**"])
        #expect(mapping(triggers, "schedule")?.sequence?.first.flatMap { mapping($0, "cron")?.string } == "*/15 * * * *")
        #expect(mapping(triggers, "workflow_dispatch") != nil)
        #expect(mapping(triggers, "pull_request_target") == nil)
        let concurrency = mapping(root, "concurrency")
        #expect(mapping(concurrency, "group")?.string
            == "pfbot-${{ github.event.issue.number || github.event.pull_request.number || github.ref }}")
        #expect(mapping(concurrency, "cancel-in-progress")?.string == "false")
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
        #expect(scripts.contains { $0.contains("swift build -c release") })
        #expect(scripts.contains { $0.contains("apt-get install") && $0.contains("libgit2-dev") && $0.contains("libsecp256k1-dev") })
        #expect(scripts.last?.hasSuffix("pfbot\" action") == true)
    }
}
