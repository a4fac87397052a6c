/// A command failed in a way the user can act on: a stable `code` for scripts, the `message` saying what went wrong,
/// the `hint` saying what to do, and, when the command got as far as a result (failed checks, a failing QC report),
/// that result. Printed by ``CommandErrorReporter`` as text on standard error or as the `--json` failure envelope.
struct CommandFailure: Error, CustomStringConvertible {
    /// A snake_case identifier that does not change between releases (docs/cli-json.md lists them).
    var code: String
    /// What went wrong; may span lines (one problem a line).
    var message: String
    /// What to do about it.
    var hint: String?
    /// The exit status.
    var exitCode: Int32 = 1
    /// The command's result, when it has one despite failing.
    var result: JSONText?

    var description: String { message + (hint.map { "\n\($0)" } ?? "") }
}
