import ArgumentParser
import Foundation
import PFBotConfig
import PFBotCore
import Storage

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

/// This process's name in job claims and leases: host, pid and a random part, so two containers with the same host
/// name and pid (both pid 1, say) never hold each other's leases.
enum ProcessIdentity {
    static let name = "\(ProcessInfo.processInfo.hostName)#\(ProcessInfo.processInfo.processIdentifier)#"
        + UUID().uuidString.prefix(8).lowercased()
}

/// Opens the configured store, with the PostgreSQL password from `storage.password_file` (or its environment
/// variable) when one is set, as `pfbot serve` does.
/// - Throws: a ``CommandFailure`` (`invalid_configuration`) when the password cannot be read; the store's errors.
func openStore(_ configuration: Configuration) async throws -> SQLStore {
    let password: String?
    do {
        password = try configuration.storage.password.map { try SecretReader().read($0, keyPath: "storage.password_file") }
    } catch {
        throw CommandFailure(code: "invalid_configuration", message: "\(error)", hint: "make the file readable by this user (mode 0600)")
    }
    return try await StoreFactory.open(configuration.storage.location, password: password)
}
