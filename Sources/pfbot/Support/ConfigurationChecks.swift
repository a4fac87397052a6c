import PFBotConfig
import PFBotCore
import Storage

/// The checks shared by `pfbot config validate` and `pfbot doctor`: the file parses, every secret it names is
/// present and private, and the database is reachable. Nothing is written.
struct ConfigurationChecks {
    let loader: ConfigurationLoader
    let secrets: SecretReader

    init(loader: ConfigurationLoader = ConfigurationLoader(), secrets: SecretReader = SecretReader()) {
        self.loader = loader
        self.secrets = secrets
    }

    /// Runs the checks; the configuration is returned when it loaded.
    func run(explicitPath: String?) async -> (checks: [Check], configuration: Configuration?) {
        let loaded: (configuration: Configuration, file: String?)
        do {
            loaded = try loader.load(explicit: explicitPath)
        } catch {
            let checks = error.problems.map { problem in
                Check(name: problem.origin.map { "\(problem.keyPath) (\($0))" } ?? problem.keyPath, ok: false, detail: problem.message)
            }
            return (checks, nil)
        }
        var checks = [Check(name: "configuration", ok: true, detail: loaded.file.map { "read \($0)" } ?? "no file; using embedded defaults")]
        checks += secretChecks(loaded.configuration)
        checks.append(await storageCheck(loaded.configuration))
        return (checks, loaded.configuration)
    }

    private func secretChecks(_ configuration: Configuration) -> [Check] {
        var named: [(String, SecretReference)] = []
        if let seed = configuration.wallet.seed { named.append(("wallet.seed_file", seed)) }
        if let mnemonic = configuration.wallet.mnemonic { named.append(("wallet.mnemonic_file", mnemonic)) }
        if let key = configuration.github.privateKey { named.append(("github.private_key_file", key)) }
        if let token = configuration.github.token { named.append(("github.token_file", token)) }
        for secret in configuration.github.webhookSecrets { named.append(("github.webhook_secret_files", secret)) }
        if let secret = configuration.notifications.webhookSecret { named.append(("notifications.webhook_secret_file", secret)) }
        if let password = configuration.storage.password { named.append(("storage.password_file", password)) }
        return named.map { key, reference in
            do throws(ConfigProblem) {
                try secrets.check(reference, keyPath: key)
                return Check(name: key, ok: true, detail: "\(reference) is present and private")
            } catch {
                return Check(name: key, ok: false, detail: error.message)
            }
        }
    }

    private func storageCheck(_ configuration: Configuration) async -> Check {
        var password: String?
        if let reference = configuration.storage.password {
            password = try? secrets.read(reference, keyPath: "storage.password_file")
        }
        do {
            try await StoreFactory.checkReachable(configuration.storage.location, password: password)
            return Check(name: "storage.url", ok: true, detail: "\(configuration.storage.location) is reachable")
        } catch {
            return Check(name: "storage.url", ok: false, detail: String(describing: error))
        }
    }
}
