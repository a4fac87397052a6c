import ArgumentParser

/// `pfbot templates …`: the template packs the executor renders, and a local preview of them.
struct TemplatesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "templates",
        abstract: "List, show, render and check template packs (built-in and the repository's .github/pfbot/templates/).",
        discussion: "docs/templates.md describes pack.yml, every template variable and the checks a pack can add.",
        subcommands: [TemplatesListCommand.self, TemplatesShowCommand.self, TemplatesRenderCommand.self, TemplatesCheckCommand.self, TemplatesReferenceCommand.self]
    )
}
