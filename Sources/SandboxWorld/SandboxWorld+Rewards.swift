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
        let hash = try await pay(drops: NSDecimalNumber(decimal: paid * 1_000_000).int64Value, to: wallet.address, rewardOf: [taskID])
        try await taskNode.recordRewardPayment(taskID: taskID, hash: hash)
        if validate { await ledger.closeLedger() }
        return hash
    }

    /// Submits a Payment of `drops` from the reward wallet to `destination`, with a reward pointer memo for each task
    /// of `rewardOf` (protocol §5: the reward worker's payment has one `pf.ptr` memo, kind REWARD, field 5 the task id);
    /// returns its hash (not yet validated).
    public func pay(drops: Int64, to destination: String, rewardOf taskIDs: [String] = []) async throws -> String {
        let rpc = JSONRPCClient(configuration: JSONRPCConfiguration(urls: [ledgerServer.url], maxAttempts: 2, retryDelay: .milliseconds(10)))
        let submitter = TransactionSubmitter(rpc: rpc, codec: try BinaryCodec())
        var payment: [String: JSONValue] = [
            "TransactionType": .string("Payment"), "Destination": .string(destination), "Amount": .string(String(drops)),
        ]
        if !taskIDs.isEmpty { payment["Memos"] = .array(taskIDs.map(Self.rewardPointerMemo)) }
        let signed = try await submitter.prepare(.object(payment), wallet: try Wallet(seed: Self.rewardWalletSeed))
        let result = try await rpc.submit(txBlob: signed.txBlob)
        guard result.engineResult == "tesSUCCESS" else {
            throw DemoError.rewardPaymentRefused(result.engineResult + ": " + result.engineResultMessage)
        }
        return signed.hash
    }

    /// The reward worker's pointer memo, written out here field by field as the Task Node's `pftl-pointer.js` does
    /// (protobuf: 1 cid, 2 target 1, 3 kind 6, 4 schema 1, 5 task id, 8 flags encrypted), not with pfbot's own encoder.
    static func rewardPointerMemo(taskID: String) -> JSONValue {
        func text(_ field: UInt8, _ value: String) -> [UInt8] {
            let bytes = Array(value.utf8)
            return [field << 3 | 2, UInt8(bytes.count)] + bytes
        }
        let data = text(1, "bafkreireward" + taskID.suffix(8)) + [0x10, 0x01, 0x18, 0x06, 0x20, 0x01] + text(5, taskID) + [0x40, 0x01]
        func hex(_ bytes: [UInt8]) -> String { bytes.map { String(format: "%02X", $0) }.joined() }
        return .object(["Memo": .object([
            "MemoType": .string(hex(Array("pf.ptr".utf8))), "MemoFormat": .string(hex(Array("v4".utf8))), "MemoData": .string(hex(data)),
        ])])
    }
}
