import Foundation
import Pipeline
import PFBotTestSupport
import Testing

/// docs/templates.md is generated from the code; it fails here when it drifts.
@Suite struct TemplatesReferenceTests {
    @Test func docsTemplatesPage_isTheGeneratedOne() throws {
        let page = try String(contentsOf: try Fixtures.packageRoot().appendingPathComponent("docs/templates.md"), encoding: .utf8)
        #expect(page == (try TemplatesReference.markdown()) + "\n", "docs/templates.md is stale: run scripts/gen-config-docs")
    }

    @Test func everyVariableAPackUses_isInTheCatalog_andEveryBuiltInPackIsDocumented() throws {
        let page = try TemplatesReference.markdown()
        for pack in try PackLibrary.builtIn().packs {
            #expect(page.contains("| `\(pack.name)` |"))
            for variable in pack.manifest.variables { #expect(PackVariables.catalog.contains { $0.name == variable }) }
        }
        for rule in PackCheckRules.catalog { #expect(page.contains("| `\(rule.name)` |")) }
    }
}
