import PFBotConfig
import Pipeline
import Storage

/// An error that knows its ``CommandFailure``: its stable code and what to do.
protocol CommandFailureConvertible: Error {
    /// The failure this error is reported as.
    var commandFailure: CommandFailure { get }
}

extension ActionError: CommandFailureConvertible {
    var commandFailure: CommandFailure {
        switch self {
        case .notInActions: return CommandFailure(code: "not_in_actions", message: description, hint: "outside GitHub Actions, run `pfbot sync`")
        case .badEvent: return CommandFailure(code: "bad_event", message: description, hint: "check GITHUB_EVENT_PATH names the runner's event file")
        }
    }
}

extension TaskNodeSettingsError: CommandFailureConvertible {
    var commandFailure: CommandFailure {
        CommandFailure(code: "invalid_configuration", message: description, hint: "run `pfbot config validate` to see each problem with its key")
    }
}

extension InitError: CommandFailureConvertible {
    var commandFailure: CommandFailure {
        switch self {
        case .filesExist: return CommandFailure(code: "files_exist", message: description, hint: nil)
        case .cannotWrite: return CommandFailure(code: "cannot_write", message: description, hint: nil)
        case .invalidURL, .invalidAction, .invalidGitHubURL: return CommandFailure(code: "usage", message: description, hint: nil, exitCode: 64)
        case .conversionFailed: return CommandFailure(code: "app_conversion_failed", message: description, hint: "run `pfbot init --app` again to get a new code")
        case .appRegistrationTimedOut: return CommandFailure(code: "timed_out", message: description, hint: "run `pfbot init --app` again, or raise --timeout")
        case .cannotServe: return CommandFailure(code: "cannot_serve", message: description, hint: "free the port or pass --port 0")
        }
    }
}

extension BranchSubmissionError: CommandFailureConvertible {
    var commandFailure: CommandFailure {
        switch self {
        case .noTask: return CommandFailure(code: "unknown_branch", message: description, hint: "run `pfbot sync`, or check the name with `pfbot tasks`")
        case .noPullRequest: return CommandFailure(code: "no_pull_request", message: description, hint: "run `/pf start` on the task's issue")
        }
    }
}

extension WebhookBodyFileError: CommandFailureConvertible {
    var commandFailure: CommandFailure { CommandFailure(code: "unreadable_payload", message: description, hint: nil) }
}

extension SecretSource.Failure: CommandFailureConvertible {
    var commandFailure: CommandFailure {
        CommandFailure(code: "missing_secret", message: description, hint: "secrets are read from a file of mode 0600 or stricter, or PFBOT_WALLET_SEED")
    }
}

extension AssemblyError: CommandFailureConvertible {
    var commandFailure: CommandFailure {
        CommandFailure(code: "invalid_configuration", message: String(describing: self), hint: "run `pfbot config validate` and `pfbot doctor`")
    }
}

extension ConfigProblem: CommandFailureConvertible {
    var commandFailure: CommandFailure {
        CommandFailure(code: "invalid_configuration", message: description, hint: "run `pfbot config validate` to see each problem with its key")
    }
}

extension StoreBackupError: CommandFailureConvertible {
    var commandFailure: CommandFailure { CommandFailure(code: "backup_failed", message: String(describing: self), hint: nil) }
}
