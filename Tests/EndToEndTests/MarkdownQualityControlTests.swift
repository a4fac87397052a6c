import Foundation
import JSON
import PFBotCore
import PFBotTestSupport
import Pipeline
import SandboxWorld
import Storage
import Testing

/// QC of a task branch's Markdown through `pfbot serve`'s assembly: the push webhook runs QC, whose links resolve
/// against the head's whole tree (a file elsewhere in the repository that the branch does not change counts), whose
/// anchors resolve against headings, and which ignores links in code; the check run annotates the lines at fault.
@Suite(.serialized) struct MarkdownQualityControlTests {
    @Test func brokenLinksAndAnchors_areAnnotatedOnTheirLines_andTheFixPasses() async throws {
        try await withSandboxWorld(prefix: "pfbot-qc-markdown", collaborators: ["octocat": "admin"]) { world, _ in
            let maintainer = SandboxContributor(login: "octocat", world: world)
            _ = try await maintainer.push(to: "main", message: "Add the handbook", extra: ["docs/handbook.md": "# Handbook\n\n## Style\n"]) { _, _ in nil }
            let id = await world.propose(title: "Write the linking guide", description: "- Explain links", pft: 40)
            let taskID = try TaskID(id)
            try await world.sync()
            let issue = try #require(try await world.store.task(taskID)?.issueNumber)
            try await maintainer.comment(on: issue, "/pf accept")
            try await world.settle()
            let record = try #require(try await world.store.task(taskID))
            let branch = try #require(record.branch)
            let path = TemplateRenderer.folder(for: record.task) + "/LINKS.md"

            let broken = """
            # Links

            The [style guide](../../docs/handbook.md) and [its style section][style].
            A [gone page](../../docs/gone.md) and [a missing section](#nowhere).

            ```markdown
            [fenced](nope.md)
            ```

            [style]: ../../docs/handbook.md#style
            """
            let failing = try await maintainer.push(to: branch, message: "Links", extra: [path: broken], edit: SandboxContributor.completeTemplates)
            try await world.settle()
            let check = try #require(await qcCheck(world, on: failing))
            #expect(check.run["conclusion"]?.stringValue == "failure")
            let annotations = check.annotations.filter { $0["path"]?.stringValue == path }
            #expect(annotations.compactMap { $0["start_line"]?.intValue } == [4, 4], "\(check.annotations)")
            let messages = annotations.compactMap { $0["message"]?.stringValue }
            #expect(messages.contains("Relative link ../../docs/gone.md points at no file on this branch."), "\(messages)")
            #expect(messages.contains { $0.hasPrefix("Anchor #nowhere names no heading in this file;") }, "\(messages)")

            let fixed = broken.replacingOccurrences(of: "A [gone page](../../docs/gone.md) and [a missing section](#nowhere).", with: "Back to [the top](#links).")
            let passing = try await maintainer.push(to: branch, message: "Fix the links", extra: [path: fixed]) { _, _ in nil }
            try await world.settle()
            let recheck = try #require(await qcCheck(world, on: passing))
            #expect(recheck.run["conclusion"]?.stringValue == "success", "\(recheck.run["output"]?["summary"]?.stringValue ?? "")")
        }
    }

    func qcCheck(_ world: SandboxWorld, on sha: String) async -> (run: JSONValue, annotations: [JSONValue], batches: [Int])? {
        await world.github.emulator.checkRuns(owner: SandboxWorld.owner, repo: SandboxWorld.repositoryName).last {
            $0.run["name"]?.stringValue == "pfbot / QC" && $0.run["head_sha"]?.stringValue == sha && $0.run["status"]?.stringValue == "completed"
        }
    }
}
