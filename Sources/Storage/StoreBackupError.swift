/// Why a backup or a restore was refused. Each says what to do.
public enum StoreBackupError: Error, CustomStringConvertible, Equatable {
    /// There is no database (or backup file) at the path.
    case noDatabase(String)
    /// The backup file exists already.
    case outputExists(String)
    /// The file fails `PRAGMA integrity_check`, or is not a pfbot store.
    case damaged(String, detail: String)
    /// The backup holds a migration this pfbot does not know: it was written by a newer pfbot.
    case newerSchema(String, migration: String)
    /// A store exists where the backup would go.
    case liveStore(String)
    /// `pg_dump` failed or wrote nothing.
    case pgDumpFailed(status: Int32, detail: String)

    public var description: String {
        switch self {
        case .noDatabase(let path):
            return "there is no database at \(path); check storage.* and the data directory (pfbot config validate)"
        case .outputExists(let path):
            return "\(path) exists; choose a new file name (a backup never overwrites a file)"
        case .damaged(let path, let detail):
            return "\(path) is damaged or not a pfbot store (\(detail)); use another backup"
        case .newerSchema(let path, let migration):
            return "\(path) was written by a newer pfbot (it has migration \(migration)); restore it with that pfbot version or newer"
        case .liveStore(let path):
            return "a store exists at \(path); stop pfbot serve and pass --force to replace it (take a backup of it first)"
        case .pgDumpFailed(let status, let detail):
            return "pg_dump failed (exit status \(status)): \(detail)"
        }
    }
}
