import ArgumentParser

/// Options every subcommand takes.
struct GlobalOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Configuration file (default: $PFBOT_CONFIG, else ./pfbot.yml if present).", valueName: "path"))
    var config: String?

    @Flag(name: .long, help: "Print machine-readable JSON instead of text.")
    var json = false
}
