import PFBotCore

/// The Analyzer: requirement checklist, category, effort and ROI for a task, every number with its reasons.
public struct TaskAnalyzer: Sendable {
    /// Turns the task's text into its numbered requirement checklist.
    public var extractor: RequirementExtractor
    /// Chooses the task's category from keyword signals.
    public var classifier: CategoryClassifier
    /// Estimates the hours of work, calibrated by finished tasks.
    public var estimator: EffortEstimator

    /// Creates an analyzer from its three parts (the built-in ones by default).
    public init(extractor: RequirementExtractor = RequirementExtractor(), classifier: CategoryClassifier = CategoryClassifier(),
                estimator: EffortEstimator = EffortEstimator()) {
        self.extractor = extractor
        self.classifier = classifier
        self.estimator = estimator
    }

    /// Analyses a task. A manual estimate (`/pf estimate`) replaces the computed hours.
    public func analyze(_ task: PostFiatTask, manualEstimate: HourEstimate? = nil) -> TaskAnalysis {
        let requirements = extractor.requirements(for: task)
        let (category, signals) = classifier.classify(task)
        let (complexity, computed) = estimator.estimate(task, category: category, requirements: requirements)
        let estimate = manualEstimate ?? computed
        return TaskAnalysis(
            requirements: requirements, category: category, categorySignals: signals, complexity: complexity,
            estimate: estimate, returnOnInvestment: estimate.returnOnInvestment(for: task.reward)
        )
    }
}
