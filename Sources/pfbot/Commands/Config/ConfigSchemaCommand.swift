import ArgumentParser
import PFBotConfig

/// `pfbot config schema`: the JSON Schema of a repository's `.github/pfbot.yml` (docs/pfbot.schema.json).
struct ConfigSchemaCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schema",
        abstract: "Print the JSON Schema of a repository's .github/pfbot.yml (as published in docs/pfbot.schema.json)."
    )

    @OptionGroup var output: JSONOption

    func run() async throws {
        let schema = ConfigJSONSchema.repositoryFile()
        if output.json { try Output.success(SchemaResult(schema: schema)) } else { Output.verbatim(schema) }
    }

    /// The `--json` result: `{"schema": "<the schema as JSON text>"}`.
    private struct SchemaResult: Encodable {
        var schema: String
    }
}
