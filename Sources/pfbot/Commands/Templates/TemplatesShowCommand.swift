import ArgumentParser
import Pipeline

/// `pfbot templates show PACK`: a pack's manifest and templates.
struct TemplatesShowCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Show a pack: when it applies, its files and destinations, variables, steps, checks and templates."
    )

    @Argument(help: "The pack's name (see `pfbot templates list`).")
    var pack: String

    @OptionGroup var packs: RepositoryPacks
    @OptionGroup var output: JSONOption

    func run() async throws {
        let library = try packs.library()
        guard let found = library.pack(named: pack) else {
            throw CommandFailure(code: "unknown_pack", message: "there is no pack named \(pack.debugDescription)",
                                 hint: "run `pfbot templates list` for the names" + (library.problems.isEmpty ? "" : "; a repository pack was refused:\n" + library.problems.map(\.description).joined(separator: "\n")))
        }
        let text = Self.describe(found)
        if output.json { try Output.success(MarkdownResult(markdown: text)) } else { Output.verbatim(text) }
    }

    static func describe(_ pack: TemplatePack) -> String {
        let manifest = pack.manifest
        var lines = ["# \(manifest.name) (\(pack.origin))", "", manifest.description, "", "## When", ""]
        lines.append("- categories: " + manifest.when.categories.map(\.rawValue).joined(separator: ", "))
        lines.append("- keywords: " + manifest.when.keywords.joined(separator: ", "))
        lines.append("- evidence types: " + manifest.when.evidenceTypes.joined(separator: ", "))
        lines += ["", "## Files", ""] + manifest.files.map { "- `\($0.template)` → `\($0.destination)`" }
        lines += ["", "## Variables", "", manifest.variables.map { "`\($0)`" }.joined(separator: ", ")]
        if !manifest.steps.isEmpty {
            lines += ["", "## Steps (run in GitHub Actions only)", ""]
            lines += manifest.steps.map { "- \($0.name): `\($0.run)` (timeout \($0.timeoutSeconds) s\($0.commit ? ", outputs committed" : ""))" }
        }
        if !manifest.checks.isEmpty {
            lines += ["", "## Checks", ""]
            lines += manifest.checks.map { check in
                "- \(check.rule)" + (check.parameters.isEmpty ? "" : ": " + check.parameters.sorted { $0.key < $1.key }.map { "\($0.key)=`\($0.value)`" }.joined(separator: ", "))
            }
        }
        for file in manifest.files {
            lines += ["", "## \(file.template)", "", "````", pack.templates[file.template] ?? "", "````"]
        }
        return lines.joined(separator: "\n")
    }
}
