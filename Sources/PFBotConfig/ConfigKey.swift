/// One key of `pfbot.yml`: its path, type, default, environment variable and documentation.
///
/// The list in ``ConfigSchema`` drives parsing, environment overrides, validation and
/// `docs/configuration.md`, so the four cannot drift apart.
public struct ConfigKey: Sendable, Equatable {
    /// Dotted path, e.g. `tasknode.url`.
    public let path: String
    /// The value's type and limits.
    public let kind: Kind
    /// The default as it would be written in YAML; `nil` when unset by default.
    public let defaultValue: String?
    /// One sentence on what the key does.
    public let summary: String

    /// The environment variable overriding this key: `PFBOT_` + the path in upper case, dots as `_`.
    public var environmentName: String {
        "PFBOT_" + path.uppercased().replacingOccurrences(of: ".", with: "_")
    }

    /// Value types.
    public enum Kind: Sendable, Equatable {
        case string
        case integer(ClosedRange<Int>)
        case number(ClosedRange<Double>)
        case boolean
        case url
        case amount
        case choice([String])
        case list
        case urlList
        /// A path to a file holding a secret (checked for existence and permissions).
        case secretFile
        /// Several secret files (rotation).
        case secretFileList

        /// How the type reads in the documentation.
        public var documentation: String {
            switch self {
            case .string: return "string"
            case .integer(let range): return "integer \(range.lowerBound)–\(range.upperBound)"
            case .number(let range): return "number \(range.lowerBound)–\(range.upperBound)"
            case .boolean: return "true/false"
            case .url: return "URL"
            case .amount: return "PFT amount (decimal)"
            case .choice(let options): return options.joined(separator: " \\| ")
            case .list: return "list of strings (env: comma-separated)"
            case .urlList: return "list of URLs (env: comma-separated)"
            case .secretFile: return "path to a secret file (mode 0600)"
            case .secretFileList: return "list of paths to secret files (env: comma-separated)"
            }
        }

        var isList: Bool {
            switch self {
            case .list, .urlList, .secretFileList: return true
            default: return false
            }
        }
    }

    public init(_ path: String, _ kind: Kind, default defaultValue: String? = nil, _ summary: String) {
        self.path = path
        self.kind = kind
        self.defaultValue = defaultValue
        self.summary = summary
    }
}
