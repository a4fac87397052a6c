import ArgumentParser
import PFBotConfig

/// `pfbot config keys`: the reference table of every key, as in docs/configuration.md.
struct ConfigKeysCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "keys",
        abstract: "Print every configuration key with its type, default and environment variable (Markdown)."
    )

    @Flag(help: "Print the keys of a repository's .github/pfbot.yml instead.")
    var repository = false

    @OptionGroup var output: JSONOption

    func run() async throws {
        let table = repository ? ConfigReference.repositoryMarkdownTable() : ConfigReference.markdownTable()
        if output.json { try Output.success(MarkdownResult(markdown: table)) } else { Output.verbatim(table) }
    }
}
