import Foundation
import PFBotCore
import Pipeline
import Testing

@Suite struct PackManifestTests {
    let file = ".github/pfbot/templates/docs/pack.yml"

    func problems(_ yaml: String, folder: String = "docs") -> [String] {
        do {
            _ = try PackManifestParser(fileName: file).parse(yaml, folder: folder)
            return []
        } catch {
            return error.problems.map(\.description)
        }
    }

    @Test func validManifest_isParsedWithEveryPart() throws {
        let manifest = try PackManifestParser(fileName: file).parse("""
            name: docs
            description: Handbook pages.
            when:
              categories: [docs, other]
              keywords: [handbook]
              evidence_types: [url]
            files:
              - template: PAGE.md.mustache
                destination: "{{folder}}/PAGE.md"
            variables: [title, folder]
            steps:
              - name: build
                run: make site
                timeout_seconds: 120
                produces: [site/index.html]
                commit: true
            checks:
              - rule: requirements-addressed
                with:
                  file: PAGE.md
            """, folder: "docs")
        #expect(manifest.when == PackCondition(categories: [.docs, .other], keywords: ["handbook"], evidenceTypes: ["url"]))
        #expect(manifest.files == [PackFile(template: "PAGE.md.mustache", destination: "{{folder}}/PAGE.md")])
        #expect(manifest.steps == [PackStep(name: "build", run: "make site", timeoutSeconds: 120, produces: ["site/index.html"], commit: true)])
        #expect(manifest.checks == [PackCheck(rule: "requirements-addressed", parameters: ["file": "PAGE.md"])])
    }

    @Test func everyProblem_namesFileLineAndKey_andSaysWhatToDo() {
        let found = problems("""
            name: guide
            description: x
            colour: blue
            when:
              categories: [docs, poetry]
            files:
              - template: ../escape.md
                destination: x
              - destination: y
            variables: [title, nonsense]
            steps:
              - name: s
                run: r
                timeout_seconds: 99999
            checks:
              - rule: spellcheck
              - rule: row-count
            """)
        #expect([
            "\(file):1: name: is \"guide\" but the folder is \"docs\"; make them equal.",
            "\(file):3: colour: is not a pack.yml key; use name, description, when, files, variables, steps or checks.",
            "\(file):5: when.categories: \"poetry\" is not a category; use one of code, docs, research, design, data, outreach, other.",
            "\(file):7: files[0].template: \"../escape.md\" is not a plain relative path inside the pack folder; remove `..`, `/` at the start and `.git`.",
            "\(file):9: files[1]: needs template; add it.",
            "\(file):10: variables: \"nonsense\" is not a template variable; see docs/templates.md for the list.",
            "\(file):14: steps[0].timeout_seconds: must be a whole number of seconds from 1 to 3600.",
            "\(file):16: checks[0].rule: \"spellcheck\" is not a pack check; use one of requirements-addressed, source-urls, table-schema, row-count, length-limits, toolchain-tests.",
            "\(file):17: checks[1].with.csv: is missing; row-count needs it (the CSV file, relative to the task folder).",
        ].sorted() == found.sorted())
    }

    @Test func badYAML_andMissingKeys_areReported() {
        #expect(problems("name: [unclosed").first?.hasPrefix("\(file): is not valid YAML") == true)
        #expect(problems("name: docs") == [
            "\(file):1: description: is missing; every pack.yml needs name, description and files.",
            "\(file):1: files: is missing; every pack.yml needs name, description and files.",
        ])
    }

    @Test func repositoryPack_replacesTheBuiltInOne_andWinsTies() throws {
        let task = makeTask(title: "Write the onboarding guide", description: "1. Cover installation")
        let rendered = try renderBuiltInPack(task, repositoryPacks: [
            "docs/pack.yml": "name: docs\ndescription: Ours.\nwhen:\n  categories: [docs]\nfiles:\n  - template: PAGE.md.mustache\n    destination: \"handbook/{{slug}}.md\"\n",
            "docs/PAGE.md.mustache": "# {{title}} (our layout)\n",
        ])
        #expect(rendered.choice.pack.origin == .repository(folder: ".github/pfbot/templates/docs"))
        #expect(rendered.library.packs.filter { $0.name == "docs" }.count == 1)
        let slug = TaskSlug(title: task.title, id: task.id).rawValue
        #expect(text(rendered.files, "handbook/\(slug).md") == "# Write the onboarding guide (our layout)\n")
        #expect(rendered.files[TemplateRenderer.folder(for: task) + "/GUIDE.md"] == nil)
        #expect(rendered.files[TemplateRenderer.folder(for: task) + "/CHECKLIST.md"] != nil)
    }

    @Test func invalidRepositoryPack_isRefused_andTheBuiltInOneStays() throws {
        let task = makeTask(title: "Write the onboarding guide", description: "1. Cover installation")
        let rendered = try renderBuiltInPack(task, repositoryPacks: [
            "docs/pack.yml": "name: docs\ndescription: Ours.\nfiles:\n  - template: MISSING.md.mustache\n    destination: x.md\n",
            "broken/pack.yml": "name: broken\ndescription: x\nfiles:\n  - template: a.mustache\n    destination: a\n",
            "broken/a.mustache": "{{#open}}never closed",
        ])
        #expect(rendered.choice.pack.name == "docs")
        #expect(rendered.choice.pack.origin == .builtIn)
        #expect(rendered.library.problems.map(\.description) == [
            ".github/pfbot/templates/broken/a.mustache:1: is not valid Mustache (expectedSectionEnd at column 22); close every {{#section}} with {{/section}} and every {{ with }}.",
            ".github/pfbot/templates/docs/pack.yml:4: files[0].template: \"MISSING.md.mustache\" is not in .github/pfbot/templates/docs/; add the file or fix the name.",
        ])
        #expect(rendered.library.pack(named: "broken") == nil)
    }

    @Test func destinationOutsideTheRepositoryOrIntoGitHub_isRefused() throws {
        let task = makeTask(title: "Write the onboarding guide", description: "1. Cover installation")
        for destination in ["../escape.md", ".github/workflows/x.yml", "/abs.md", "a/./b"] {
            #expect(throws: TemplateError.unsafePath(pack: "docs", path: destination)) {
                try renderBuiltInPack(task, repositoryPacks: [
                    "docs/pack.yml": "name: docs\ndescription: x\nwhen:\n  categories: [docs]\nfiles:\n  - template: a.mustache\n    destination: \"\(destination)\"\n",
                    "docs/a.mustache": "x",
                ])
            }
        }
    }

    @Test func taskNamingNoCategoryKeyword_getsTheGenericPack() throws {
        let library = try PackLibrary.builtIn()
        let task = makeTask(title: "Say thanks", description: "Just do it.")
        let choice = try library.choose(for: task, analysis: TaskAnalyzer().analyze(task))
        #expect(choice.pack.name == "other")
    }
}
