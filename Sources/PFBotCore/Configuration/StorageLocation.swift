import struct Foundation.URL

/// Where pfbot keeps its state.
public enum StorageLocation: Sendable, Equatable, CustomStringConvertible {
    /// A SQLite file (the default, under the data directory).
    case sqlite(path: String)
    /// A PostgreSQL database by URL (`postgres://user@host:5432/db`); the password comes from a secret.
    case postgres(url: String)

    public var description: String {
        switch self {
        case .sqlite(let path): return "SQLite file \(path)"
        case .postgres(let url): return "PostgreSQL \(url)"
        }
    }
}
