import ArgumentParser
import Foundation
import PFBotConfig
import PFBotCore

/// Loads the configuration for a command.
/// - Throws: a ``CommandFailure`` (`invalid_configuration`) listing every problem with its key.
func loadConfiguration(_ explicitPath: String?, environment: [String: String] = ProcessInfo.processInfo.environment) throws -> Configuration {
    do {
        return try ConfigurationLoader(environment: environment).load(explicit: explicitPath).configuration
    } catch {
        throw CommandFailure(code: "invalid_configuration", message: error.problems.map(\.description).joined(separator: "\n"),
                             hint: "fix each key named above (docs/configuration.md), then check with `pfbot config validate`")
    }
}

/// This process's name in job claims and leases: host and pid.
enum ProcessIdentity {
    static let name = "\(ProcessInfo.processInfo.hostName)#\(ProcessInfo.processInfo.processIdentifier)"
}
