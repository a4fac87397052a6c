/// The Task Node's task kind (`kind`: "Personal", "Network", "Alpha"). Unknown kinds are kept, not dropped.
public enum TaskKind: Hashable, Sendable, Codable, CustomStringConvertible {
    case personal
    case network
    case alpha
    case other(String)

    /// Reads a kind case-insensitively; anything unrecognised is kept as `.other`.
    public init(label: String) {
        switch label.lowercased() {
        case "personal": self = .personal
        case "network": self = .network
        case "alpha": self = .alpha
        default: self = .other(label)
        }
    }

    /// The lowercase name used in configuration, labels and requests.
    public var name: String {
        switch self {
        case .personal: return "personal"
        case .network: return "network"
        case .alpha: return "alpha"
        case .other(let label): return label.lowercased()
        }
    }

    public var description: String { name }

    public init(from decoder: any Decoder) throws {
        self.init(label: try decoder.singleValueContainer().decode(String.self))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(name)
    }
}
