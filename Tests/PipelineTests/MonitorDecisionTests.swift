import PFBotCore
import Pipeline
import Testing

@Suite struct MonitorDecisionTests {
    let filters = TaskFilters(kinds: [.personal], minimumReward: PFTAmount(drops: 50_000_000), includeKeywords: [],
                              excludeKeywords: ["twitter"], maxInFlight: 2)

    @Test func filters_explainEverySkip() {
        let filter = TaskFilter(filters: filters)
        #expect(filter.skipReason(for: makeTask(reward: "100")) == nil)
        #expect(filter.skipReason(for: makeTask(reward: "10"))?.contains("below filters.min_reward_pft") == true)
        #expect(filter.skipReason(for: makeTask(description: "Post on Twitter", reward: "100")) == "mentions excluded keyword \"twitter\"")
        var network = makeTask(reward: "100")
        network.kind = .network
        #expect(filter.skipReason(for: network)?.contains("not in filters.kinds") == true)
        var including = TaskFilter(filters: filters)
        including.filters.includeKeywords = ["swift"]
        #expect(including.skipReason(for: makeTask(reward: "100"))?.contains("include_keywords") == true)
        #expect(including.skipReason(for: makeTask(title: "Swift client", reward: "100")) == nil)
    }

    @Test func autoAccept_isOffByDefault_andHonoursEveryRule() {
        let task = makeTask(title: "Write docs", description: "Write docs.", reward: "100")
        let analysis = TaskAnalyzer().analyze(task)
        let off = AutoAcceptPolicy(rules: AutoAcceptRules(enabled: false, kinds: [], minimumReward: .zero, maximumEstimatedHours: 4), maxInFlight: 2)
        #expect(off.decide(task, analysis: analysis, inFlight: 0).accept == false)
        let on = AutoAcceptPolicy(rules: AutoAcceptRules(enabled: true, kinds: [.personal], minimumReward: PFTAmount(drops: 1), maximumEstimatedHours: 4), maxInFlight: 2)
        #expect(on.decide(task, analysis: analysis, inFlight: 0).accept)
        #expect(on.decide(task, analysis: analysis, inFlight: 2).reason.contains("in flight"))
        let picky = AutoAcceptPolicy(rules: AutoAcceptRules(enabled: true, kinds: [], minimumReward: .zero, maximumEstimatedHours: 0.5), maxInFlight: 2)
        #expect(picky.decide(task, analysis: analysis, inFlight: 0).reason.contains("max_estimated_hours"))
    }

    @Test func observedChanges_mapToReactions() {
        #expect(ObservedChange.reactions(stored: nil, observed: .proposed, skipReason: nil) == [.announceProposal])
        #expect(ObservedChange.reactions(stored: nil, observed: .proposed, skipReason: "low") == [.skip(reason: "low")])
        #expect(ObservedChange.reactions(stored: .proposed, observed: .proposed, skipReason: nil).isEmpty)
        #expect(ObservedChange.reactions(stored: .proposed, observed: .accepted, skipReason: nil) == [.startWork])
        #expect(ObservedChange.reactions(stored: .qcPassed, observed: .accepted, skipReason: nil).isEmpty)
        #expect(ObservedChange.reactions(stored: .merged, observed: .submitted, skipReason: nil) == [.updateIssue])
        #expect(ObservedChange.reactions(stored: .submitted, observed: .verificationRequested, skipReason: nil) == [.relayVerification])
        #expect(ObservedChange.reactions(stored: .verificationResponseSubmitted, observed: .verificationRequested, skipReason: nil) == [.relayVerification])
        #expect(ObservedChange.reactions(stored: .verificationResponseSubmitted, observed: .rewarded, skipReason: nil) == [.recordReward])
        #expect(ObservedChange.reactions(stored: .inProgress, observed: .cancelled, skipReason: nil) == [.close(.cancelled)])
        #expect(ObservedChange.reactions(stored: nil, observed: .refused, skipReason: nil).isEmpty)
        #expect(ObservedChange.reactions(stored: .inProgress, observed: .unknown, skipReason: nil) == [.updateIssue])
        #expect(ObservedChange.reactions(stored: .unknown, observed: .unknown, skipReason: nil).isEmpty)
    }
}
