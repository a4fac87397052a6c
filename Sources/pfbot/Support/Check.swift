/// One line of `pfbot doctor` or `pfbot config validate`: what was checked, whether it passed, and the fix.
struct Check: Encodable {
    var name: String
    var ok: Bool
    var detail: String

    /// `name: detail`.
    var text: String { "\(name): \(detail)" }

    /// `✓ name: detail` or `✗ name: detail`.
    var line: String { "\(ok ? "✓" : "✗") \(text)" }
}
