import Foundation
import PFBotCore
import Storage

/// The reply to `/pf status`: state, reward, estimate, queue position, work, QC, review and submission.
struct StatusReport {
    let context: PipelineContext

    func describe(_ record: TaskRecord) async throws -> String {
        let task = record.task
        let analysis = try await context.analyses.analysis(of: record)
        var lines = [
            "**Status of `\(task.id.rawValue)`**",
            "- State: **\(task.state.rawValue)** (Task Node: \(task.state.nodeStatus.rawValue))",
            "- Reward: \(task.reward.decimalText) PFT · estimate \(analysis.estimate.hours) h · ROI \(String(format: "%.1f", analysis.returnOnInvestment)) PFT/h",
        ]
        if let position = try await queuePosition(of: task.id) { lines.append("- Queue position: \(position)") }
        if let branch = record.branch { lines.append("- Branch: `\(branch)`" + (record.pullNumber.map { ", pull request #\($0)" } ?? "")) }
        if let qc = try await context.store.latestQualityVerdict(task: task.id) {
            lines.append("- Last QC: \(qc.summary)")
        }
        if let review = try await ReviewLedger(store: context.store, now: context.now).verdict(task.id) {
            switch review {
            case .approved(let sha, let by): lines.append("- Review: approved by @\(by) at `\(sha.prefix(12))`")
            case .changesRequested(let sha, let by): lines.append("- Review: changes requested by @\(by) at `\(sha.prefix(12))`")
            }
        }
        if let prompt = task.verificationPrompt, task.state == .verificationRequested {
            lines.append("- Waiting for your verification answer: `/pf verify <answer>`")
            lines.append(IssueBody.quoted(prompt).joined(separator: "\n"))
        }
        return lines.joined(separator: "\n")
    }

    private func queuePosition(of id: TaskID) async throws -> Int? {
        try await context.queue.entries(now: context.now()).first { $0.entry.taskID == id }?.entry.position
    }
}
