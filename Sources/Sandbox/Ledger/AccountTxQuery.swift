import Foundation
import JSON
import XRPL

/// `account_tx` and `tx` answers in the API v1 or v2 JSON shape (rippled defaults to v1), with `{ledger, seq}` markers.
struct AccountTxQuery {
    let state: LedgerState
    let codec: BinaryCodec

    func run(_ params: [String: JSONValue]) -> [String: JSONValue] {
        guard let account = params["account"]?.stringValue, AddressCodec.isValidClassicAddress(account) else {
            return RPCError.make("actMalformed", code: 35, message: "Account malformed.", params: params)
        }
        let minIndex = bound(params["ledger_index_min"], fallback: 1)
        let maxIndex = bound(params["ledger_index_max"], fallback: state.validatedIndex)
        let forward = params["forward"] == .bool(true)
        let requested = params["limit"]?.doubleValue.map { $0 >= 400 ? 400 : (Int(exactly: $0.rounded(.down)) ?? 200) } ?? 200
        let limit = min(max(requested, 10), 400)
        var matching = state.transactions.values.filter { stored in
            guard let index = stored.ledgerIndex else { return false }
            return index >= minIndex && index <= maxIndex && index <= state.validatedIndex && stored.accounts.contains(account)
        }
        matching.sort { ($0.ledgerIndex ?? 0, $0.transactionIndex) < ($1.ledgerIndex ?? 0, $1.transactionIndex) }
        if !forward { matching.reverse() }
        var start = 0
        if let marker = params["marker"] {
            guard let ledger = marker["ledger"]?.doubleValue, let seq = marker["seq"]?.doubleValue,
                let position = matching.firstIndex(where: { Double($0.ledgerIndex ?? 0) == ledger && Double($0.transactionIndex) == seq })
            else { return RPCError.make("invalidParams", code: 31, message: "Invalid field 'marker'.", params: params) }
            start = position
        }
        let page = matching[start..<min(start + limit, matching.count)]
        var result: [String: JSONValue] = [
            "account": .string(account), "ledger_index_min": .int(Int(minIndex)), "ledger_index_max": .int(Int(maxIndex)),
            "limit": .int(Int(limit)), "validated": .bool(true),
            "transactions": .array(page.map { .object(entry($0, apiVersion: Self.apiVersion(params))) }),
        ]
        if start + limit < matching.count {
            let next = matching[start + limit]
            result["marker"] = .object(["ledger": .int(Int(next.ledgerIndex ?? 0)), "seq": .int(Int(next.transactionIndex))])
        }
        return result
    }

    /// The requested API version: 2 when `api_version` is 2, else 1 (rippled's default).
    static func apiVersion(_ params: [String: JSONValue]) -> Int {
        params["api_version"] == .int(2) ? 2 : 1
    }

    /// One transaction as `account_tx` lists it: v2 `{tx_json, meta, hash, …}` with `DeliverMax` instead of `Amount`;
    /// v1 `{tx, meta, ledger_index, validated}` with the hash inside `tx` and both `Amount` and `DeliverMax`.
    func entry(_ stored: StoredTransaction, apiVersion: Int) -> [String: JSONValue] {
        let v2 = entryV2(stored)
        guard apiVersion == 1, case .object(var tx)? = v2["tx_json"] else { return v2 }
        if let deliverMax = tx["DeliverMax"] { tx["Amount"] = deliverMax }
        tx["hash"] = .string(stored.hash)
        var result: [String: JSONValue] = ["tx": .object(tx), "meta": .object(stored.meta), "validated": v2["validated"] ?? .bool(false)]
        result["ledger_index"] = v2["ledger_index"]
        return result
    }

    /// `tx` method answer: v2 as `account_tx` entries; v1 with the transaction fields at the top level.
    func transactionResult(_ stored: StoredTransaction, apiVersion: Int) -> [String: JSONValue] {
        guard apiVersion == 1 else { return entryV2(stored) }
        var result = stored.json
        result["hash"] = .string(stored.hash)
        result["meta"] = .object(stored.meta)
        let v2 = entryV2(stored)
        result["validated"] = v2["validated"]
        result["ledger_index"] = v2["ledger_index"]
        result["date"] = (v2["tx_json"]?.objectValue)?["date"]
        return result
    }

    private func entryV2(_ stored: StoredTransaction) -> [String: JSONValue] {
        var tx = stored.json
        if tx["TransactionType"]?.stringValue == "Payment", let amount = tx["Amount"] {
            tx["DeliverMax"] = amount
            tx["Amount"] = nil
        }
        var result: [String: JSONValue] = ["hash": .string(stored.hash), "meta": .object(stored.meta)]
        if let index = stored.ledgerIndex, let ledger = state.ledgers[index] {
            tx["ledger_index"] = .int(Int(index))
            tx["date"] = .int(Int(ledger.closeTime))
            result["ledger_index"] = .int(Int(index))
            result["ledger_hash"] = .string(ledger.hash)
            result["close_time_iso"] = .string(Self.iso(ledger.closeTime))
            result["validated"] = .bool(index <= state.validatedIndex)
        } else {
            result["validated"] = .bool(false)
        }
        result["tx_json"] = .object(tx)
        return result
    }

    private func bound(_ value: JSONValue?, fallback: UInt32) -> UInt32 {
        guard let n = value?.doubleValue, n >= 0, let v = UInt32(exactly: n) else { return fallback }
        return v
    }

    static func iso(_ rippleTime: Int64) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: Date(timeIntervalSince1970: TimeInterval(rippleTime + LedgerEmulator.rippleEpoch)))
    }
}
