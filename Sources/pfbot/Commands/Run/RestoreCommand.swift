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
            Output.error("✗ the store is PostgreSQL: restore a pg_dump backup with pg_restore --clean --if-exists --no-owner --dbname=URL FILE (docs/operations.md)")
            throw ExitCode.failure
        }
        do {
            let summary = try await StoreBackup.restoreSQLite(backup: file, to: path, force: force)
            Output.line("✓ restored \(file) to \(path): \(summary.deliveries) deliveries, schema \(summary.migrations.last ?? "empty"); pending migrations apply when pfbot next opens the store")
        } catch let error as StoreBackupError {
            Output.error("✗ \(error)")
            throw ExitCode.failure
        }
    }
}
