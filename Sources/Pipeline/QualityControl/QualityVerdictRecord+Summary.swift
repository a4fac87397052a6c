import Storage

extension QualityVerdictRecord {
    /// One line for `/pf status` and the demo: `success at \`abc123def456\` — All 7 QC rules passed`.
    public var summary: String {
        "\(conclusion) at `\(head.prefix(12))` — \(title)"
    }
}
