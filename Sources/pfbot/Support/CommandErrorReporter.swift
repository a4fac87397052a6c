import ArgumentParser
import Foundation

/// Ends the process after a command threw: as text on standard error (ArgumentParser's own format for usage errors,
/// `✗ message` and the hint for a ``CommandFailure``), or, with `--json`, as the failure envelope on standard output.
struct CommandErrorReporter {
    /// Whether `--json` was given.
    let json: Bool

    /// Whether the arguments ask for JSON (`--json` before any `--`), decided before parsing so that a usage error
    /// is reported as JSON too.
    static func wantsJSON(_ arguments: [String]) -> Bool {
        arguments.prefix { $0 != "--" }.contains("--json")
    }

    /// Reports `error` and exits.
    func exit(with error: any Error) -> Never {
        let status = PFBot.exitCode(for: error)
        if let failure = (error as? CommandFailure) ?? (error as? any CommandFailureConvertible)?.commandFailure {
            if json { Output.failure(failure) } else { Output.failureText(failure) }
            Self.terminate(failure.exitCode)
        }
        guard json, status != .success else { PFBot.exit(withError: error) }
        Output.failure(Self.failure(for: error, status: status))
        Self.terminate(status.rawValue)
    }

    /// Flushes the output and ends the process at once. `exit` would run the C library's exit handlers while the
    /// process's event-loop threads still run, which can block for good on a lock one of them holds (seen as a
    /// `pfbot demo` that printed its error after SIGINT and never ended).
    private static func terminate(_ code: Int32) -> Never {
        fflush(nil)
        _exit(code)
    }

    /// The failure an error stands for, with a code a script can test.
    static func failure(for error: any Error, status: ExitCode) -> CommandFailure {
        let message = PFBot.message(for: error)
        if status == .validationFailure {
            return CommandFailure(code: "usage", message: message.isEmpty ? "invalid arguments" : message,
                                  hint: "run the command with --help for its arguments and options", exitCode: status.rawValue)
        }
        if error is ExitCode {
            return CommandFailure(code: "failed", message: "the command failed (exit status \(status.rawValue))",
                                  hint: "run it without --json for the details", exitCode: status.rawValue)
        }
        if error is TaskNodeSettingsError {
            return CommandFailure(code: "invalid_configuration", message: message,
                                  hint: "run `pfbot config validate` to see each problem with its key", exitCode: status.rawValue)
        }
        return CommandFailure(code: "error", message: message.isEmpty ? String(describing: error) : message, hint: nil, exitCode: status.rawValue)
    }
}
