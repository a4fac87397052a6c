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
        let report = ValidationReport(valid: failed.isEmpty, checks: checks)
        guard failed.isEmpty else {
            throw CommandFailure(code: "invalid_configuration", message: failed.map(\.text).joined(separator: "\n"),
                                 hint: "fix each key named above (docs/configuration.md) and run `pfbot config validate` again",
                                 result: try JSONText(report))
        }
        if options.json { try Output.success(report) } else { checks.forEach { Output.line($0.line) } }
    }

    private struct ValidationReport: Encodable {
        var valid: Bool
        var checks: [Check]
    }
}
