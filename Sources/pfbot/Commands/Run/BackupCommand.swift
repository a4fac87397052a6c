import ArgumentParser
import Foundation
import PFBotConfig
import Storage

/// `pfbot backup --output FILE`: a consistent copy of the store, taken while `pfbot serve` runs.
struct BackupCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup",
        abstract: "Write a consistent copy of the store to a file, while pfbot serve keeps running.",
        discussion: """
            SQLite: VACUUM INTO (one read transaction; the server keeps writing meanwhile), then PRAGMA integrity_check on \
            the copy. PostgreSQL: pg_dump --format=custom (restore with pg_restore). The backup never overwrites a file and \
            is readable only by you (mode 600). Nothing is written to the store.
            """
    )

    @OptionGroup var options: GlobalOptions

    @Option(help: ArgumentHelp("The backup file to create (it must not exist).", valueName: "file"))
    var output: String

    func run() async throws {
        let configuration = try loadConfiguration(options.config)
        switch configuration.storage.location {
        case .sqlite(let path):
            let summary = try await StoreBackup.backUpSQLite(database: path, to: output)
            if options.json {
                try Output.success(BackupResult(output: output, bytes: summary.bytes, deliveries: summary.deliveries, schema: summary.migrations.last))
            } else {
                Output.line("✓ backed up \(path) to \(output): \(summary.bytes) bytes, \(summary.deliveries) deliveries, schema \(summary.migrations.last ?? "empty")")
            }
        case .postgres(let url):
            let password = try configuration.storage.password.map { try SecretReader().read($0, keyPath: "storage.password_file") }
            let bytes = try StoreBackup.backUpPostgres(url: url, password: password, to: output)
            if options.json {
                try Output.success(BackupResult(output: output, bytes: bytes, deliveries: nil, schema: nil))
            } else {
                Output.line("✓ dumped the PostgreSQL store to \(output): \(bytes) bytes (restore with pg_restore --clean --if-exists --no-owner --dbname=URL \(output))")
            }
        }
    }
}

/// `pfbot backup --json`'s result.
private struct BackupResult: Encodable {
    var output: String
    var bytes: Int
    var deliveries: Int?
    var schema: String?
}
