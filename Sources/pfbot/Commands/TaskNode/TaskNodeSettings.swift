import Foundation
import PFBotConfig
import PFBotCore
import PostFiat

/// The Task Node settings of one CLI run: the configuration (`pfbot.yml`, `PFBOT_…` environment) with the
/// command-line options on top. URL: `--tasknode-url`, else `tasknode.url`. Wallet: `wallet.seed_file`,
/// `PFBOT_WALLET_SEED`, `wallet.mnemonic_file` or `PFBOT_WALLET_MNEMONIC`. Session and pending-write files:
/// `--state-dir`, else the data directory.
struct TaskNodeSettings {
    let baseURL: URL
    let secret: WalletSecret
    let sessionFile: URL
    let pendingFile: URL

    /// Resolves the settings.
    /// - Throws: ``TaskNodeSettingsError`` naming what is missing or wrong.
    static func resolve(
        configPath: String? = nil, urlOption: String?, stateDirectory: String?, environment: [String: String],
        workingDirectory: String = FileManager.default.currentDirectoryPath
    ) throws -> TaskNodeSettings {
        let configuration: Configuration
        do {
            configuration = try ConfigurationLoader(environment: environment, workingDirectory: workingDirectory).load(explicit: configPath).configuration
        } catch {
            throw TaskNodeSettingsError.configuration(error.description)
        }
        var url = configuration.taskNode.url
        if let urlOption {
            guard let parsed = URL(string: urlOption), let scheme = parsed.scheme, ["http", "https"].contains(scheme), parsed.host != nil else {
                throw TaskNodeSettingsError.invalidURL(urlOption)
            }
            url = parsed
        }
        let secret = try resolveSecret(configuration.wallet, reader: SecretReader(environment: environment))
        let directory = URL(fileURLWithPath: stateDirectory ?? configuration.dataDirectory, isDirectory: true)
        return TaskNodeSettings(baseURL: url, secret: secret,
                                sessionFile: directory.appendingPathComponent("tasknode-session.json"),
                                pendingFile: directory.appendingPathComponent("tasknode-pending.json"))
    }

    static func resolveSecret(_ wallet: WalletSettings, reader: SecretReader) throws -> WalletSecret {
        do throws(ConfigProblem) {
            if let seed = wallet.seed {
                return .seed(try reader.read(seed, keyPath: "wallet.seed_file").trimmingCharacters(in: .whitespacesAndNewlines))
            }
            if let mnemonic = wallet.mnemonic {
                return .mnemonic(try reader.read(mnemonic, keyPath: "wallet.mnemonic_file").trimmingCharacters(in: .whitespacesAndNewlines))
            }
        } catch {
            throw TaskNodeSettingsError.secret(error.description)
        }
        throw TaskNodeSettingsError.noWallet
    }
}
