import ArgumentParser
import Foundation
import Storage

/// `pfbot restore FILE`: puts a SQLite backup in place as the configured store.
struct RestoreCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "restore",
        abstract: "Restore the store from a backup written by pfbot backup (SQLite).",
        discussion: """
            The backup is checked first (PRAGMA integrity_check; a backup written by a newer pfbot is refused). An existing \
            store is replaced only with --force: stop pfbot serve first. For PostgreSQL use pg_restore (docs/operations.md).
            """
    )

    @OptionGroup var options: GlobalOptions

    @Argument(help: ArgumentHelp("The backup file.", valueName: "file"))
    var file: String

    @Flag(help: "Replace an existing store.")
    var force = false

    func run() async throws {
        let configuration = try loadConfiguration(options.config)
        guard case .sqlite(let path) = configuration.storage.location else {
            throw CommandFailure(code: "postgres_store", message: "the store is PostgreSQL",
                                 hint: "restore a pg_dump backup with pg_restore --clean --if-exists --no-owner --dbname=URL FILE (docs/operations.md)")
        }
        let summary = try await StoreBackup.restoreSQLite(backup: file, to: path, force: force)
        if options.json {
            try Output.success(RestoreResult(store: path, deliveries: summary.deliveries, schema: summary.migrations.last))
        } else {
            Output.line("✓ restored \(file) to \(path): \(summary.deliveries) deliveries, schema \(summary.migrations.last ?? "empty"); pending migrations apply when pfbot next opens the store")
        }
    }
}

/// `pfbot restore --json`'s result.
private struct RestoreResult: Encodable {
    var store: String
    var deliveries: Int
    var schema: String?
}
