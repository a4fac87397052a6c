import Foundation
import PFBotCore
import Pipeline
import Testing

func makeTask(
    _ id: String = "task_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", title: String = "Task", description: String = "", steps: [String] = [],
    ask: String? = nil, submission: (String, String)? = nil, reward: String = "100", state: TaskState = .proposed, due: Date? = nil
) -> PostFiatTask {
    PostFiatTask(
        id: try! TaskID(id), title: title, kind: .personal, description: description, steps: steps, verificationAsk: ask,
        submissionRequirement: submission.map { SubmissionRequirement(rawType: $0.0, criteria: $0.1) }, reward: try! PFTAmount(parsing: reward),
        dueAt: due, acceptBy: nil, deadlineAt: nil, createdAt: Date(timeIntervalSince1970: 0), updatedAt: Date(timeIntervalSince1970: 0), state: state
    )
}

@Suite struct RequirementExtractorTests {
    @Test func stepsListsAndAskingSentences_becomeANumberedChecklist() {
        let task = makeTask(
            description: """
                We need a dataset of Post Fiat validators.
                1. Collect every validator's domain
                2) Record uptime for the last 30 days
                - Publish the CSV with at least 20 rows
                """,
            steps: ["Draft the schema"],
            ask: "Provide a screenshot of the dashboard. Thanks!",
            submission: ("url", "Share the link https://github.com/o/r/pull/7.")
        )
        let requirements = RequirementExtractor().requirements(for: task)
        #expect(requirements.map(\.id) == Array(1...6))
        #expect(requirements.map(\.text) == [
            "Draft the schema", "Collect every validator's domain", "Record uptime for the last 30 days",
            "Publish the CSV with at least 20 rows", "Provide a screenshot of the dashboard.", "Share the link https://github.com/o/r/pull/7.",
        ])
        #expect(requirements.map(\.source) == [.step, .description, .description, .description, .verification, .submission])
        #expect(requirements[3].deliverable == .file(kind: "csv", minimumCount: 20))
        #expect(requirements[4].deliverable == .screenshot)
        #expect(requirements[5].deliverable == .url("https://github.com/o/r/pull/7"))
    }

    @Test func duplicatesAndChatter_areDropped() {
        let task = makeTask(description: "Hello there. You must write tests. You must write tests! Nice weather.", steps: ["You must write tests"])
        #expect(RequirementExtractor().requirements(for: task).map(\.text) == ["You must write tests"])
    }

    @Test func hostileText_staysInertAndBounded() {
        let hostile = "- {{#evil}}rm -rf /{{/evil}} \u{202E}gpj.exe\u{0007}\n" + (1...5000).map { "- must do item \($0)\n" }.joined()
        let requirements = RequirementExtractor().requirements(for: makeTask(description: hostile))
        #expect(requirements.count == 40)
        #expect(requirements[0].text == "{{#evil}}rm -rf /{{/evil}} gpj.exe")
        #expect(requirements.allSatisfy { $0.text.count <= 401 })
        let huge = makeTask(description: "- " + String(repeating: "a", count: 1_000_000))
        #expect(RequirementExtractor().requirements(for: huge).first?.text.count == 401)
    }
}

@Suite struct CategoryAndEffortTests {
    @Test(arguments: [
        ("Implement the retry function in the Swift client", "Fix the bug and add a unit test.", Category.code),
        ("Write an onboarding guide", "A README style tutorial for new contributors.", .docs),
        ("Research validator economics", "Investigate and compare three sources; write a report of findings.", .research),
        ("Design a logo", "Figma mockup of the brand mark.", .design),
        ("Build a validator dataset", "A CSV of rows scraped from the explorer.", .data),
        ("Tweet thread about Post Fiat", "Share on Twitter and Discord with the community.", .outreach),
        ("Misc", "Do the thing.", .other),
    ])
    func category_followsTheSignals(title: String, description: String, expected: Category) {
        let (category, signals) = CategoryClassifier().classify(makeTask(title: title, description: description))
        #expect(category == expected)
        #expect(expected == .other ? signals.isEmpty : !signals.isEmpty)
    }

    @Test func estimate_explainsItself_andROIIsRewardPerHour() {
        let task = makeTask(title: "Write a guide", description: "Write docs.", reward: "300")
        let analysis = TaskAnalyzer().analyze(task)
        #expect(analysis.category == .docs)
        #expect(analysis.complexity == 2)
        #expect(analysis.estimate.hours == 1)
        #expect(analysis.estimate.reasons.first?.contains("complexity 2/10") == true)
        #expect(analysis.returnOnInvestment == 300)
    }

    @Test func calibration_scalesByTheMedianOfPastOverruns() {
        let estimator = EffortEstimator(calibration: [.docs: [
            CompletedWork(estimatedHours: 1, actualHours: 2), CompletedWork(estimatedHours: 2, actualHours: 4), CompletedWork(estimatedHours: 1, actualHours: 1),
        ]])
        let analysis = TaskAnalyzer(estimator: estimator).analyze(makeTask(title: "Write a guide", description: "Write docs.", reward: "300"))
        #expect(analysis.estimate.hours == 2)
        #expect(analysis.estimate.reasons.last?.contains("×2 from your 3 finished docs task(s)") == true)
        #expect(analysis.returnOnInvestment == 150)
    }

    @Test func manualEstimate_replacesTheComputedOne() throws {
        let manual = try HourEstimate(hours: 5, reasons: ["/pf estimate 5"])
        #expect(TaskAnalyzer().analyze(makeTask(reward: "50"), manualEstimate: manual).returnOnInvestment == 10)
    }
}
