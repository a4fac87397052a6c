import Foundation
import PFBotConfig
import PFBotCore
import Pipeline
import PostFiat

/// The Task Node settings of one CLI run: the configuration (`pfbot.yml`, `PFBOT_…` environment) with the
/// command-line options on top. URL: `--tasknode-url`, else `tasknode.url`. Wallet: `wallet.seed_file`,
/// `PFBOT_WALLET_SEED`, `wallet.mnemonic_file` or `PFBOT_WALLET_MNEMONIC`. Session and pending-write files:
/// `--state-dir`, else the data directory.
/// The resolution itself is `TaskNodeAccess`'s, shared with the bot; this adds the command-line options and the CLI's errors.
enum TaskNodeSettings {
    /// Resolves the settings.
    /// - Throws: ``TaskNodeSettingsError`` naming what is missing or wrong.
    static func resolve(
        configPath: String? = nil, urlOption: String?, stateDirectory: String?, environment: [String: String],
        workingDirectory: String = FileManager.default.currentDirectoryPath
    ) throws -> TaskNodeAccess {
        let configuration: Configuration
        do {
            configuration = try ConfigurationLoader(environment: environment, workingDirectory: workingDirectory).load(explicit: configPath).configuration
        } catch {
            throw TaskNodeSettingsError.configuration(error.description)
        }
        var url: URL?
        if let urlOption {
            guard let parsed = URL(string: urlOption), let scheme = parsed.scheme, ["http", "https"].contains(scheme), parsed.host != nil else {
                throw TaskNodeSettingsError.invalidURL(urlOption)
            }
            url = parsed
        }
        do {
            return try TaskNodeAccess.resolve(configuration, secrets: SecretReader(environment: environment), baseURL: url, stateDirectory: stateDirectory)
        } catch AssemblyError.missing {
            throw TaskNodeSettingsError.noWallet
        } catch {
            throw TaskNodeSettingsError.secret(String(describing: error))
        }
    }
}
