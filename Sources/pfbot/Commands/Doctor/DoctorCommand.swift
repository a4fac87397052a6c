import ArgumentParser
import Git
import PFBotConfig

/// `pfbot doctor`: a ✓/✗ line per thing pfbot needs, with the fix for each ✗.
struct DoctorCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "doctor",
        abstract: "Check the configuration, storage, libgit2, the wallet, the Task Node and GitHub.",
        discussion: "Exits 1 when any check fails; each failing line says what to fix."
    )

    @OptionGroup var options: GlobalOptions

    func run() async throws {
        var (checks, configuration) = await ConfigurationChecks().run(explicitPath: options.config)
        checks.append(Self.libgit2Check())
        if let configuration { checks += await ServiceChecks(configuration: configuration, secrets: SecretReader()).run() }
        let failed = checks.filter { !$0.ok }
        if options.json {
            let result = try JSONText(DoctorReport(checks: checks))
            guard failed.isEmpty else {
                throw CommandFailure(code: "checks_failed", message: failed.map(\.text).joined(separator: "\n"),
                                     hint: "each failing check says what to fix", result: result)
            }
            Output.success(result)
            return
        }
        checks.forEach { Output.line($0.line) }
        if !failed.isEmpty { throw ExitCode.failure }
    }

    private struct DoctorReport: Encodable {
        var checks: [Check]
    }

    static func libgit2Check() -> Check {
        guard let libgit2 = try? LibGit2Version.current() else {
            return Check(name: "libgit2", ok: false, detail: "cannot read the libgit2 version; reinstall libgit2-dev (apt-get install libgit2-dev)")
        }
        guard libgit2.features.contains(.https) else {
            return Check(name: "libgit2", ok: false, detail: "libgit2 \(libgit2) was built without HTTPS; install Debian's libgit2-dev")
        }
        return Check(name: "libgit2", ok: true, detail: "libgit2 \(libgit2) with HTTPS")
    }
}
