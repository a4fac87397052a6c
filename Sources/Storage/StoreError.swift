import struct Foundation.Date
import PFBotCore

/// Storage failures; each says what to do.
public enum StoreError: Error, Sendable, CustomStringConvertible {
    /// No task with this id.
    case notFound(String)
    /// The database could not be reached or opened.
    case unavailable(location: String, reason: String)
    /// A stored row could not be read back (corruption or a newer schema).
    case corruptRow(table: String, key: String, reason: String)
    /// The database has migrations this pfbot does not know (a newer pfbot wrote it).
    case newerSchema(migration: String)
    /// The store was closed (pfbot is shutting down) while this work still wanted it.
    case closed

    public var description: String {
        switch self {
        case .notFound(let key):
            return "Nothing stored under \(key); run `pfbot sync` to fetch tasks from the Task Node."
        case .unavailable(let location, let reason):
            return "Cannot open the database at \(location): \(reason). Check storage.url and that the database is running."
        case .corruptRow(let table, let key, let reason):
            return "A row in \(table) (\(key)) cannot be read: \(reason). Restore the database from a backup or remove the row."
        case .newerSchema(let migration):
            return "The database was migrated by a newer pfbot (migration \(migration)); upgrade pfbot before using it."
        case .closed:
            return "The store is closed: pfbot is shutting down. Work still in progress is retried when it starts again."
        }
    }
}
