import Crypto
import Foundation
import PFBotCore
import Storage

/// The Analyzer's results, stored: a task is analysed once per version of what the analysis depends on (its
/// text, kind, reward, manual estimate and the estimator's calibration) and read back from the store afterwards.
public struct TaskAnalyses: Sendable {
    let analyzer: TaskAnalyzer
    let store: any Store
    let now: @Sendable () -> Date
    let calibration: EstimateCalibration

    /// Creates the stored analyses over a store.
    /// - Parameters:
    ///   - analyzer: computes an analysis when none is stored for the current inputs.
    ///   - store: where analyses are kept (`task_analyses`).
    ///   - now: the clock that stamps a new analysis.
    ///   - calibration: the contributor's finished tasks, which calibrate the estimator (read from `store`).
    public init(analyzer: TaskAnalyzer, store: any Store, now: @escaping @Sendable () -> Date, calibration: EstimateCalibration = EstimateCalibration()) {
        self.analyzer = analyzer
        self.store = store
        self.now = now
        self.calibration = calibration
    }

    /// The analysis of a stored task (with its manual estimate), computed and stored when its inputs changed.
    public func analysis(of record: TaskRecord) async throws -> TaskAnalysis {
        var analyzer = analyzer
        analyzer.estimator.calibration = try await calibration.calibration(store: store, now: now())
        let digest = analyzer.inputDigest(record.task, manualEstimate: record.manualEstimate)
        if let stored = try await store.analysis(task: record.task.id), stored.inputDigest == digest,
           let analysis = try? Self.decoder.decode(TaskAnalysis.self, from: Data(stored.detail.utf8)) {
            return analysis
        }
        let analysis = analyzer.analyze(record.task, manualEstimate: record.manualEstimate)
        try await store.saveAnalysis(TaskAnalysisRecord(
            task: record.task.id, inputDigest: digest, category: analysis.category.rawValue, complexity: analysis.complexity,
            estimatedHours: analysis.estimate.hours, returnOnInvestment: analysis.returnOnInvestment.isFinite ? analysis.returnOnInvestment : 0,
            detail: String(decoding: try Self.encoder.encode(analysis), as: UTF8.self), updatedAt: now()
        ))
        return analysis
    }

    private static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        return encoder
    }()

    private static let decoder: JSONDecoder = {
        let decoder = JSONDecoder()
        decoder.nonConformingFloatDecodingStrategy = .convertFromString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        return decoder
    }()
}

extension TaskAnalyzer {
    /// Bumped when the analysis rules change, so stored analyses are computed again.
    static let rulesVersion = 1

    /// A digest of everything ``analyze(_:manualEstimate:)`` reads: equal digests give equal analyses.
    public func inputDigest(_ task: PostFiatTask, manualEstimate: HourEstimate?) -> String {
        var parts: [String] = ["v\(Self.rulesVersion)", task.title, task.kind.name, task.description, task.steps.joined(separator: "\u{1}"),
                               task.verificationAsk ?? "", task.submissionRequirement?.rawType ?? "", task.submissionRequirement?.criteria ?? "",
                               String(task.reward.drops)]
        if let manualEstimate { parts.append("manual \(manualEstimate.hours)") }
        for category in Category.allCases {
            for work in estimator.calibration[category] ?? [] {
                parts.append("\(category.rawValue) \(work.estimatedHours) \(work.actualHours)")
            }
        }
        let digest = SHA256.hash(data: Data(parts.joined(separator: "\u{0}").utf8))
        return digest.map { String(format: "%02x", $0) }.joined()
    }
}
