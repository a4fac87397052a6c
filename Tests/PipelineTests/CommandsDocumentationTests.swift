import Foundation
import PFBotCore
import Pipeline
import PFBotTestSupport
import Testing

@Suite struct CommandsDocumentationTests {
    private func commandsPage() throws -> String {
        try String(contentsOf: try Fixtures.packageRoot().appendingPathComponent("docs/commands.md"), encoding: .utf8)
    }

    @Test func everyVerbOfTheCatalog_hasARowWithItsUsageAndSummary() throws {
        let page = try commandsPage()
        let rows = page.split(separator: "\n").filter { $0.hasPrefix("| `/pf ") }
        #expect(rows.count == CommandCatalog.entries.count)
        for entry in CommandCatalog.entries {
            let row = rows.first { $0.hasPrefix("| `\(entry.usage)` |") }
            #expect(row != nil, "docs/commands.md has no row for `\(entry.usage)`")
            #expect(row?.contains(entry.summary) == true, "the row of \(entry.verb) does not say what /pf help says: \(entry.summary)")
        }
    }

    @Test func documentedRows_followTheCatalogOrder() throws {
        let rows = try commandsPage().split(separator: "\n").filter { $0.hasPrefix("| `/pf ") }
        let verbs = rows.compactMap { $0.dropFirst("| `/pf ".count).split(whereSeparator: { $0 == " " || $0 == "`" }).first.map(String.init) }
        #expect(verbs == CommandCatalog.entries.map(\.verb))
    }
}

/// The texts generated from the command registry are the ones committed.
@Suite struct GeneratedCommandTextsTests {
    @Test func docsCommandsTable_isTheGeneratedOne() throws {
        let page = try String(contentsOf: try Fixtures.packageRoot().appendingPathComponent("docs/commands.md"), encoding: .utf8)
        let begin = "<!-- generated from the command registry by scripts/gen-config-docs: begin -->\n"
        let end = "\n<!-- generated from the command registry by scripts/gen-config-docs: end -->"
        let start = try #require(page.range(of: begin)).upperBound
        let stop = try #require(page.range(of: end)).lowerBound
        #expect(String(page[start..<stop]) == CommandCatalog.markdownTable(), "docs/commands.md is stale: run scripts/gen-config-docs")
    }

    @Test func permissionLists_nameEveryVerb_withItsDefault() {
        let yaml = CommandCatalog.permissionsYAML(indent: 2)
        #expect(yaml.hasPrefix("  commands:\n"))
        for verb in CommandRegistry.verbs {
            #expect(yaml.contains("\n    \(verb.name): \(verb.defaultPermission.rawValue)"))
        }
    }
}
