import ArgumentParser
import Pipeline

/// `pfbot config commands`: the `/pf` commands with their default permissions and the task states they apply in,
/// as the table of docs/commands.md (generated from the command registry).
struct ConfigCommandsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "commands",
        abstract: "Print every /pf command with its default permission and the task states it applies in (Markdown).",
        discussion: "The same table as docs/commands.md; `scripts/gen-config-docs` writes it there."
    )

    @OptionGroup var output: JSONOption

    func run() async throws {
        let table = CommandCatalog.markdownTable()
        if output.json { try Output.success(MarkdownResult(markdown: table)) } else { Output.verbatim(table) }
    }
}
