/// A template pack: its manifest, its template files and where it comes from.
public struct TemplatePack: Sendable, Equatable {
    /// Where a pack comes from.
    public enum Origin: Sendable, Equatable, CustomStringConvertible {
        /// Shipped with pfbot (`templates/<pack>/`).
        case builtIn
        /// From the repository's default branch, at this folder.
        case repository(folder: String)

        /// `built-in` or `repository (<folder>)`.
        public var description: String {
            switch self {
            case .builtIn: return "built-in"
            case .repository(let folder): return "repository (\(folder))"
            }
        }
    }

    /// The parsed `pack.yml`.
    public var manifest: PackManifest
    /// Template path inside the pack folder → template text.
    public var templates: [String: String]
    /// Where the pack comes from.
    public var origin: Origin

    /// Creates a pack.
    public init(manifest: PackManifest, templates: [String: String], origin: Origin) {
        self.manifest = manifest
        self.templates = templates
        self.origin = origin
    }

    /// The pack's name.
    public var name: String { manifest.name }
}
