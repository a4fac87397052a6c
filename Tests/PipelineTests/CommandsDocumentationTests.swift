import Foundation
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
