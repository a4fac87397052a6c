import Foundation
import PFBotCore

extension EstimateVerb: CommandAction {
    func perform(_ invocation: CommandInvocation) async throws -> String {
        let record = try invocation.task
        var updated = record
        updated.manualEstimate = estimate
        try await invocation.context.store.saveTask(updated, source: "github:\(invocation.login)")
        try await IssueMirror(context: invocation.context).sync(updated)
        let roi = estimate.returnOnInvestment(for: record.task.reward)
        return "Estimate set to \(estimate.hours) h; ROI is now \(String(format: "%.1f", roi)) PFT/h."
    }
}
