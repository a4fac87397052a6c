import Foundation
import PFBotCore
import Pipeline
import Testing

@Suite struct TemplateRendererTests {
    @Test(arguments: Category.allCases)
    func everyCategory_hasTemplatesThatRender(category: Category) throws {
        let templates = try TemplateSet.builtIn(for: category)
        #expect(templates.files.keys.contains("README.md"))
        #expect(templates.files.keys.contains("CHECKLIST.md"))
        #expect(templates.files.keys.contains("SUBMISSION.md"))
        #expect(templates.files.count >= 4)
        let task = makeTask(title: "Guide", description: "Write docs.")
        let files = try TemplateRenderer().render(templates, task: task, analysis: TaskAnalyzer().analyze(task))
        #expect(files.keys.allSatisfy { $0.hasPrefix("tasks/guide-4319fdcedae8/") })
    }

    @Test func taskText_isRenderedAsInertData() throws {
        let task = makeTask(
            title: "{{#x}}Pwn{{/x}} \u{202E}title", description: "Use {{> partial}} and <script>alert(1)</script> \u{0007}bell",
            steps: ["Step {{one}}"]
        )
        let analysis = TaskAnalyzer().analyze(task)
        let files = try TemplateRenderer().render(try TemplateSet.builtIn(for: .docs), task: task, analysis: analysis)
        let readme = String(decoding: try #require(files["tasks/x-pwn-x-title-4319fdcedae8/README.md"]), as: UTF8.self)
        #expect(readme.contains("# {{#x}}Pwn{{/x}} title"))
        #expect(readme.contains("Use {{&gt; partial}} and &lt;script&gt;alert(1)&lt;/script&gt; bell"))
        #expect(readme.contains("1. Step {{one}}"))
        #expect(!readme.contains("\u{202E}"))
    }

    @Test func repositoryOverrides_replaceAndAdd_butUnsafePathsAreRefused() throws {
        let base = try TemplateSet.builtIn(for: .code)
        let merged = try base.overlaid(with: ["README.md.mustache": "custom {{title}}", "extra/notes.txt": "x"])
        #expect(merged.files["README.md"] == "custom {{title}}")
        #expect(merged.files["extra/notes.txt"] == "x")
        for path in ["../escape.md", "/abs.md", ".git/config", "a//b", "a/./b"] {
            #expect(throws: TemplateError.unsafePath(path)) { try base.overlaid(with: [path: "x"]) }
        }
        let broken = TemplateSet(files: ["README.md": "{{#open}}never closed"])
        #expect(throws: TemplateError.self) {
            try TemplateRenderer().render(broken, task: makeTask(), analysis: TaskAnalyzer().analyze(makeTask()))
        }
    }

    @Test func slug_isBranchSafe() throws {
        #expect(TaskSlug(title: "Write the Onboarding Guide!", id: try TaskID("task_0123456789abcdef0123456789abcdef")).rawValue == "write-the-onboarding-guide-b4c344c555f1")
        #expect(TaskSlug(title: "日本語 ../../", id: try TaskID("task_x")).rawValue == "task-7272b4cc12cf")
        let long = TaskSlug(title: String(repeating: "word ", count: 40), id: try TaskID("task_1"))
        #expect(long.rawValue.count <= 56)
    }
}
