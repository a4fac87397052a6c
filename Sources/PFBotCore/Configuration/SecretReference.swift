import struct Foundation.URL

/// Where a secret comes from. The value itself is read only when used.
public enum SecretReference: Sendable, Equatable, CustomStringConvertible {
    /// A file holding the secret; it must not be readable by group or others.
    case file(path: String)
    /// An environment variable holding the secret.
    case environment(name: String)

    public var description: String {
        switch self {
        case .file(let path): return "file \(path)"
        case .environment(let name): return "environment variable \(name)"
        }
    }
}
