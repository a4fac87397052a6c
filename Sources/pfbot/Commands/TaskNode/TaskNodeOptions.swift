import ArgumentParser
import Foundation
import Pipeline
import PostFiat

/// Options shared by the Task Node commands.
struct TaskNodeOptions: ParsableArguments {
    @Option(name: .customLong("tasknode-url"), help: "Task Node base URL (default: tasknode.url, https://tasknode.postfiat.org).")
    var taskNodeURL: String?

    @Option(name: .customLong("state-dir"), help: "Folder for the session and pending-write files (default: the data directory, data_dir).")
    var stateDirectory: String?

    @Option(name: .long, help: ArgumentHelp("Configuration file (default: $PFBOT_CONFIG, else ./pfbot.yml if present).", valueName: "path"))
    var config: String?

    @Flag(name: .long, help: "Print one JSON object instead of text, on success and on error (docs/cli-json.md).")
    var json = false

    /// A client built from these options and the environment.
    func makeClient() throws -> TaskNodeClient {
        let settings = try TaskNodeSettings.resolve(configPath: config, urlOption: taskNodeURL, stateDirectory: stateDirectory,
                                                    environment: ProcessInfo.processInfo.environment)
        return try settings.client()
    }
}
