import PFBotCore
import Testing

struct TaskSlugTests {
    @Test func titleWords_thenAHashOfTheWholeID() throws {
        let slug = TaskSlug(title: "Write the Onboarding Guide!", id: try TaskID("task_0123456789abcdef0123456789abcdef"))
        #expect(slug.rawValue == "write-the-onboarding-guide-b4c344c555f1")
    }

    @Test(arguments: ["", "   ", "日本語 ../../", "!!!", "\u{0}\u{1}"])
    func titleWithoutLettersOrDigits_fallsBackToTask(title: String) throws {
        let slug = TaskSlug(title: title, id: try TaskID("task_x"))
        #expect(slug.rawValue == "task-7272b4cc12cf")
    }

    @Test func longTitlesAndLongWords_stayWithin56Characters() throws {
        let id = try TaskID("task_1")
        for title in [String(repeating: "word ", count: 40), String(repeating: "x", count: 500)] {
            let slug = TaskSlug(title: title, id: id)
            #expect(slug.rawValue.count <= 56)
            #expect(slug.rawValue.hasSuffix("-07a6404683e0"))
            #expect(!slug.rawValue.hasPrefix("-"))
        }
    }

    @Test func idsSharingTheirLastCharacters_getDifferentBranches() throws {
        // The old slug kept the id's last 8 characters: these two shared a branch.
        let first = TaskSlug(title: "Same title", id: try TaskID("task_a0123456789abcdef"))
        let second = TaskSlug(title: "Same title", id: try TaskID("task_b0123456789abcdef"))
        #expect(first != second)
    }

    @Test func tenThousandIDs_tenThousandSlugs() throws {
        var seen = Set<String>()
        for index in 0..<10_000 {
            seen.insert(TaskSlug(title: "Same title", id: try TaskID("task_\(String(index, radix: 16))")).rawValue)
        }
        #expect(seen.count == 10_000)
    }

    @Test func slugsAreBranchSafe() throws {
        let slug = TaskSlug(title: "../../etc/passwd; rm -rf / `x` {{y}}", id: try TaskID("task_z"))
        #expect(slug.rawValue.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" })
    }
}
