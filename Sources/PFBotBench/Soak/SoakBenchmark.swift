import Foundation
import SandboxWorld

/// `PFBotBench soak --pfbot PATH [--tasks N] [--kill-every S] [--time-limit S] [--seed N] …`: the fault soak
/// (``SoakRun``). Prints a table, then one `SOAK …` line; exits 1 on any loss, duplicate or timeout.
enum SoakBenchmark {
    static func run(_ arguments: [String]) async throws {
        let options = try SoakOptions.parse(arguments)
        let result = try await SoakRun(options: options) { line in
            FileHandle.standardError.write(Data((line + "\n").utf8))
        }.run()
        print(result.table)
        print(result.line)
        if !result.passed { exit(1) }
    }
}
