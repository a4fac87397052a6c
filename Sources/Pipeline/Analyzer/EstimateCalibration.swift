import Foundation
import PFBotCore
import Storage

/// What the effort estimator learns from the contributor's finished tasks: per category, the hours each took from
/// acceptance to submission against the uncalibrated estimate of its complexity. Read from the store at most once a
/// minute per process (finished tasks change slowly; the digest of every analysis includes the calibration, so a
/// change re-analyses the open tasks and their issues show the new estimate).
public actor EstimateCalibration {
    /// The most finished tasks read.
    static let window = 200
    /// How long a reading is used before the store is asked again.
    static let freshness: TimeInterval = 60

    private var cached: (at: Date, calibration: [Category: [CompletedWork]])?

    /// Creates an empty calibration; the first use reads the store.
    public init() {}

    /// The calibration as of `now`.
    func calibration(store: any Store, now: Date) async throws -> [Category: [CompletedWork]] {
        if let cached, now.timeIntervalSince(cached.at) < Self.freshness, now >= cached.at { return cached.calibration }
        let calibration = Self.calibration(from: try await store.finishedWork(limit: Self.window))
        cached = (now, calibration)
        return calibration
    }

    /// Forgets the reading: a task was just submitted, so the next analysis reads the store.
    func invalidate() {
        cached = nil
    }

    /// Finished tasks as calibration data: the estimate is the hours of the analysed complexity before calibration
    /// (never a calibrated figure, which would feed on itself); the actual hours run from acceptance to submission.
    static func calibration(from work: [FinishedWork]) -> [Category: [CompletedWork]] {
        var calibration: [Category: [CompletedWork]] = [:]
        for item in work {
            guard let category = Category(rawValue: item.category), (1...EffortEstimator.hoursByComplexity.count).contains(item.complexity) else { continue }
            let estimated = EffortEstimator.hoursByComplexity[item.complexity - 1]
            let actual = max(item.submittedAt.timeIntervalSince(item.acceptedAt), 60) / 3600
            calibration[category, default: []].append(CompletedWork(estimatedHours: estimated, actualHours: actual))
        }
        return calibration
    }
}
