import JSON

/// The seam between the pipeline and a rippled JSON-RPC server (or a test double).
///
/// Implementations only provide `call`; the typed methods live in an extension.
public protocol LedgerRPC: Sendable {
    /// Calls `method` with one parameter object and returns the `result` object.
    /// - Throws: `XRPLError.server` when the result carries an `error`, `XRPLError.rpc` on transport failures.
    func call(method: String, params: [String: JSONValue]) async throws -> [String: JSONValue]
}

extension LedgerRPC {
    /// `server_info`.
    public func serverInfo() async throws -> ServerInfo {
        ServerInfo(result: try await call(method: "server_info", params: [:]))
    }

    /// `account_info` on the current (open) ledger.
    public func accountInfo(address: String, ledgerIndex: String = "current") async throws -> AccountInfo {
        let result = try await call(method: "account_info", params: ["account": .string(address), "ledger_index": .string(ledgerIndex)])
        return try AccountInfo(result: result)
    }

    /// `fee`.
    public func fee() async throws -> FeeInfo {
        try FeeInfo(result: try await call(method: "fee", params: [:]))
    }

    /// `ledger_current`: the open ledger's index.
    public func ledgerCurrent() async throws -> UInt32 {
        let result = try await call(method: "ledger_current", params: [:])
        guard let index = result["ledger_current_index"]?.intValue.flatMap({ UInt32(exactly: $0) }) else {
            throw XRPLError.rpc(method: "ledger_current", reason: "ledger_current_index missing")
        }
        return index
    }

    /// The latest validated ledger index (`ledger` with `ledger_index: "validated"`).
    public func validatedLedgerIndex() async throws -> UInt32 {
        let result = try await call(method: "ledger", params: ["ledger_index": .string("validated")])
        let value = result["ledger_index"] ?? result["ledger"]?.objectValue?["ledger_index"]
        switch value {
        case .int(let n)?: if let v = UInt32(exactly: n) { return v }
        case .double(let n)?: if let v = UInt32(exactly: n) { return v }
        case .string(let s)?: if let v = UInt32(s) { return v }
        default: break
        }
        throw XRPLError.rpc(method: "ledger", reason: "ledger_index missing")
    }

    /// `submit` in submit-only mode.
    public func submit(txBlob: String) async throws -> SubmitResult {
        try SubmitResult(result: try await call(method: "submit", params: ["tx_blob": .string(txBlob), "fail_hard": .bool(false)]))
    }

    /// `tx` (API v2); `nil` when the server answers `txnNotFound`.
    public func transaction(hash: String) async throws -> TransactionRecord? {
        do {
            let result = try await call(
                method: "tx", params: ["transaction": .string(hash), "binary": .bool(false), "api_version": .int(2)])
            return TransactionRecord(entry: result)
        } catch XRPLError.server(_, let error, _) where error == "txnNotFound" {
            return nil
        }
    }

    /// One page of `account_tx` (API v2 shape). Pass the previous page's `marker` to continue.
    public func accountTransactions(
        address: String, limit: Int = 200, marker: JSONValue? = nil, forward: Bool = false,
        ledgerIndexMin: Int = -1, ledgerIndexMax: Int = -1
    ) async throws -> AccountTxPage {
        var params: [String: JSONValue] = [
            "account": .string(address), "limit": .int(Int(limit)), "forward": .bool(forward), "binary": .bool(false),
            "ledger_index_min": .int(Int(ledgerIndexMin)), "ledger_index_max": .int(Int(ledgerIndexMax)),
            "api_version": .int(2),
        ]
        if let marker { params["marker"] = marker }
        return AccountTxPage(result: try await call(method: "account_tx", params: params))
    }

    /// Every `account_tx` entry from `marker` on, following markers; `onPage` sees each page's marker to save progress.
    public func allAccountTransactions(
        address: String, from marker: JSONValue? = nil, forward: Bool = true, pageLimit: Int = 200,
        onPage: @Sendable (JSONValue?) async -> Void = { _ in }
    ) async throws -> [AccountTxEntry] {
        var entries = [AccountTxEntry]()
        var next = marker
        repeat {
            let page = try await accountTransactions(address: address, limit: pageLimit, marker: next, forward: forward)
            entries += page.transactions
            next = page.marker
            await onPage(next)
        } while next != nil
        return entries
    }
}
