import ArgumentParser

/// `pfbot config …`: check and document the configuration.
struct ConfigCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "config",
        abstract: "Check the configuration or print the reference of its keys.",
        subcommands: [ConfigValidateCommand.self, ConfigKeysCommand.self, ConfigCommandsCommand.self, ConfigSchemaCommand.self]
    )
}
