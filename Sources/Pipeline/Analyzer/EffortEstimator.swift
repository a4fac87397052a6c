import PFBotCore

/// Estimates complexity (1–10) and hours of work, rule-based, then calibrated per category by how long the
/// contributor's own finished tasks really took.
public struct EffortEstimator: Sendable {
    /// Hours for each complexity score before calibration.
    static let hoursByComplexity: [Double] = [0.5, 1, 1.5, 2, 3, 4, 6, 8, 12, 16]

    /// Base complexity of each category.
    static let baseComplexity: [Category: Int] = [.code: 4, .docs: 3, .research: 4, .design: 3, .data: 3, .outreach: 2, .other: 3]

    /// The contributor's finished tasks: estimated and actual hours per category.
    public var calibration: [Category: [CompletedWork]]

    /// Creates an estimator, calibrated by the contributor's finished work when there is some.
    /// - Parameter calibration: finished tasks per category, which correct the base estimates; none by default.
    public init(calibration: [Category: [CompletedWork]] = [:]) {
        self.calibration = calibration
    }

    /// Complexity with its reasons, and the hour estimate with its reasons.
    public func estimate(_ task: PostFiatTask, category: Category, requirements: [Requirement]) -> (complexity: Int, estimate: HourEstimate) {
        var reasons: [String] = []
        var complexity = Self.baseComplexity[category] ?? 3
        reasons.append("\(category) work starts at complexity \(complexity)")
        let requirementPoints = min(requirements.count / 3, 3)
        if requirementPoints > 0 {
            complexity += requirementPoints
            reasons.append("+\(requirementPoints) for \(requirements.count) requirements")
        }
        let deliverables = requirements.compactMap(\.deliverable).count
        if deliverables >= 3 {
            complexity += 1
            reasons.append("+1 for \(deliverables) distinct deliverables")
        }
        let words = task.description.split(whereSeparator: \.isWhitespace).count
        if words > 400 {
            complexity += 1
            reasons.append("+1 for a long description (\(words) words)")
        } else if words < 40, requirements.count <= 2 {
            complexity -= 1
            reasons.append("−1 for a short, focused task")
        }
        complexity = min(max(complexity, 1), 10)
        var hours = Self.hoursByComplexity[complexity - 1]
        var hourReasons = ["complexity \(complexity)/10 (\(reasons.joined(separator: "; "))) → \(Self.format(hours)) h"]
        if let factor = calibrationFactor(for: category) {
            hours *= factor.ratio
            hourReasons.append("×\(Self.format(factor.ratio)) from your \(factor.count) finished \(category) task(s) → \(Self.format(hours)) h")
        }
        return (complexity, HourEstimate(clamping: hours, reasons: hourReasons))
    }

    /// The median of actual ÷ estimated hours over finished tasks of the category, once there are at least two.
    func calibrationFactor(for category: Category) -> (ratio: Double, count: Int)? {
        let ratios = (calibration[category] ?? []).filter { $0.estimatedHours > 0 && $0.actualHours > 0 }
            .map { $0.actualHours / $0.estimatedHours }.sorted()
        guard ratios.count >= 2 else { return nil }
        let middle = ratios.count / 2
        let median = ratios.count % 2 == 1 ? ratios[middle] : (ratios[middle - 1] + ratios[middle]) / 2
        return (min(max(median, 0.25), 4), ratios.count)
    }

    static func format(_ value: Double) -> String {
        let rounded = (value * 100).rounded() / 100
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
    }
}

/// How long a finished task took against its estimate.
public struct CompletedWork: Sendable, Equatable, Codable {
    /// The hours the task was estimated to take.
    public var estimatedHours: Double
    /// The hours it took, from acceptance to submission.
    public var actualHours: Double

    /// Creates the record of one finished task.
    public init(estimatedHours: Double, actualHours: Double) {
        self.estimatedHours = estimatedHours
        self.actualHours = actualHours
    }
}
