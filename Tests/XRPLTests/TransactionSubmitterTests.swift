import JSON
import Testing
@testable import XRPL

/// A scripted `LedgerRPC`: answers from closures and counts calls per method.
actor ScriptedLedger: LedgerRPC {
    private(set) var calls: [String: Int] = [:]
    private let script: @Sendable (String, [String: JSONValue], Int) throws -> [String: JSONValue]

    init(script: @escaping @Sendable (String, [String: JSONValue], Int) throws -> [String: JSONValue]) {
        self.script = script
    }

    func call(method: String, params: [String: JSONValue]) async throws -> [String: JSONValue] {
        let count = calls[method, default: 0]
        calls[method] = count + 1
        return try script(method, params, count)
    }

    func count(_ method: String) -> Int { calls[method, default: 0] }
}

@Suite struct TransactionSubmitterTests {
    private func signedPayment() throws -> SignedTransaction {
        let wallet = try Wallet(seed: "sEdSKaCy2JT7JaM7v95H9SxkhP9wS2r")
        return try TransactionSigner(codec: try BinaryCodec()).sign(PaymentExampleTests.unsignedPayment(wallet: wallet), with: wallet)
    }

    @Test func transportErrorOnSubmit_checksByHash_andNeverSubmitsAgainWhenItLanded() async throws {
        let signed = try signedPayment()
        let hash = signed.hash
        let ledger = ScriptedLedger { method, _, _ in
            switch method {
            case "submit": throw XRPLError.rpc(method: "submit", reason: "connection reset")
            case "tx": return ["hash": .string(hash), "validated": .bool(true), "ledger_index": .int(999),
                               "meta": .object(["TransactionResult": .string("tesSUCCESS")])]
            default: return ["ledger_index": .int(999)]
            }
        }
        let submitter = TransactionSubmitter(rpc: ledger, codec: try BinaryCodec(), sleep: { _ in })
        #expect(try await submitter.submitAndWait(signed) == .validated(hash: hash, result: "tesSUCCESS", ledgerIndex: 999))
        #expect(await ledger.count("submit") == 1)
    }

    @Test func pastSequenceForSomeoneElsesTransaction_isRejected() async throws {
        let signed = try signedPayment()
        let ledger = ScriptedLedger { method, params, _ in
            switch method {
            case "submit": return ["engine_result": .string("tefPAST_SEQ"), "engine_result_code": .int(-190), "engine_result_message": .string("used")]
            case "tx": throw XRPLError.server(method: "tx", error: "txnNotFound", message: "Transaction not found.")
            default: return params
            }
        }
        let submitter = TransactionSubmitter(rpc: ledger, codec: try BinaryCodec(), sleep: { _ in })
        #expect(try await submitter.submitAndWait(signed) == .rejected(hash: signed.hash, engineResult: "tefPAST_SEQ", message: "used"))
    }

    @Test func deadline_throwsWithTheHashInsteadOfResubmitting() async throws {
        let signed = try signedPayment()
        let ledger = ScriptedLedger { method, _, _ in
            switch method {
            case "submit": return ["engine_result": .string("tesSUCCESS")]
            case "tx": throw XRPLError.server(method: "tx", error: "txnNotFound", message: "Transaction not found.")
            default: return ["ledger_index": .int(10)]
            }
        }
        let submitter = TransactionSubmitter(
            rpc: ledger, codec: try BinaryCodec(), policy: SubmissionPolicy(pollInterval: .milliseconds(1), deadline: .milliseconds(30)))
        await #expect(throws: XRPLError.self) { _ = try await submitter.submitAndWait(signed) }
        #expect(await ledger.count("submit") == 1)
    }
}
