import Foundation
import JSON
import PFBotConfig
import XRPL

/// Reads wallet secrets from a private file or from `PFBOT_WALLET_SEED`.
enum SecretSource {
    /// Errors a user can fix.
    enum Failure: Error, CustomStringConvertible {
        case rejected(String)
        case missing

        var description: String {
            switch self {
            case .rejected(let problem): return problem
            case .missing: return "No secret given. Pass --seed-file or --mnemonic-file, or set PFBOT_WALLET_SEED."
            }
        }
    }

    /// The trimmed contents of `path`, through the same check as every pfbot secret (owner-only file, not empty).
    static func read(path: String) throws -> String {
        do throws(ConfigProblem) {
            return try SecretReader().read(.file(path: path), keyPath: "secret file").trimmingCharacters(in: .whitespacesAndNewlines)
        } catch {
            throw Failure.rejected(error.message)
        }
    }

    /// A wallet from `--seed-file`, `--mnemonic-file` or `PFBOT_WALLET_SEED` (a seed or a mnemonic), in that order.
    static func wallet(seedFile: String?, mnemonicFile: String?) throws -> Wallet {
        if let seedFile { return try Wallet(seed: try read(path: seedFile)) }
        if let mnemonicFile { return try Wallet(mnemonic: try read(path: mnemonicFile)) }
        guard let secret = ProcessInfo.processInfo.environment["PFBOT_WALLET_SEED"]?.trimmingCharacters(in: .whitespacesAndNewlines),
            !secret.isEmpty
        else { throw Failure.missing }
        return secret.contains(" ") ? try Wallet(mnemonic: secret) : try Wallet(seed: secret)
    }

    /// Prints a JSON object on one line.
    static func printJSON(_ object: [String: JSONValue]) {
        Output.verbatim(JSONValue.object(object).jsonString)
    }
}
