import ArgumentParser
import Pipeline

/// `pfbot templates reference`: docs/templates.md, generated from the code (scripts/gen-config-docs writes it).
struct TemplatesReferenceCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reference",
        abstract: "Print docs/templates.md: the pack.yml keys, every variable, the checks and the built-in packs (Markdown)."
    )

    @OptionGroup var output: JSONOption

    func run() async throws {
        let text = try TemplatesReference.markdown()
        if output.json { try Output.success(MarkdownResult(markdown: text)) } else { Output.verbatim(text) }
    }
}
