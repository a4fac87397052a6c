@testable import Server
import Foundation
import PFBotTestSupport
import Testing

@Suite struct PayloadScannerTests {
    func scan(_ text: String) throws -> String? {
        try Array(text.utf8).withUnsafeBytes { try PayloadScanner.action(in: $0) }
    }

    @Test func topLevelStringAction_isFound() throws {
        #expect(try scan(#"{"action":"created","issue":{"number":1}}"#) == "created")
        #expect(try scan(" \n{ \"zen\" : \"a } b\", \"action\" : \"opened\" }\n") == "opened")
        #expect(try scan(#"{"issue":{"action":"nested"},"action":"closed"}"#) == "closed")
        #expect(try scan(#"{"list":[{"action":"x"},"action"],"action":"edited"}"#) == "edited")
    }

    @Test func missingOrNonStringAction_isNil() throws {
        #expect(try scan("{}") == nil)
        #expect(try scan(#"{"zen":"action"}"#) == nil)
        #expect(try scan(#"{"action":5}"#) == nil)
        #expect(try scan(#"{"action":null,"other":"created"}"#) == nil)
        #expect(try scan(#"{"nested":{"action":"x"}}"#) == nil)
        #expect(try scan(#"{"action":"cre\"ated"}"#) == nil)
        #expect(try scan(#"{"title":"say \"action\":\"x\""}"#) == nil)
    }

    @Test(arguments: ["", "   ", "not json", "[1,2]", "\"action\"", "{", "{\"a\":1", "{\"a\":\"unclosed}", "{\"a\":[1}", "{\"a\":{]}",
                      "{} {}", "{}x", "{\"a\":\"x\\"])
    func notOneObject_isRefused(text: String) {
        #expect(throws: PayloadScanner.NotAnObject.self) { try scan(text) }
    }

    @Test func everyFixturePayload_scansLikeJSONSerialization() throws {
        for (event, path) in [("issue_comment", "github/webhooks/issue_comment/created.payload.json"),
                              ("push", "github/webhooks/push/payload.json"),
                              ("pull_request", "github/webhooks/pull_request/opened.payload.json")] {
            let data = try Fixtures.data(path)
            let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any], "\(event)")
            let scanned = try data.withUnsafeBytes { try PayloadScanner.action(in: $0) }
            #expect(scanned == object["action"] as? String, "\(event)")
        }
    }
}
