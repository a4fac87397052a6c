import Foundation
import PFBotCore
@testable import Pipeline
import Testing

/// The `tests` rule's command choice and the JUnit reader behind its annotations.
@Suite struct TestsRuleTests {
    let rules = QualityRules(enabledRules: [], maxFileBytes: 1, maxTotalBytes: 1)

    @Test func theRuleIsOff_unlessConfiguredOrDeclared() {
        #expect(TestsRule.resolve(rules, declared: nil, tree: ["Makefile"]) == nil)
        var enabled = rules
        enabled.enabledRules = ["tests"]
        #expect(TestsRule.resolve(enabled, declared: nil, tree: ["Makefile"])?.command == "make test")
        #expect(TestsRule.resolve(enabled, declared: nil, tree: ["README.md"])?.command == "")
    }

    @Test func theConfiguredCommand_winsOverThePacks_whichWinsOverTheDetectedOne() {
        var configured = rules
        configured.testCommand = "sh test.sh"
        #expect(TestsRule.resolve(configured, declared: TestsRule(command: "swift test"), tree: ["Package.swift"])?.command == "sh test.sh")
        #expect(TestsRule.resolve(rules, declared: TestsRule(command: "npm run check"), tree: ["package.json"])?.command == "npm run check")
        #expect(TestsRule.resolve(rules, declared: TestsRule(command: ""), tree: ["package.json"])?.command == "npm test")
    }

    @Test func junit_failingCasesWithTheirFilesAndLines() throws {
        let xml = """
            <?xml version="1.0"?>
            <testsuites><testsuite name="s">
              <testcase classname="GuideTests" name="testPasses"/>
              <testcase classname="GuideTests" name="testInstall" file="Tests/GuideTests.swift" line="12"><failure message="expected 2, got 3">trace</failure></testcase>
              <testcase name="crashes"><error>boom</error></testcase>
              <testcase name="skipped"><skipped/></testcase>
            </testsuite></testsuites>
            """
        let report = try #require(JUnitReport(Data(xml.utf8)))
        #expect(report.failures == [
            .init(test: "GuideTests.testInstall", file: "Tests/GuideTests.swift", line: 12, message: "expected 2, got 3"),
            .init(test: "crashes", file: nil, line: nil, message: "boom"),
        ])
        #expect(JUnitReport(Data(count: JUnitReport.maximumBytes + 1)) == nil)
    }
}
