import Foundation

/// Settings that cannot be resolved.
enum TaskNodeSettingsError: Error, CustomStringConvertible {
    case invalidURL(String)
    case noWallet
    case secret(String)
    case configuration(String)

    var description: String {
        switch self {
        case .invalidURL(let text):
            return "Task Node URL \(text.debugDescription) is not an http(s) URL; fix --tasknode-url or tasknode.url."
        case .noWallet:
            return "No wallet configured: set wallet.seed_file (a file holding the seed, mode 0600), PFBOT_WALLET_SEED, "
                + "wallet.mnemonic_file or PFBOT_WALLET_MNEMONIC."
        case .secret(let problem):
            return problem
        case .configuration(let problems):
            return "The configuration has problems (run `pfbot config validate`):\n\(problems)"
        }
    }
}
