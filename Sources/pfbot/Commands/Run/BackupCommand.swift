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
        do {
            switch configuration.storage.location {
            case .sqlite(let path):
                let summary = try await StoreBackup.backUpSQLite(database: path, to: output)
                Output.line("✓ backed up \(path) to \(output): \(summary.bytes) bytes, \(summary.deliveries) deliveries, schema \(summary.migrations.last ?? "empty")")
            case .postgres(let url):
                let password = try configuration.storage.password.map { try SecretReader().read($0, keyPath: "storage.password_file") }
                let bytes = try StoreBackup.backUpPostgres(url: url, password: password, to: output)
                Output.line("✓ dumped the PostgreSQL store to \(output): \(bytes) bytes (restore with pg_restore --clean --if-exists --no-owner --dbname=URL \(output))")
            }
        } catch let error as StoreBackupError {
            Output.error("✗ \(error)")
            throw ExitCode.failure
        } catch let error as ConfigProblem {
            Output.error("✗ \(error.description)")
            throw ExitCode.failure
        }
    }
}
