import ArgumentParser
import Foundation
import PFBotConfig
import PFBotCore

/// Loads the configuration for a command, printing every problem and exiting 1 when it is invalid.
func loadConfiguration(_ explicitPath: String?, environment: [String: String] = ProcessInfo.processInfo.environment) throws -> Configuration {
    do {
        return try ConfigurationLoader(environment: environment).load(explicit: explicitPath).configuration
    } catch {
        error.problems.forEach { Output.error("✗ \($0.description)") }
        throw ExitCode.failure
    }
}

/// This process's name in job claims and leases: host and pid.
enum ProcessIdentity {
    static let name = "\(ProcessInfo.processInfo.hostName)#\(ProcessInfo.processInfo.processIdentifier)"
}
