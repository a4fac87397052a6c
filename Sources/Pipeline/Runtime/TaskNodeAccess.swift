import Foundation
import PFBotConfig
import PFBotCore
import PostFiat
import XRPL

/// How pfbot reaches the Task Node: the base URL, the wallet that signs, and the files that keep the session and
/// the pending writes. The one place where the wallet secret and those files are resolved from the configuration,
/// for the bot and for the `pfbot task …` commands alike.
public struct TaskNodeAccess: Sendable {
    /// The Task Node's base URL.
    public var baseURL: URL
    /// The wallet that logs in and signs writes.
    public var secret: WalletSecret
    /// The wallet session cookie, kept between runs (mode 0600).
    public var sessionFile: URL
    /// Writes sent but not yet confirmed, resent with the same event id after a crash.
    public var pendingFile: URL
    /// The per-wallet hourly write caps the client keeps to (`tasknode.agent_caps`).
    public var agentCaps: AgentCapTier = .standard

    /// Resolves the access from the configuration.
    /// - Parameters:
    ///   - configuration: the loaded configuration.
    ///   - secrets: reads the wallet secret.
    ///   - baseURL: replaces `tasknode.url` (the CLI's `--tasknode-url`).
    ///   - stateDirectory: replaces the data directory for the session and pending-write files (`--state-dir`).
    /// - Throws: ``AssemblyError`` when no wallet is configured or its secret cannot be read.
    public static func resolve(_ configuration: Configuration, secrets: SecretReader, baseURL: URL? = nil, stateDirectory: String? = nil) throws -> TaskNodeAccess {
        let secret: WalletSecret?
        do throws(ConfigProblem) {
            secret = try walletSecret(configuration.wallet, secrets: secrets)
        } catch {
            throw AssemblyError.secret(error.description)
        }
        guard let secret else {
            throw AssemblyError.missing("wallet.seed_file", "set wallet.seed_file (mode 0600), PFBOT_WALLET_SEED, wallet.mnemonic_file or PFBOT_WALLET_MNEMONIC")
        }
        let directory = URL(fileURLWithPath: stateDirectory ?? configuration.dataDirectory, isDirectory: true)
        var access = TaskNodeAccess(baseURL: baseURL ?? configuration.taskNode.url, secret: secret,
                                    sessionFile: directory.appendingPathComponent("tasknode-session.json"),
                                    pendingFile: directory.appendingPathComponent("tasknode-pending.json"))
        access.agentCaps = configuration.taskNode.agentCaps
        return access
    }

    /// The client's caps for a tier (``AgentCapTier/none``: no count that could ever be reached).
    static func caps(_ tier: AgentCapTier) -> AgentCaps {
        switch tier {
        case .standard: return .standard
        case .trusted: return .trusted
        case .none: return AgentCaps(taskAction: .max, taskSubmission: .max, taskVerificationResponse: .max, taskRequest: .max)
        }
    }

    /// The configured wallet secret (a seed wins over a mnemonic), or `nil` when none is configured.
    /// - Throws: the reader's problem when the secret's file or variable cannot be read.
    public static func walletSecret(_ wallet: WalletSettings, secrets: SecretReader) throws(ConfigProblem) -> WalletSecret? {
        if let seed = wallet.seed {
            return .seed(try secrets.read(seed, keyPath: "wallet.seed_file").trimmingCharacters(in: .whitespacesAndNewlines))
        }
        if let mnemonic = wallet.mnemonic {
            return .mnemonic(try secrets.read(mnemonic, keyPath: "wallet.mnemonic_file").trimmingCharacters(in: .whitespacesAndNewlines))
        }
        return nil
    }

    /// A client that signs with the wallet and keeps its session and pending writes in the files.
    /// - Throws: the XRPL module's error when the seed or mnemonic is invalid.
    public func client() throws -> TaskNodeClient {
        TaskNodeClient(configuration: TaskNodeConfiguration(baseURL: baseURL, agentCaps: Self.caps(agentCaps)), signer: try secret.wallet(),
                       sessionStore: FileSessionStore(url: sessionFile), pendingWrites: FilePendingWriteStore(url: pendingFile))
    }
}

/// Where a wallet secret comes from.
public enum WalletSecret: Equatable, Sendable {
    /// A family seed (`s…`, `sEd…`).
    case seed(String)
    /// A BIP39 mnemonic.
    case mnemonic(String)

    /// The XRPL wallet for this secret.
    /// - Throws: the XRPL module's error when the seed or mnemonic is invalid.
    public func wallet() throws -> Wallet {
        switch self {
        case .seed(let seed): return try Wallet(seed: seed)
        case .mnemonic(let words): return try Wallet(mnemonic: words)
        }
    }
}
