import ArgumentParser
import Pipeline

/// `pfbot templates list`: every pack and where it comes from.
struct TemplatesListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List the template packs with where each comes from (built-in or the repository).",
        discussion: "Exits 1, naming file and line, when a repository pack is invalid; pfbot then uses the built-in pack of that name."
    )

    @OptionGroup var packs: RepositoryPacks
    @OptionGroup var output: JSONOption

    struct Row: Encodable {
        var name: String
        var origin: String
        var categories: [String]
        var description: String
    }

    func run() async throws {
        let library = try packs.library()
        let rows = library.packs.map { Row(name: $0.name, origin: $0.origin.description, categories: $0.manifest.when.categories.map(\.rawValue),
                                           description: $0.manifest.description) }
        if output.json {
            if library.problems.isEmpty { try Output.success(rows) }
        } else {
            Output.line("| pack | from | categories | description |\n|---|---|---|---|")
            for row in rows { Output.line("| \(row.name) | \(row.origin) | \(row.categories.joined(separator: ", ")) | \(row.description) |") }
        }
        try RepositoryPacks.refuse(library)
    }
}
