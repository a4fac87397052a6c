import Foundation
import GitHub
import Testing

@Suite struct WebhookRobustnessTests {
    @Test func truncatedAndMangledPayloadsGiveTypedErrorsNeverCrashes() throws {
        for (event, file) in try FixtureDecodingTests.webhookFixtures() where file.lastPathComponent.hasPrefix("created") || file.lastPathComponent == "payload.json" {
            let body = try Data(contentsOf: file)
            for cut in stride(from: 0, to: body.count, by: max(1, body.count / 25)) {
                #expect(throws: WebhookError.self) { try WebhookEvent.parse(name: event, body: body.prefix(cut)) }
            }
            var mangled = body
            for index in stride(from: 0, to: mangled.count, by: 97) { mangled[index] = UInt8(ascii: "#") }
            do {
                _ = try WebhookEvent.parse(name: event, body: mangled)
            } catch {
                #expect(error is WebhookError, "\(event): \(error)")
            }
        }
    }

    @Test func everyKnownEventRejectsAnEmptyObject() {
        for name in WebhookEvent.knownNames where name != "ping" {
            #expect(throws: WebhookError.self, "\(name)") { try WebhookEvent.parse(name: name, body: Data("{}".utf8)) }
        }
        #expect(throws: Never.self) { try WebhookEvent.parse(name: "ping", body: Data("{}".utf8)) }
    }
}
