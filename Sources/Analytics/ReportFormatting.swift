import Foundation
import PFBotCore

/// Number formats shared by the Markdown and HTML reports.
enum ReportFormatting {
    static func pft(_ drops: Int64) -> String { PFTAmount(drops: drops).description }

    static func percent(_ rate: AnalyticsReport.Rate) -> String {
        rate.value.map { String(format: "%.0f %%", $0 * 100) } ?? "–"
    }

    static func rate(_ rate: AnalyticsReport.Rate) -> String {
        "\(percent(rate)) (\(rate.count) of \(rate.outOf))"
    }

    static func hours(_ hours: Double?) -> String {
        guard let hours else { return "–" }
        switch hours * 3600 {
        case ..<60: return String(format: "%.0f s", hours * 3600)
        case ..<3600: return String(format: "%.0f min", hours * 60)
        case ..<36_000: return String(format: "%.1f h", hours)
        default: return String(format: "%.0f h", hours)
        }
    }

    static func perHour(_ value: Double?) -> String {
        value.map { String(format: "%.1f PFT/h", $0) } ?? "–"
    }

    static func timestamp(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: date)
    }
}
