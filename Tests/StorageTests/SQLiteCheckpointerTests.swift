import Foundation
import PFBotTestSupport
import Storage
import Testing

@Suite struct SQLiteCheckpointerTests {
    /// 1.6 MB of deliveries stay below SQLite's own checkpoint threshold (1,000 pages, about 4 MB), so only the
    /// background checkpointer can move them from the log into the database file while the store is open.
    @Test func theLog_reachesTheDatabaseFile_whileTheStoreIsOpen() async throws {
        let directory = try TemporaryDirectory(prefix: "pfbot-checkpoint")
        defer { directory.remove() }
        let path = directory.file("pfbot.sqlite")
        let store = try await StoreFactory.open(.sqlite(path: path))
        let body = Array(repeating: UInt8(ascii: "x"), count: 16_000)
        let deliveries = (0..<100).map { Delivery(id: "d-\($0)", event: "push", action: nil, body: body, receivedAt: Date()) }
        _ = try await store.recordDeliveries(deliveries)
        let clock = ContinuousClock()
        let deadline = clock.now + .seconds(10)
        var size = 0
        while clock.now < deadline {
            size = (try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
            if size > 1_600_000 { break }
            try await Task.sleep(for: .milliseconds(20))
        }
        #expect(size > 1_600_000, "the database file is \(size) bytes; the log was not checkpointed")
        try await store.close()
    }
}
