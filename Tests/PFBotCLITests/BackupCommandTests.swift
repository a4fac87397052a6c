import Foundation
import PFBotTestSupport
import Storage
import Testing

/// `pfbot backup` and `pfbot restore` as a user runs them: the backup taken by another process while this one
/// keeps recording deliveries, then restored into a new data directory.
@Suite struct BackupCommandTests {
    @Test func backupWhileDeliveriesArrive_restoreElsewhere_everyAcknowledgedDeliveryIsBack() async throws {
        let directory = try TemporaryDirectory(prefix: "pfbot-backup-cli")
        defer { directory.remove() }
        let store = try await StoreFactory.open(.sqlite(path: directory.file("data/pfbot.sqlite")))
        let acknowledged = Collected<String>()
        let writer = _Concurrency.Task {
            for index in 0..<400 {
                let id = "cli-\(index)"
                if try await store.recordDelivery(Delivery(id: id, event: "ping", action: nil, body: Array("{}".utf8), receivedAt: Date())) {
                    acknowledged.append(id)
                }
            }
        }
        while acknowledged.count < 50 { try await _Concurrency.Task.sleep(for: .milliseconds(5)) }
        let before = acknowledged.all
        let backup = try await CommandRunner().runAsync(["backup", "--output", directory.file("pfbot.backup")], in: directory.path,
                                                       environment: ["PFBOT_DATA_DIR": directory.file("data")])
        try await writer.value
        try await store.close()
        #expect(backup.status == 0, "\(backup.standardError)")
        #expect(backup.standardOutput.contains("✓ backed up"))

        let restore = try await CommandRunner().runAsync(["restore", directory.file("pfbot.backup")], in: directory.path,
                                                        environment: ["PFBOT_DATA_DIR": directory.file("restored")])
        #expect(restore.status == 0, "\(restore.standardError)")
        let restored = try await StoreFactory.open(.sqlite(path: directory.file("restored/pfbot.sqlite")))
        var missing: [String] = []
        for id in before where try await restored.delivery(id) == nil { missing.append(id) }
        try await restored.close()
        #expect(missing.isEmpty, "\(missing.prefix(10))")

        // The restored store exists now: replacing it needs --force.
        let again = try await CommandRunner().runAsync(["restore", directory.file("pfbot.backup")], in: directory.path,
                                                      environment: ["PFBOT_DATA_DIR": directory.file("restored")])
        #expect(again.status != 0)
        #expect(again.standardError.contains("--force"))
        let forced = try await CommandRunner().runAsync(["restore", directory.file("pfbot.backup"), "--force"], in: directory.path,
                                                       environment: ["PFBOT_DATA_DIR": directory.file("restored")])
        #expect(forced.status == 0, "\(forced.standardError)")
    }
}
