import Foundation
import PFBotTestSupport
import PostFiat
import Testing

@Suite struct CanonicalJSONTests {
    private func vectors() throws -> LiteralJSON {
        try LiteralJSON.parse(Fixtures.data("postfiat/generated/signing_vectors.json"))["vectors"] ?? .null
    }

    @Test func acceptTransitionPayload_reproducesCanonicalTextAndDigest() throws {
        let vector = try #require(try vectors()["transition_accept_secp256k1"])
        let payload = try #require(vector["payload"])
        #expect(CanonicalJSON.string(of: payload) == vector["canonical_json"]?.stringValue)
        #expect(CanonicalJSON.digest(of: payload) == vector["payload_digest"]?.stringValue)
    }

    @Test func acceptTransitionPayload_eventIDIsDerivedFromThePayloadWithoutIt() throws {
        let payload = try #require(try vectors()["transition_accept_secp256k1"]?["payload"])
        #expect(TransitionSignature.eventID(for: payload) == payload["event_id"]?.stringValue)
    }

    @Test func edgeCase_sortsKeysEscapesControlsAndPrintsNumbersLikeJavaScript() throws {
        let vector = try #require(try vectors()["canonical_json_edge"])
        let input = try #require(vector["input"])
        #expect(CanonicalJSON.string(of: input) == vector["canonical_json"]?.stringValue)
        #expect(CanonicalJSON.sha256Hex(CanonicalJSON.string(of: input)) == vector["sha256"]?.stringValue)
    }

    @Test func localJSONTaskLoop_allFiveEventDigestsReproduce() throws {
        let events = try #require(try LiteralJSON.parse(Fixtures.data("postfiat/local_json_task_loop/state/events.json")).arrayValue)
        #expect(events.count == 5)
        for event in events {
            let payload = try #require(event["payload"])
            #expect(CanonicalJSON.digest(of: payload) == event["payload_digest"]?.stringValue, "event \(event["event_id"]?.stringValue ?? "")")
        }
    }

    @Test(arguments: [
        ("3", "3"), ("3.0", "3"), ("1.5", "1.5"), ("1e21", "1e+21"), ("1E+21", "1e+21"), ("123456789012345680000", "123456789012345680000"),
        ("0.000001", "0.000001"), ("1e-7", "1e-7"), ("-0", "0"), ("0.96", "0.96"), ("-2.50", "-2.5"), ("1.25e3", "1250"),
    ])
    func numbers_printAsJavaScriptDoes(literal: String, expected: String) throws {
        #expect(CanonicalJSON.string(of: try LiteralJSON.parse(Data(literal.utf8))) == expected)
    }

    @Test func strings_escapeOnlyWhatJSONStringifyEscapes() {
        let value: LiteralJSON = .string("a\"b\\c\u{08}\u{0C}\n\r\t\u{1F}\u{7F}/\u{2028}é")
        #expect(CanonicalJSON.string(of: value) == "\"a\\\"b\\\\c\\b\\f\\n\\r\\t\\u001f\u{7F}/\u{2028}é\"")
    }

    @Test func keys_sortByUTF16CodeUnits() {
        let value: LiteralJSON = ["\u{1F600}": 1, "\u{FF5E}": 2, "a": 3]
        #expect(CanonicalJSON.string(of: value) == "{\"a\":3,\"\u{1F600}\":1,\"\u{FF5E}\":2}")
    }
}
