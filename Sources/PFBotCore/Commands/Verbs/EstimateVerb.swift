import Foundation

/// `/pf estimate <hours>`: replaces the computed estimate.
public struct EstimateVerb: CommandVerb {
    public static let name = "estimate"
    public static let usage = "/pf estimate <hours>"
    public static let summary = "replace the computed estimate (changes ROI and queue order)"
    public static let allowedStates: Set<TaskState>? = nil

    public var estimate: HourEstimate

    public init(estimate: HourEstimate) {
        self.estimate = estimate
    }

    public static func parse(_ text: String) -> Result<EstimateVerb, CommandRejection> {
        let hoursText = text.lowercased().replacingOccurrences(of: "hours", with: "").replacingOccurrences(of: "h", with: "")
            .trimmingCharacters(in: .whitespaces)
        guard let hours = Double(hoursText), let estimate = try? HourEstimate(hours: hours, reasons: ["set with /pf estimate"]) else {
            return reject("give hours as a positive number up to \(Int(HourEstimate.maximumHours)): `/pf estimate 2.5`.")
        }
        return .success(EstimateVerb(estimate: estimate))
    }
}

extension TaskCommand {
    /// `/pf estimate <hours>`.
    public static func estimate(_ estimate: HourEstimate) -> TaskCommand { TaskCommand(EstimateVerb(estimate: estimate)) }
}
