import Foundation
import JSON
import Sandbox
import XRPL

extension SandboxWorld {
    /// The Task Node's reward wallet in the sandbox: the xrpl.js fixture seed (public, funded only on the emulator).
    public static let rewardWalletSeed = "sp5fghtJtpUorTwvof1NpDXAzNwf5"

    /// The reward worker: decides the reward of a task whose verification answer is in, pays a reward above 0 PFT
    /// from the reward wallet on the ledger emulator (round(reward × 10^6) drops, protocol §5), lets the Task Node
    /// report the payment's hash, and, when `validate`, closes the ledger so the payment is validated.
    /// - Returns: the payment's hash, `nil` for a rejection.
    @discardableResult
    public func decideReward(taskID: String, decision: String, pft: Decimal, validate: Bool = true) async throws -> String? {
        try await taskNode.decideReward(taskID: taskID, decision: decision, pft: pft)
        guard let paid = await taskNode.task(taskID)?.rewardPFT, paid > 0 else { return nil }
        let hash = try await pay(drops: NSDecimalNumber(decimal: paid * 1_000_000).int64Value, to: wallet.address)
        try await taskNode.recordRewardPayment(taskID: taskID, hash: hash)
        if validate { await ledger.closeLedger() }
        return hash
    }

    /// Submits a Payment of `drops` from the reward wallet to `destination`; returns its hash (not yet validated).
    public func pay(drops: Int64, to destination: String) async throws -> String {
        let rpc = JSONRPCClient(configuration: JSONRPCConfiguration(urls: [ledgerServer.url], maxAttempts: 2, retryDelay: .milliseconds(10)))
        let submitter = TransactionSubmitter(rpc: rpc, codec: try BinaryCodec())
        let signed = try await submitter.prepare(.object([
            "TransactionType": .string("Payment"), "Destination": .string(destination), "Amount": .string(String(drops)),
        ]), wallet: try Wallet(seed: Self.rewardWalletSeed))
        let result = try await rpc.submit(txBlob: signed.txBlob)
        guard result.engineResult == "tesSUCCESS" else {
            throw DemoError.rewardPaymentRefused(result.engineResult + ": " + result.engineResultMessage)
        }
        return signed.hash
    }
}
