import Foundation
import Logging
import SQLiteKit

/// Backups of the store (`pfbot backup`, `pfbot restore`), taken while `pfbot serve` runs.
///
/// SQLite: `VACUUM INTO`, which copies the database as of one read transaction (consistent, online: the server
/// keeps writing to the log meanwhile) into a new, compact file; the copy is checked with `PRAGMA
/// integrity_check` and then renamed into place, so a half-written backup never carries the final name.
/// (SQLite's `sqlite3_backup_*` API is not reachable: the store's SQLite is the copy bundled in sqlite-nio, whose
/// connection handle is not public. `VACUUM INTO` needs SQLite ≥ 3.27; the bundled one is 3.54.)
///
/// PostgreSQL: `pg_dump --format=custom`, checked by exit status and a non-empty file.
public enum StoreBackup {
    /// What a backup or a restore found.
    public struct Summary: Sendable, Equatable {
        /// Bytes in the backup file.
        public var bytes: Int
        /// Migrations the backed-up schema has applied.
        public var migrations: [String]
        /// Deliveries in the inbox.
        public var deliveries: Int
    }

    /// Copies the SQLite database at `database` to `output`.
    /// - Throws: ``StoreBackupError`` when the output exists, the database cannot be read, or the copy fails its check.
    public static func backUpSQLite(database: String, to output: String) async throws -> Summary {
        guard FileManager.default.fileExists(atPath: database) else { throw StoreBackupError.noDatabase(database) }
        guard !FileManager.default.fileExists(atPath: output) else { throw StoreBackupError.outputExists(output) }
        let partial = output + ".partial"
        try? FileManager.default.removeItem(atPath: partial)
        do {
            try await withConnection(database) { connection in
                _ = try await connection.query("PRAGMA busy_timeout = 15000", [])
                _ = try await connection.query("VACUUM INTO ?", [.text(partial)])
            }
            let summary = try await inspect(partial, requireKnownSchema: false)
            try FileManager.default.moveItem(atPath: partial, toPath: output)
            try? FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: output)
            return summary
        } catch {
            try? FileManager.default.removeItem(atPath: partial)
            throw error
        }
    }

    /// Puts the SQLite backup `backup` in place as the database `database`.
    /// - Parameter force: replace an existing database (stop `pfbot serve` first: a running server keeps its
    ///   old file open).
    /// - Throws: ``StoreBackupError`` when the backup is damaged, was written by a newer pfbot, or a database
    ///   exists and `force` is not set.
    public static func restoreSQLite(backup: String, to database: String, force: Bool) async throws -> Summary {
        guard FileManager.default.fileExists(atPath: backup) else { throw StoreBackupError.noDatabase(backup) }
        let summary = try await inspect(backup, requireKnownSchema: true)
        if FileManager.default.fileExists(atPath: database), !force { throw StoreBackupError.liveStore(database) }
        let directory = (database as NSString).deletingLastPathComponent
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        let staged = database + ".restoring"
        try? FileManager.default.removeItem(atPath: staged)
        try FileManager.default.copyItem(atPath: backup, toPath: staged)
        do {
            _ = try await inspect(staged, requireKnownSchema: true)
            // The old database's log belongs to the old file: it must not be replayed into the restored one.
            for suffix in ["-wal", "-shm"] { try? FileManager.default.removeItem(atPath: database + suffix) }
            if FileManager.default.fileExists(atPath: database) { try FileManager.default.removeItem(atPath: database) }
            try FileManager.default.moveItem(atPath: staged, toPath: database)
        } catch {
            try? FileManager.default.removeItem(atPath: staged)
            throw error
        }
        return summary
    }

    /// Checks a SQLite file: `PRAGMA integrity_check` says `ok`, it is a pfbot store, and (when asked) every
    /// migration it has applied is one this pfbot knows.
    /// - Parameter requireKnownSchema: refuse a store written by a newer pfbot (a backup of one is fine; a restore is not).
    /// - Throws: ``StoreBackupError/damaged(_:detail:)`` or ``StoreBackupError/newerSchema(_:migration:)``.
    public static func inspect(_ path: String, requireKnownSchema: Bool) async throws -> Summary {
        let found: (applied: [String], deliveries: Int)
        do {
            found = try await withConnection(path) { connection in
                let check = try await connection.query("PRAGMA integrity_check", []).compactMap { $0.column("integrity_check")?.string }
                guard check == ["ok"] else { throw StoreBackupError.damaged(path, detail: check.prefix(5).joined(separator: "; ")) }
                let applied = try await connection.query("SELECT id FROM schema_migrations ORDER BY id", []).compactMap { $0.column("id")?.string }
                let deliveries = try await connection.query("SELECT COUNT(*) AS n FROM deliveries", []).first?.column("n")?.integer ?? 0
                return (applied, deliveries)
            }
        } catch let error as StoreBackupError {
            throw error
        } catch {
            throw StoreBackupError.damaged(path, detail: "not a readable pfbot store: \(error)")
        }
        let (applied, deliveries) = found
        if requireKnownSchema {
            let known = Set(Migrations.all.map(\.id))
            if let unknown = applied.first(where: { !known.contains($0) }) { throw StoreBackupError.newerSchema(path, migration: unknown) }
        }
        let bytes = ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int) ?? 0
        return Summary(bytes: bytes, migrations: applied, deliveries: deliveries)
    }

    /// Dumps a PostgreSQL store with `pg_dump --format=custom --no-owner --file=OUTPUT URL` (the password, if
    /// any, in `PGPASSWORD`); restore it with `pg_restore --clean --if-exists --no-owner --dbname=URL OUTPUT`.
    /// - Throws: ``StoreBackupError`` when `pg_dump` is missing, fails, or writes nothing.
    public static func backUpPostgres(url: String, password: String?, to output: String, pgDump: String = "pg_dump") throws -> Int {
        guard !FileManager.default.fileExists(atPath: output) else { throw StoreBackupError.outputExists(output) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [pgDump, "--format=custom", "--no-owner", "--file=\(output)", url]
        var environment = ProcessInfo.processInfo.environment
        if let password { environment["PGPASSWORD"] = password }
        process.environment = environment
        let errors = Pipe()
        process.standardError = errors
        do {
            try process.run()
        } catch {
            throw StoreBackupError.pgDumpFailed(status: -1, detail: "cannot run \(pgDump) (\(error)); install the PostgreSQL client (apt-get install postgresql-client)")
        }
        let detail = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            try? FileManager.default.removeItem(atPath: output)
            throw StoreBackupError.pgDumpFailed(status: process.terminationStatus, detail: String(detail.suffix(2000)))
        }
        let bytes = ((try? FileManager.default.attributesOfItem(atPath: output))?[.size] as? Int) ?? 0
        guard bytes > 0 else { throw StoreBackupError.pgDumpFailed(status: 0, detail: "\(output) is empty") }
        try? FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: output)
        return bytes
    }

    /// Runs `body` on one connection of its own to `path` (no pool, no migrations: nothing is written to the store).
    private static func withConnection<T: Sendable>(_ path: String, _ body: @Sendable (SQLiteConnection) async throws -> T) async throws -> T {
        let connection = try await SQLiteConnection.open(storage: .file(path: path), logger: Logger(label: "pfbot.backup"))
        do {
            let result = try await body(connection)
            try await connection.close()
            return result
        } catch {
            try? await connection.close()
            throw error
        }
    }
}
