import Foundation
import JSON
import XRPL

/// An in-memory rippled stand-in: accounts, trust lines, signature/sequence/fee/LastLedgerSequence checks, XRP and
/// issued-currency Payments with Memos, and the JSON-RPC methods the bot uses, in rippled's shapes and error codes.
///
/// Ledgers close when `closeLedger()` (or the `ledger_accept` method) is called; `LedgerEmulatorServer` can also close
/// them on a timer. A closed ledger is validated at once, as in stand-alone mode.
public actor LedgerEmulator {
    /// Ripple epoch offset: Unix seconds − 946684800.
    static let rippleEpoch: Int64 = 946_684_800

    private var state: LedgerState
    private let codec: BinaryCodec
    private let signer: TransactionSigner
    private let networkID: UInt32?
    private let now: @Sendable () -> Date
    private var queueNext = 0
    private var failNext: [String] = []

    /// An empty ledger.
    /// - Parameters:
    ///   - baseFee: minimum Fee in drops (`telINSUF_FEE_P` below it).
    ///   - accountReserve: drops an XRP payment must carry to create an account.
    ///   - networkID: reported by `server_info` when set.
    ///   - now: the clock used for close times.
    public init(
        baseFee: UInt64 = 10, accountReserve: UInt64 = 1_000_000, networkID: UInt32? = nil,
        now: @escaping @Sendable () -> Date = { Date() }
    ) throws {
        codec = try BinaryCodec()
        signer = TransactionSigner(codec: codec)
        self.networkID = networkID
        self.now = now
        state = LedgerState(baseFee: baseFee, accountReserve: accountReserve, genesisCloseTime: Int64(now().timeIntervalSince1970) - Self.rippleEpoch)
    }

    // MARK: - Test controls

    /// Creates (or tops up) an account with `drops`.
    public func fund(address: String, drops: UInt64) {
        if state.accounts[address] == nil {
            state.accounts[address] = EmulatedAccount(balance: drops, sequence: state.currentIndex)
        } else {
            let (sum, overflow) = (state.accounts[address]?.balance ?? 0).addingReportingOverflow(drops)
            state.accounts[address]?.balance = overflow ? UInt64.max : sum
        }
    }

    /// Closes and validates the open ledger; returns the new open ledger's index.
    @discardableResult
    public func closeLedger() -> UInt32 {
        state.close(closeTime: Int64(now().timeIntervalSince1970) - Self.rippleEpoch)
        return state.currentIndex
    }

    /// Whether a transaction with this hash was submitted (applied in a ledger, open or closed, or queued), so tests
    /// can close a ledger after a submission has arrived instead of guessing with a sleep.
    public func hasSeen(transaction hash: String) -> Bool {
        state.transactions[hash] != nil || state.queued.contains { $0.hash == hash }
    }

    /// The next `count` valid submissions answer `terQUEUED` and are applied after the next close.
    public func queueNextSubmissions(_ count: Int) { queueNext = count }

    /// The next requests fail with these rippled errors (e.g. `tooBusy`, `slowDown`), one per request.
    public func failNextRequests(with errors: [String]) { failNext = errors }

    /// The balance of `holder` on its trust line to `issuer` for `currency`, if the line exists.
    public func trustLineBalance(holder: String, issuer: String, currency: String) -> Decimal? {
        state.trustLines[TrustLineKey(holder: holder, issuer: issuer, currency: currency)]?.balance
    }

    /// The XRP balance of `address` in drops.
    public func balance(of address: String) -> UInt64? { state.accounts[address]?.balance }

    // MARK: - JSON-RPC

    /// Handles one JSON-RPC body; returns HTTP status and response body.
    public func handle(body: [UInt8]) -> (status: Int, body: [UInt8]) {
        guard case .object(let request)? = try? JSONValue.parse(body), let method = request["method"]?.stringValue else {
            return (400, Array("Unable to parse request: malformed JSON-RPC body".utf8))
        }
        let params: [String: JSONValue]
        switch request["params"] {
        case .array(let list)?: params = list.first?.objectValue ?? [:]
        case nil: params = [:]
        default: return (400, Array("Unable to parse request: params must be an array".utf8))
        }
        let result = respond(method: method, params: params)
        return (200, JSONValue.object(["result": .object(result)]).serialized())
    }

    /// The `result` object for one call.
    public func respond(method: String, params: [String: JSONValue]) -> [String: JSONValue] {
        if !failNext.isEmpty {
            let error = failNext.removeFirst()
            return RPCError.make(error, code: error == "tooBusy" ? 9 : 10, message: "The server is too busy to help you now.", params: params)
        }
        var result: [String: JSONValue]
        switch method {
        case "server_info": result = serverInfo()
        case "ping": result = [:]
        case "fee": result = fee()
        case "ledger_current": result = ["ledger_current_index": .int(Int(state.currentIndex))]
        case "ledger_accept":
            closeLedger()
            result = ["ledger_current_index": .int(Int(state.currentIndex))]
        case "ledger": result = ledger(params)
        case "account_info": result = accountInfo(params)
        case "submit": result = submit(params)
        case "tx": result = transaction(params)
        case "account_tx": result = AccountTxQuery(state: state, codec: codec).run(params)
        default: result = RPCError.make("unknownCmd", code: 32, message: "Unknown method.", params: params)
        }
        if result["status"] == nil { result["status"] = .string("success") }
        return result
    }

    private func serverInfo() -> [String: JSONValue] {
        var info: [String: JSONValue] = [
            "build_version": .string("pfbot-emulator"), "server_state": .string("full"),
            "complete_ledgers": .string("1-\(state.validatedIndex)"),
            "validated_ledger": .object([
                "seq": .int(Int(state.validatedIndex)), "hash": .string(LedgerState.ledgerHash(state.validatedIndex)),
                "base_fee_xrp": .double(Double(state.baseFee) / 1e6), "reserve_base_xrp": .double(Double(state.accountReserve) / 1e6),
            ]),
        ]
        if let networkID { info["network_id"] = .int(Int(networkID)) }
        return ["info": .object(info)]
    }

    private func fee() -> [String: JSONValue] {
        let base = String(state.baseFee)
        return [
            "drops": .object([
                "base_fee": .string(base), "median_fee": .string(String(state.baseFee * 500)), "minimum_fee": .string(base),
                "open_ledger_fee": .string(base),
            ]),
            "current_ledger_size": .string(String(state.openTransactions.count)), "current_queue_size": .string(String(state.queued.count)),
            "expected_ledger_size": .string("1000"), "max_queue_size": .string("2000"),
            "ledger_current_index": .int(Int(state.currentIndex)),
        ]
    }

    private func ledger(_ params: [String: JSONValue]) -> [String: JSONValue] {
        let index: UInt32
        switch params["ledger_index"] {
        case .string("current")?: index = state.currentIndex
        case .int(let n)?: index = UInt32(exactly: n) ?? 0
        case .double(let n)?: index = UInt32(exactly: n) ?? 0
        case .string(let s)? where UInt32(s) != nil: index = UInt32(s) ?? 0
        default: index = state.validatedIndex
        }
        if index == state.currentIndex {
            return ["ledger": .object(["ledger_index": .string(String(index)), "closed": .bool(false)]),
                "ledger_current_index": .int(Int(index)), "validated": .bool(false)]
        }
        guard let closed = state.ledgers[index] else { return RPCError.make("lgrNotFound", code: 21, message: "ledgerNotFound", params: params) }
        return [
            "ledger": .object([
                "ledger_index": .string(String(index)), "ledger_hash": .string(closed.hash), "closed": .bool(true),
                "close_time": .int(Int(closed.closeTime)), "close_time_iso": .string(AccountTxQuery.iso(closed.closeTime)),
            ]),
            "ledger_hash": .string(closed.hash), "ledger_index": .int(Int(index)), "validated": .bool(index <= state.validatedIndex),
        ]
    }

    private func accountInfo(_ params: [String: JSONValue]) -> [String: JSONValue] {
        guard let address = params["account"]?.stringValue, AddressCodec.isValidClassicAddress(address) else {
            return RPCError.make("actMalformed", code: 35, message: "Account malformed.", params: params)
        }
        guard let account = state.accounts[address] else {
            return RPCError.make("actNotFound", code: 19, message: "Account not found.", params: params)
        }
        return [
            "account_data": .object([
                "Account": .string(address), "Balance": .string(String(account.balance)), "Flags": .int(Int(account.flags)),
                "LedgerEntryType": .string("AccountRoot"), "OwnerCount": .int(Int(account.ownerCount)),
                "Sequence": .int(Int(account.sequence)),
            ]),
            "ledger_current_index": .int(Int(state.currentIndex)), "validated": .bool(false),
        ]
    }

    private func submit(_ params: [String: JSONValue]) -> [String: JSONValue] {
        guard let blobHex = params["tx_blob"]?.stringValue, let blob = try? Hex.decode(blobHex), !blob.isEmpty else {
            return RPCError.make("invalidParams", code: 31, message: "Missing field 'tx_blob'.", params: params)
        }
        guard case .object(let tx)? = try? codec.decode(blob) else {
            return RPCError.make("invalidTransaction", code: 46, message: "Unable to deserialize the transaction.", params: params)
        }
        guard signer.verifySignature(blob: blob), let key = tx["SigningPubKey"]?.stringValue,
            (try? AddressCodec.address(forPublicKeyHex: key)) == tx["Account"]?.stringValue
        else {
            return RPCError.make("invalidTransaction", code: 46, message: "fails local checks: Invalid signature.", params: params)
        }
        if let problem = MemoRules.problem(in: tx, codec: codec) {
            return RPCError.make("invalidTransaction", code: 46, message: "fails local checks: \(problem)", params: params)
        }
        let hash = BinaryCodec.transactionHash(blob: blob)
        let forceQueue = queueNext > 0
        let result = state.submit(hash: hash, tx: tx, forceQueue: forceQueue)
        if forceQueue && result == .queued { queueNext -= 1 }
        let account = tx["Account"]?.stringValue.flatMap { state.accounts[$0] }
        var txJSON = tx
        txJSON["hash"] = .string(hash)
        let applied = result.claimsFee
        return [
            "engine_result": .string(result.code), "engine_result_code": .int(Int(codec.definitions.transactionResultCode(result.code) ?? 0)),
            "engine_result_message": .string(result.message), "tx_blob": .string(Hex.encode(blob)), "tx_json": .object(txJSON),
            "accepted": .bool(applied || result == .queued), "applied": .bool(applied), "broadcast": .bool(applied),
            "kept": .bool(applied || result == .queued), "queued": .bool(result == .queued),
            "account_sequence_available": .int(Int(account?.sequence ?? 0)),
            "account_sequence_next": .int(Int(account?.sequence ?? 0)),
            "open_ledger_cost": .string(String(state.baseFee)), "validated_ledger_index": .int(Int(state.validatedIndex)),
        ]
    }

    private func transaction(_ params: [String: JSONValue]) -> [String: JSONValue] {
        guard let hash = params["transaction"]?.stringValue?.uppercased(), let stored = state.transactions[hash] else {
            var error = RPCError.make("txnNotFound", code: 29, message: "Transaction not found.", params: params)
            if params["min_ledger"] != nil && params["max_ledger"] != nil { error["searched_all"] = .bool(false) }
            return error
        }
        return AccountTxQuery(state: state, codec: codec).transactionResult(stored, apiVersion: AccountTxQuery.apiVersion(params))
    }
}
