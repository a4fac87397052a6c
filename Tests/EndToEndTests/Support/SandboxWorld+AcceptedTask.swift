import Foundation
import PFBotCore
import SandboxWorld
import Testing

extension SandboxWorld {
    /// Proposes the docs task "Write the onboarding guide", syncs, and has `maintainer` accept it, all handled by the
    /// sandbox's in-process bot: the task branch and its draft pull request exist, QC failed on the scaffold.
    /// - Returns: the task id and its branch.
    func acceptedDocsTask(by maintainer: String) async throws -> (id: String, branch: String) {
        let id = await propose(title: "Write the onboarding guide", description: "- Explain installation", pft: 120)
        try await sync()
        let issue = try #require(try await store.task(try TaskID(id))?.issueNumber)
        try await SandboxContributor(login: maintainer, world: self).comment(on: issue, "/pf accept")
        try await settle()
        return (id, try #require(try await store.task(try TaskID(id))?.branch))
    }
}
