/// The kind of work a task is, which picks its templates and QC rules.
public enum Category: String, Sendable, Codable, CaseIterable, CustomStringConvertible {
    case code, docs, research, design, data, outreach, other

    /// The GitHub label for the category, e.g. `pf:code`.
    public var label: String { "pf:" + rawValue }

    public var description: String { rawValue }
}
