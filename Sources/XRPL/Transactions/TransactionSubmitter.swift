import JSON

/// Autofills, signs, submits and follows one transaction to a final result, without ever risking a double spend.
///
/// A signed blob is only ever re-sent unchanged (same hash); a new blob is built only once the old one is provably
/// dead (`expired`) or was rejected outright.
public struct TransactionSubmitter: Sendable {
    private let rpc: any LedgerRPC
    private let signer: TransactionSigner
    private let policy: SubmissionPolicy
    private let clock: ContinuousClock
    private let sleep: @Sendable (Duration) async throws -> Void

    /// A submitter over `rpc`.
    public init(
        rpc: any LedgerRPC, codec: BinaryCodec, policy: SubmissionPolicy = SubmissionPolicy(),
        sleep: @escaping @Sendable (Duration) async throws -> Void = { try await Task.sleep(for: $0) }
    ) {
        self.rpc = rpc
        signer = TransactionSigner(codec: codec)
        self.policy = policy
        clock = ContinuousClock()
        self.sleep = sleep
    }

    /// Fills Sequence (account_info), Fee (`fee`, clamped to the cap), LastLedgerSequence (current + offset) and
    /// NetworkID (only when the server's network id is above 1024), keeping any value already present.
    public func autofill(_ transaction: JSONValue, account: String) async throws -> JSONValue {
        guard case .object(var tx) = transaction else { throw XRPLError.transaction("a transaction must be a JSON object") }
        tx["Account"] = tx["Account"] ?? .string(account)
        if tx["Sequence"] == nil {
            tx["Sequence"] = .int(Int(try await rpc.accountInfo(address: account).sequence))
        }
        if tx["Fee"] == nil {
            let fee = try await rpc.fee()
            let wanted = max(fee.baseFee, fee.openLedgerFee)
            tx["Fee"] = .string(String(min(wanted, policy.feeCapDrops)))
        }
        if tx["LastLedgerSequence"] == nil {
            tx["LastLedgerSequence"] = .int(Int(try await rpc.ledgerCurrent() + policy.ledgerOffset))
        }
        if tx["NetworkID"] == nil, let network = try await rpc.serverInfo().networkID, network > 1024 {
            tx["NetworkID"] = .int(Int(network))
        }
        if tx["Flags"] == nil { tx["Flags"] = .int(0) }
        return .object(tx)
    }

    /// Autofills and signs `transaction` for `wallet`.
    public func prepare(_ transaction: JSONValue, wallet: Wallet) async throws -> SignedTransaction {
        try signer.sign(try await autofill(transaction, account: wallet.address), with: wallet)
    }

    /// Submits a signed transaction and waits until it is validated, rejected or expired, or the deadline passes.
    /// - Throws: `XRPLError.transaction` on deadline (the hash is in the message: check it with `tx` later).
    public func submitAndWait(_ signed: SignedTransaction) async throws -> SubmissionOutcome {
        let start = clock.now
        let lastLedger = signed.json["LastLedgerSequence"].flatMap { integer($0) }.flatMap { UInt32(exactly: $0) }
        if let outcome = try await submitOnce(signed) { return outcome }
        while clock.now - start < policy.deadline {
            if let record = try? await rpc.transaction(hash: signed.hash), record.validated {
                return .validated(hash: signed.hash, result: record.result ?? "unknown", ledgerIndex: record.ledgerIndex)
            }
            if let lastLedger, let validated = try? await rpc.validatedLedgerIndex(), validated > lastLedger {
                if let record = try? await rpc.transaction(hash: signed.hash), record.validated {
                    return .validated(hash: signed.hash, result: record.result ?? "unknown", ledgerIndex: record.ledgerIndex)
                }
                return .expired(hash: signed.hash, lastLedgerSequence: lastLedger)
            }
            try await sleep(policy.pollInterval)
        }
        throw XRPLError.transaction("no validated result for \(signed.hash) within the deadline; it may still land, check it by hash")
    }

    /// Sends the blob; returns a final outcome only for results that mean it can never be applied.
    private func submitOnce(_ signed: SignedTransaction) async throws -> SubmissionOutcome? {
        let result: SubmitResult
        do {
            result = try await rpc.submit(txBlob: signed.txBlob)
        } catch let error as XRPLError {
            if case .server = error { throw error }
            // Transport failure: the blob may or may not have reached the server. Only the same blob is ever re-sent.
            if (try? await rpc.transaction(hash: signed.hash)) != nil { return nil }
            result = try await rpc.submit(txBlob: signed.txBlob)
        }
        let code = result.engineResult
        if code == "tesSUCCESS" || code.hasPrefix("tec") || code.hasPrefix("ter") { return nil }
        if code == "tefPAST_SEQ" || code == "tefALREADY" {
            // The sequence is used: by this very transaction (then wait for it) or by another one (then it is dead).
            if (try? await rpc.transaction(hash: signed.hash)) != nil { return nil }
        }
        return .rejected(hash: signed.hash, engineResult: code, message: result.engineResultMessage)
    }
}

