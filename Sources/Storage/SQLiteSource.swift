import AsyncKit
import Logging
import NIOCore
import NIOPosix
import SQLiteNIO

/// Opens SQLite connections to one file with the settings pfbot relies on: WAL (readers never block the
/// writer), a busy timeout (writers from other processes queue instead of failing), foreign keys, and full
/// synchronous commits (an acknowledged webhook survives a power cut). The log is checkpointed in the background
/// (``SQLiteCheckpointer``); SQLite's own checkpoint in the committing connection is only a backstop.
///
/// Each store gets its own thread pool with a thread per connection: SQLite calls block while they wait for the
/// write lock, and on a shared pool with fewer threads the lock holder could be starved of the thread it needs
/// to commit.
struct SQLiteSource: ConnectionPoolSource {
    let path: String
    let threadPool: NIOThreadPool

    func makeConnection(logger: Logger, on eventLoop: any EventLoop) -> EventLoopFuture<SQLiteConnection> {
        SQLiteConnection.open(storage: .file(path: path), threadPool: threadPool, logger: logger, on: eventLoop).flatMap { connection in
            let pragmas = ["PRAGMA busy_timeout = 15000", "PRAGMA journal_mode = WAL", "PRAGMA foreign_keys = ON", "PRAGMA synchronous = FULL"]
            return pragmas.reduce(eventLoop.makeSucceededVoidFuture()) { previous, pragma in
                previous.flatMap { connection.query(pragma).map { _ in } }
            }.map { connection }.flatMapError { error in
                connection.close().flatMapThrowing { throw error }
            }
        }
    }
}
