import SQLKit

/// Copies the SQLite write-ahead log into the database file in the background, so commits do not.
///
/// SQLite's own checkpoint runs inside the commit that crosses `wal_autocheckpoint` pages: that commit then also
/// writes the log's pages into the database file and flushes it, and its callers wait several milliseconds
/// longer than the rest. Here a passive checkpoint (it never waits for readers or writers) runs every
/// `interval` on a connection of its own, and the automatic one is raised to a backstop (``SQLiteSource``) that
/// fires only if this falls behind.
struct SQLiteCheckpointer: Sendable {
    let lender: any DatabaseLender
    let interval: Duration

    /// Checkpoints until cancelled. A failed checkpoint is retried at the next interval (the log is intact
    /// either way; it only grows until one succeeds).
    func run() async {
        while !Task.isCancelled {
            try? await Task.sleep(for: interval)
            guard !Task.isCancelled else { return }
            _ = try? await lender.withConnection { database in
                try await database.raw("PRAGMA wal_checkpoint(PASSIVE)").run()
            }
        }
    }
}
