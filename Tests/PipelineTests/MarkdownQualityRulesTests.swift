import Foundation
import PFBotCore
@testable import Pipeline
import Testing

/// The Markdown rules read documents as GitHub parses them: links of every form, anchors, ticks, and nothing in code.
@Suite struct MarkdownQualityRulesTests {
    let task = makeTask(title: "Write a guide", description: "- Explain installation\n- Explain upgrades")
    var folder: String { TemplateRenderer.folder(for: task) }

    func report(_ files: [String: String], tree: [String]? = nil, rules: [String] = ["markdown", "links", "checklist", "placeholders"]) -> [String: QCRuleResult] {
        let data = files.reduce(into: [String: Data]()) { $0[folder + "/" + $1.key] = Data($1.value.utf8) }
        let input = QCInput(task: task, analysis: TaskAnalyzer().analyze(task), folder: folder, files: data, tree: tree.map { $0 + Array(data.keys) },
                            changedPaths: Array(data.keys), templatePaths: [],
                            rules: QualityRules(enabledRules: rules, maxFileBytes: 100_000, maxTotalBytes: 1_000_000))
        return Dictionary(uniqueKeysWithValues: QualityControl().evaluate(input).results.map { ($0.rule, $0) })
    }

    @Test func referenceLinks_resolveThroughTheirDefinitions_andAMissingFileIsAnnotatedOnTheLinksLine() {
        let guide = """
        # Guide

        Read the [checklist][list] first.

        Then the [notes][] and the [appendix].

        [list]: CHECKLIST.md
        [notes]: ./missing/NOTES.md
        [appendix]: ../../docs/appendix.md "outside the task folder"
        """
        let result = report(["GUIDE.md": guide, "CHECKLIST.md": "- [x] 1. a\n- [x] 2. b\n"], tree: ["docs/appendix.md"])["markdown"]
        #expect(result?.annotations == [QCAnnotation(path: folder + "/GUIDE.md", line: 5, level: .failure,
                                                     message: "Relative link ./missing/NOTES.md points at no file on this branch.")])
    }

    @Test func relativeLinkToAMissingFile_isAFailureOnItsLine_whileFilesAnywhereInTheTreeResolve() {
        let guide = "# Guide\n\n## Install\n\nSee [the tool](../../tools/run.sh), [the docs](/docs)\nand ![a screenshot](img/shot.png).\n"
        let passing = report(["GUIDE.md": guide], tree: ["tools/run.sh", "docs/index.md", folder + "/img/shot.png"])["markdown"]
        #expect(passing?.passed == true)
        let failing = report(["GUIDE.md": guide], tree: ["tools/run.sh"])["markdown"]
        #expect(failing?.annotations.map(\.line) == [5, 6])
        #expect(failing?.annotations.map(\.message) == ["Relative link /docs points at no file on this branch.",
                                                        "Relative link img/shot.png points at no file on this branch."])
    }

    @Test func anchors_resolveToHeadingSlugs_includingRepeatedHeadings_inTheFileAndInOthers() {
        let guide = """
        # Guide

        ## Install

        ## Install

        Jump to [the first](#install), [the second](#install-1), [a third](#install-2), [the notes](NOTES.md#whats-next)
        or [nowhere](NOTES.md#missing).
        """
        let notes = "# Notes\n\n## What's next?\n"
        let result = report(["GUIDE.md": guide, "NOTES.md": notes])["markdown"]
        #expect(result?.passed == false)
        #expect(result?.annotations.map(\.line) == [7, 8])
        #expect(result?.annotations.first?.message == "Anchor #install-2 names no heading in this file; its headings' anchors include #guide, #install, #install-1. Link to one of them or fix the heading.")
        #expect(result?.annotations.last?.message.hasPrefix("Anchor #missing names no heading in \(folder)/NOTES.md;") == true)
    }

    @Test func linksAndPlaceholdersInsideCode_doNotCount() {
        let guide = """
        # Guide

        Write `TODO(pf)` where work is left, and links as `[text](missing.md)`.

        ```markdown
        [broken](missing.md) [bad](javascript:alert(1))
        TODO(pf): an example
        ```

        TODO(pf): the real gap
        """
        let results = report(["GUIDE.md": guide])
        #expect(results["markdown"]?.passed == true)
        #expect(results["links"]?.summary == "0 link(s), 0 malformed")
        #expect(results["placeholders"]?.annotations.map(\.line) == [10])
    }

    @Test func aFileLongerThanTheParseLimit_isCheckedUpToIt_withAWarning() {
        let long = "# Guide\n\n" + String(repeating: "Plain words on a line.\n", count: 4_000) + "[late](missing.md)\n"
        let result = report(["GUIDE.md": long])["markdown"]
        #expect(result?.passed == true, "the link past 64 KiB is not read")
        #expect(result?.annotations.map(\.level) == [.warning])
        #expect(result?.annotations.first?.message.hasPrefix("Only the beginning of this file was checked: it is longer than 64 KiB") == true)
    }

    @Test func checklist_readsTicksFromTheTaskList_inAQuoteToo_butNotFromATableOrCode() {
        let checklist = """
        # Checklist

        > - [x] 1. Explain installation

        | done? |
        |---|
        | - [x] 2. Explain upgrades |

        ```
        - [x] 2. Explain upgrades
        ```

        - [ ] 2. Explain upgrades — see [x] below
        """
        let result = report(["CHECKLIST.md": checklist])["checklist"]
        #expect(result?.summary == "1 of 2 requirements ticked")
        #expect(result?.annotations.map(\.line) == [13])
        #expect(result?.annotations.first?.message == "Requirement 2 is not ticked: Explain upgrades")
    }
}
