import ArgumentParser

/// Options every subcommand takes.
struct GlobalOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Configuration file (default: $PFBOT_CONFIG, else ./pfbot.yml if present).", valueName: "path"))
    var config: String?

    @Flag(name: .long, help: "Print one JSON object instead of text, on success and on error (docs/cli-json.md).")
    var json = false
}
