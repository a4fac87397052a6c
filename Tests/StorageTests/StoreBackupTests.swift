import Foundation
import PFBotTestSupport
import SQLiteKit
import Storage
import Testing

/// `pfbot backup` / `pfbot restore` underneath: an online copy while deliveries are being written, checked and
/// put back in a new place with every acknowledged delivery.
@Suite struct StoreBackupTests {
    @Test func backupDuringDeliveries_restoredElsewhere_holdsEveryAcknowledgedDelivery() async throws {
        let directory = try TemporaryDirectory(prefix: "pfbot-backup")
        defer { directory.remove() }
        let database = directory.file("live/pfbot.sqlite")
        let store = try await StoreFactory.open(.sqlite(path: database))
        // Writers keep recording deliveries; each id is noted once the store acknowledged it.
        let acknowledged = Collected<String>()
        let writers = _Concurrency.Task {
            try await withThrowingTaskGroup(of: Void.self) { group in
                for writer in 0..<4 {
                    group.addTask {
                        for index in 0..<150 {
                            let id = "w\(writer)-\(index)"
                            let delivery = Delivery(id: id, event: "ping", action: nil, body: Array(#"{"zen":"\#(id)"}"#.utf8), receivedAt: Date())
                            if try await store.recordDelivery(delivery) { acknowledged.append(id) }
                        }
                    }
                }
                try await group.waitForAll()
            }
        }
        while acknowledged.count < 100 { try await _Concurrency.Task.sleep(for: .milliseconds(5)) }
        let before = Set(acknowledged.all)
        let summary = try await StoreBackup.backUpSQLite(database: database, to: directory.file("pfbot.backup"))
        try await writers.value
        try await store.close()
        #expect(summary.deliveries >= before.count)
        #expect(summary.bytes > 0)

        // Restored into a new directory: every delivery acknowledged before the backup began is there.
        let restoredPath = directory.file("elsewhere/data/pfbot.sqlite")
        _ = try await StoreBackup.restoreSQLite(backup: directory.file("pfbot.backup"), to: restoredPath, force: false)
        let restored = try await StoreFactory.open(.sqlite(path: restoredPath))
        var missing: [String] = []
        for id in before.sorted() where try await restored.delivery(id) == nil { missing.append(id) }
        try await restored.close()
        #expect(missing.isEmpty, "missing after restore: \(missing.prefix(10))")

        // A backup never overwrites a file; a restore never replaces a store without --force.
        await #expect(throws: StoreBackupError.outputExists(directory.file("pfbot.backup"))) {
            _ = try await StoreBackup.backUpSQLite(database: database, to: directory.file("pfbot.backup"))
        }
        await #expect(throws: StoreBackupError.liveStore(restoredPath)) {
            _ = try await StoreBackup.restoreSQLite(backup: directory.file("pfbot.backup"), to: restoredPath, force: false)
        }
        _ = try await StoreBackup.restoreSQLite(backup: directory.file("pfbot.backup"), to: restoredPath, force: true)
    }

    @Test func restore_refusesANewerSchema_andADamagedFile() async throws {
        let directory = try TemporaryDirectory(prefix: "pfbot-backup")
        defer { directory.remove() }
        let database = directory.file("pfbot.sqlite")
        try await StoreFactory.open(.sqlite(path: database)).close()
        let connection = try await SQLiteConnection.open(storage: .file(path: database))
        _ = try await connection.query("INSERT INTO schema_migrations (id, applied_at) VALUES ('999_from_the_future', 0)", [])
        try await connection.close()
        // A store written by a newer pfbot can be backed up, but not restored by this one.
        let backup = directory.file("newer.backup")
        let summary = try await StoreBackup.backUpSQLite(database: database, to: backup)
        #expect(summary.migrations.contains("999_from_the_future"))
        await #expect(throws: StoreBackupError.newerSchema(backup, migration: "999_from_the_future")) {
            _ = try await StoreBackup.restoreSQLite(backup: backup, to: directory.file("restored/pfbot.sqlite"), force: false)
        }
        #expect(!FileManager.default.fileExists(atPath: directory.file("restored/pfbot.sqlite")))
        try Data(repeating: 0x41, count: 8192).write(to: URL(fileURLWithPath: directory.file("garbage.backup")))
        await #expect(throws: StoreBackupError.self) {
            _ = try await StoreBackup.restoreSQLite(backup: directory.file("garbage.backup"), to: directory.file("new/pfbot.sqlite"), force: false)
        }
        #expect(!FileManager.default.fileExists(atPath: directory.file("new/pfbot.sqlite")))
    }

    @Test func postgresBackup_isAPgDumpArchive() async throws {
        guard ProcessInfo.processInfo.environment[TestDatabase.postgresVariable] != nil else { return }
        let database = try await TestDatabase.make(.postgres)
        let directory = try TemporaryDirectory(prefix: "pfbot-backup")
        defer { directory.remove() }
        let store = try await database.open()
        _ = try await store.recordDelivery(Delivery(id: "pg-1", event: "ping", action: nil, body: Array("{}".utf8), receivedAt: Date()))
        try await store.close()
        guard case .postgres(let url) = database.location else { return }
        let bytes = try StoreBackup.backUpPostgres(url: url, password: nil, to: directory.file("pg.dump"))
        await database.remove()
        #expect(bytes > 0)
        let head = try Data(contentsOf: URL(fileURLWithPath: directory.file("pg.dump"))).prefix(5)
        #expect(head == Data("PGDMP".utf8))
    }
}
