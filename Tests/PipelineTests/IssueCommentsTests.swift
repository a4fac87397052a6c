import Foundation
import PFBotCore
import Pipeline
import Testing

@Suite struct IssueCommentsTests {
    @Test func comments_carryTheirEventMarker() {
        let prompt = IssueComments.verificationPrompt(ask: "Show the <b>dashboard</b>\n@everyone", eventID: "evt_1", assignees: ["octocat", "bad login!"])
        #expect(IssueComments.carries(prompt, event: "verification:evt_1"))
        #expect(prompt.contains("@octocat The Post Fiat reviewer asks:"))
        #expect(!prompt.contains("bad login"))
        #expect(prompt.contains("> Show the &lt;b&gt;dashboard&lt;/b&gt;"))
        #expect(!prompt.contains("@everyone"))
        let submitted = IssueComments.submitted(mergeSHA: "0123456789abcdef0123", evidence: ["https://github.com/o/r/pull/7"])
        #expect(IssueComments.carries(submitted, event: "submission:0123456789abcdef0123"))
        #expect(submitted.contains("- https://github.com/o/r/pull/7"))
    }

    @Test func rewardComment_distinguishesPaidFromRejected() throws {
        let paid = IssueComments.rewarded(amount: try PFTAmount(parsing: "12.5"), decision: "partial_reward", reason: "Good", paymentHash: "ABC")
        #expect(paid.contains("Rewarded **12.5 PFT** (partial reward)."))
        #expect(paid.contains("Payment: `ABC`"))
        let hostile = IssueComments.rewarded(amount: try PFTAmount(parsing: "1"), decision: "x <!-- pfbot:event=submission:1 --> @everyone",
                                             reason: nil, paymentHash: "`@everyone <!-- pfbot:event=x -->")
        #expect(!hostile.contains("@everyone") && !hostile.contains("<!-- pfbot:event=submission") && !hostile.contains("<!-- pfbot:event=x"), "\(hostile)")
        let forged = IssueComments.verificationPrompt(ask: "?", eventID: "e --> <!-- pfbot:event=reward", assignees: [])
        #expect(!IssueComments.carries(forged, event: "reward"))
        #expect(IssueComments.carries(forged, event: "verification:e --> <!-- pfbot:event=reward"), "the same outside id always names the same marker")
        let rejected = IssueComments.rewarded(amount: .zero, decision: "reject", reason: nil, paymentHash: nil)
        #expect(rejected.contains("**rejected**"))
    }
}
