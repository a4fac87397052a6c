import ArgumentParser

/// `--json`, for the commands that take no ``GlobalOptions``.
struct JSONOption: ParsableArguments {
    @Flag(name: .long, help: "Print one JSON object instead of text, on success and on error (docs/cli-json.md).")
    var json = false
}
