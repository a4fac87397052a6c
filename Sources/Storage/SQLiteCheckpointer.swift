import SQLKit

/// Copies the SQLite write-ahead log into the database file in the background, so commits do not.
///
/// SQLite's own checkpoint runs inside the commit that crosses `wal_autocheckpoint` pages: that commit then also
/// writes the log's pages into the database file and flushes it, and its callers wait several milliseconds
/// longer than the rest. Here a passive checkpoint (it never waits for readers or writers) runs every
/// `busyInterval` while the log grows, so each one writes and flushes little and the log's own flushes do not queue
/// behind a large one; when nothing was written since the last one, the wait doubles up to `idleInterval`.
/// SQLite's automatic checkpoint stays as the backstop.
struct SQLiteCheckpointer: Sendable {
    let lender: any DatabaseLender
    var busyInterval: Duration = .milliseconds(10)
    var idleInterval: Duration = .seconds(1)

    /// Checkpoints until cancelled. A failed checkpoint is retried at the next interval (the log is intact either
    /// way; it only grows until one succeeds).
    func run() async {
        var wait = busyInterval
        var lastLogFrames = -1
        while !Task.isCancelled {
            try? await Task.sleep(for: wait)
            guard !Task.isCancelled else { return }
            let logFrames = try? await lender.withConnection { database in
                try await database.raw("PRAGMA wal_checkpoint(PASSIVE)").first().map { try $0.decode(column: "log", as: Int.self) }
            }
            if let logFrames, logFrames == lastLogFrames {
                wait = min(wait * 2, idleInterval)
            } else {
                wait = busyInterval
            }
            lastLogFrames = (logFrames ?? nil) ?? -1
        }
    }
}
