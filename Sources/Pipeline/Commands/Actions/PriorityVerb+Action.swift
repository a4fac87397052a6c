import PFBotCore

extension PriorityVerb: CommandAction {
    func perform(_ invocation: CommandInvocation) async throws -> String {
        var updated = try invocation.task
        updated.manualPriority = priority
        try await invocation.context.store.saveTask(updated, source: "github:\(invocation.login)")
        return "Priority set to \(priority.value)."
    }
}
