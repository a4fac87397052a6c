import Foundation
import Logging
@testable import Server
import Testing

@Suite struct StandardErrorLogHandlerTests {
    @Test func line_carriesTimeLevelLabelSortedMetadataAndMessage() {
        var handler = StandardErrorLogHandler(label: "pfbot.serve", metadataProvider: .init { ["provided": "p"] })
        handler[metadataKey: "hb.request.id"] = "42"
        handler[metadataKey: "provided"] = "overridden by the provider"
        let event = LogEvent(level: .warning, message: "webhook rejected", metadata: ["delivery": "d-1"], source: nil, file: #fileID, function: #function, line: #line)
        let line = handler.render(event, at: Date(timeIntervalSince1970: 1_790_000_000.25))
        #expect(line == "2026-09-21T14:13:20.250Z warning pfbot.serve: [delivery=d-1 hb.request.id=42 provided=p] webhook rejected\n")
    }

    @Test func withoutMetadata_thereAreNoBrackets() {
        let handler = StandardErrorLogHandler(label: "pfbot")
        let event = LogEvent(level: .info, message: "listening", metadata: nil, source: nil, file: #fileID, function: #function, line: #line)
        #expect(handler.render(event, at: Date(timeIntervalSince1970: 0)) == "1970-01-01T00:00:00.000Z info pfbot: listening\n")
    }
}
