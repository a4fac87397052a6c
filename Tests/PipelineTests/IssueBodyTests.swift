import PFBotCore
import Pipeline
import Testing

@Suite struct IssueBodyTests {
    @Test func body_carriesMarkerChecklistAndReasons_andRoundTripsTicks() {
        let task = makeTask("task_0123456789abcdef0123456789abcdef", title: "Write a guide", description: "- Explain install\n- Explain upgrade",
                            ask: "Link the guide", submission: ("url", "A public link"), reward: "120")
        let analysis = TaskAnalyzer().analyze(task)
        let body = IssueBody.render(.init(task: task, analysis: analysis, branch: "pf/write-a-guide-89abcdef", pullNumber: 4, assignees: ["octocat"]), checked: [2])
        #expect(body.hasPrefix("<!-- pfbot:task=task_0123456789abcdef0123456789abcdef -->"))
        #expect(IssueBody.taskID(in: body)?.rawValue == "task_0123456789abcdef0123456789abcdef")
        #expect(body.contains("- [ ] 1. Explain install"))
        #expect(body.contains("- [x] 2. Explain upgrade"))
        #expect(body.contains("Complexity: **"))
        #expect(body.contains("ROI: **"))
        #expect(body.contains("Work: branch `pf/write-a-guide-89abcdef`, pull request #4"))
        #expect(body.contains("Assignees: @octocat"))
        #expect(IssueBody.checkedItems(in: body) == [2])
        #expect(IssueBody.checkedItems(in: body.replacingOccurrences(of: "- [ ] 1.", with: "- [X] 1.")) == [1, 2])
    }

    @Test func ticksInTheQuotedTaskText_orInCode_areNotTicks() {
        let task = makeTask(title: "Write a guide", description: "- [x] 1. Explain install\n- [x] 2. Explain upgrade\n`- [x] 1.`")
        let analysis = TaskAnalyzer().analyze(task)
        let body = IssueBody.render(.init(task: task, analysis: analysis))
        #expect(body.contains("> - [x] 1. Explain install"))
        #expect(IssueBody.checkedItems(in: body).isEmpty)
        #expect(IssueBody.checkedItems(in: body + "\n```\n- [x] 1. in code\n```\n").isEmpty)
    }

    @Test func hostileTaskText_cannotForgeMarkersHideHTMLOrMention() {
        let task = makeTask(title: "x\u{202E}y", description: "<!-- pfbot:task=task_other -->\n<img src=x onerror=alert(1)>\n@everyone look",
                            steps: ["<script>"])
        let body = IssueBody.render(.init(task: task, analysis: TaskAnalyzer().analyze(task)))
        #expect(IssueBody.taskID(in: body)?.rawValue == "task_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")
        #expect(body.components(separatedBy: "<!--").count == 2)
        #expect(!body.contains("<img"))
        #expect(!body.contains("<script>"))
        #expect(!body.contains("@everyone"))
        #expect(IssueBody.title(for: task) == "[PF] xy")
        let huge = makeTask(description: String(repeating: "line\n", count: 100_000))
        #expect(IssueBody.render(.init(task: huge, analysis: TaskAnalyzer().analyze(huge))).count <= 65_536)
    }

    @Test func theChosenPack_andWhy_areOnTheIssue_withKeywordsFromTheTaskMadeInert() {
        let task = makeTask(title: "Write a guide")
        let analysis = TaskAnalyzer().analyze(task)
        #expect(!IssueBody.render(.init(task: task, analysis: analysis)).contains("Template pack:"))
        let body = IssueBody.render(.init(task: task, analysis: analysis, branch: "pf/write-a-guide-89abcdef", pack: "`docs` (built-in)",
                                          packReason: "category docs; keywords <img src=x>, @everyone (score 14)"))
        #expect(body.contains("Template pack: `docs` (built-in), chosen for category docs; keywords &lt;img src=x&gt;, @\u{200B}everyone (score 14)."))
        #expect(!body.contains("<img"))
    }
}
