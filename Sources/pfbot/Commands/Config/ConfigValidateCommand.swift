import ArgumentParser

/// `pfbot config validate`: every problem with its key path; non-zero exit when any.
struct ConfigValidateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check pfbot.yml, the environment overrides, the secrets and the database; write nothing.",
        discussion: "Prints one line per problem, naming the key and what to do, and exits 1 when there is any."
    )

    @OptionGroup var options: GlobalOptions

    func run() async throws {
        let (checks, _) = await ConfigurationChecks().run(explicitPath: options.config)
        let failed = checks.filter { !$0.ok }
        if options.json {
            Output.json(ValidationReport(valid: failed.isEmpty, checks: checks))
        } else if failed.isEmpty {
            checks.forEach { Output.line($0.line) }
        } else {
            failed.forEach { Output.error($0.line) }
        }
        if !failed.isEmpty { throw ExitCode.failure }
    }

    private struct ValidationReport: Encodable {
        var valid: Bool
        var checks: [Check]
    }
}
