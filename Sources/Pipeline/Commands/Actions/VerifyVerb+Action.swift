import PFBotCore
import PostFiat

extension VerifyVerb: CommandAction {
    func perform(_ invocation: CommandInvocation) async throws -> String {
        let context = invocation.context
        let id = try invocation.task.task.id
        let evidence = try Evidence.classify(answer)
        let receipt = try await finalOrRetry { try await context.taskSink.respondToVerification(id, evidence: [evidence]) }
        _ = try await context.store.transition(id, to: .verificationResponseSubmitted, source: "github:\(invocation.login)", note: nil, at: context.now())
        try await context.audit("github:\(invocation.login)", "verification.answered", id.rawValue, nil, cause: invocation.cause,
                                event: receipt.eventID)
        let record = try await context.record(id)
        try await IssueMirror(context: context).sync(record, listed: invocation.seenIssue(of: record))
        return "Sent your verification answer to the Task Node."
    }
}
