import Foundation
import JSON
import XRPL

/// Accounts, trust lines, ledgers and transactions of the emulated ledger, with the transaction engine.
struct LedgerState: Sendable {
    var accounts: [String: EmulatedAccount] = [:]
    var trustLines: [TrustLineKey: TrustLine] = [:]
    var transactions: [String: StoredTransaction] = [:]
    var openTransactions: [String] = []
    var queued: [(hash: String, json: [String: JSONValue])] = []
    var ledgers: [UInt32: ClosedLedger] = [:]
    var currentIndex: UInt32 = 2
    var validatedIndex: UInt32 = 1
    let baseFee: UInt64
    let accountReserve: UInt64

    init(baseFee: UInt64, accountReserve: UInt64, genesisCloseTime: Int64) {
        self.baseFee = baseFee
        self.accountReserve = accountReserve
        ledgers[1] = ClosedLedger(index: 1, hash: Self.ledgerHash(1), closeTime: genesisCloseTime, transactionHashes: [])
    }

    static func ledgerHash(_ index: UInt32) -> String {
        Hex.encode(Hashing.sha512Half(Array("pfbot-emulated-ledger-\(index)".utf8)))
    }

    /// Checks sequence, fee and LastLedgerSequence, then applies the transaction to the open ledger.
    mutating func submit(hash: String, tx: [String: JSONValue], forceQueue: Bool) -> EngineResult {
        if transactions[hash] != nil || queued.contains(where: { $0.hash == hash }) { return .already }
        guard let account = tx["Account"]?.stringValue, let sender = accounts[account] else { return .noAccount }
        guard let fee = tx["Fee"]?.stringValue.flatMap({ UInt64($0) }) else { return .malformed }
        guard let sequence = tx["Sequence"]?.intValue.flatMap({ UInt32(exactly: $0) }) else { return .malformed }
        if fee < baseFee { return .insufficientFee }
        if let last = tx["LastLedgerSequence"]?.intValue.flatMap({ UInt32(exactly: $0) }), last < currentIndex { return .maxLedger }
        if sequence < sender.sequence { return .pastSequence }
        if sequence > sender.sequence { return .preSequence }
        if forceQueue {
            queued.append((hash, tx))
            return .queued
        }
        return apply(hash: hash, tx: tx, account: account, fee: fee)
    }

    private mutating func apply(hash: String, tx: [String: JSONValue], account: String, fee: UInt64) -> EngineResult {
        guard var sender = accounts[account], sender.balance >= fee else { return .insufficientFeeBalance }
        sender.balance -= fee
        sender.sequence += 1
        accounts[account] = sender
        var delivered: JSONValue?
        var touched: Set<String> = [account]
        let result: EngineResult
        switch tx["TransactionType"]?.stringValue {
        case "Payment":
            (result, delivered) = applyPayment(tx, from: account)
            if let destination = tx["Destination"]?.stringValue { touched.insert(destination) }
        case "TrustSet":
            result = applyTrustSet(tx, holder: account)
            if let issuer = tx["LimitAmount"]?["issuer"]?.stringValue { touched.insert(issuer) }
        case "AccountSet":
            result = .success
        default:
            result = .unknownType
        }
        guard result.claimsFee else {
            accounts[account]?.balance += fee
            accounts[account]?.sequence -= 1
            return result
        }
        var meta: [String: JSONValue] = [
            "TransactionResult": .string(result.code), "TransactionIndex": .int(Int(openTransactions.count)),
            "AffectedNodes": .array([]),
        ]
        if let delivered { meta["delivered_amount"] = delivered }
        transactions[hash] = StoredTransaction(
            hash: hash, json: tx, meta: meta, ledgerIndex: nil, transactionIndex: openTransactions.count, accounts: touched)
        openTransactions.append(hash)
        return result
    }

    private mutating func applyPayment(_ tx: [String: JSONValue], from account: String) -> (EngineResult, JSONValue?) {
        guard let destination = tx["Destination"]?.stringValue, let amount = tx["Amount"] else { return (.malformed, nil) }
        switch amount {
        case .string(let text):
            guard let drops = UInt64(text), drops > 0 else { return (.badAmount, nil) }
            guard let balance = accounts[account]?.balance, balance >= drops else { return (.unfunded, nil) }
            if accounts[destination] == nil {
                guard drops >= accountReserve else { return (.noDestinationInsufficientXRP, nil) }
                accounts[destination] = EmulatedAccount(balance: 0, sequence: currentIndex)
            }
            accounts[account]?.balance -= drops
            let (sum, overflow) = (accounts[destination]?.balance ?? 0).addingReportingOverflow(drops)
            accounts[destination]?.balance = overflow ? UInt64.max : sum
            return (.success, amount)
        case .object(let o):
            guard let currency = o["currency"]?.stringValue, let issuer = o["issuer"]?.stringValue,
                let valueText = o["value"]?.stringValue, let value = Decimal(string: valueText), value > 0
            else { return (.badAmount, nil) }
            guard accounts[destination] != nil else { return (.noDestination, nil) }
            return (transferIssued(value, currency: currency, issuer: issuer, from: account, to: destination), amount)
        default:
            return (.malformed, nil)
        }
    }

    private mutating func transferIssued(_ value: Decimal, currency: String, issuer: String, from: String, to: String) -> EngineResult {
        let fromKey = TrustLineKey(holder: from, issuer: issuer, currency: currency)
        let toKey = TrustLineKey(holder: to, issuer: issuer, currency: currency)
        if from != issuer {
            guard let line = trustLines[fromKey] else { return .pathDry }
            guard line.balance >= value else { return .unfunded }
        }
        if to != issuer {
            guard let line = trustLines[toKey] else { return .pathDry }
            guard line.balance + value <= line.limit else { return .pathPartial }
        }
        if from != issuer { trustLines[fromKey]?.balance -= value }
        if to != issuer { trustLines[toKey]?.balance += value }
        return .success
    }

    private mutating func applyTrustSet(_ tx: [String: JSONValue], holder: String) -> EngineResult {
        guard let limit = tx["LimitAmount"]?.objectValue, let currency = limit["currency"]?.stringValue,
            let issuer = limit["issuer"]?.stringValue, let value = limit["value"]?.stringValue.flatMap({ Decimal(string: $0) }), value >= 0
        else { return .malformed }
        guard accounts[issuer] != nil, issuer != holder else { return .noDestination }
        let key = TrustLineKey(holder: holder, issuer: issuer, currency: currency)
        if trustLines[key] == nil {
            trustLines[key] = TrustLine(balance: 0, limit: value)
            accounts[holder]?.ownerCount += 1
        } else {
            trustLines[key]?.limit = value
        }
        return .success
    }

    /// Closes the open ledger (and validates it, as stand-alone `ledger_accept` does); queued transactions move on.
    mutating func close(closeTime: Int64) {
        let index = currentIndex
        for hash in openTransactions { transactions[hash]?.ledgerIndex = index }
        ledgers[index] = ClosedLedger(index: index, hash: Self.ledgerHash(index), closeTime: closeTime, transactionHashes: openTransactions)
        openTransactions = []
        validatedIndex = index
        currentIndex = index + 1
        let waiting = queued
        queued = []
        for entry in waiting {
            guard let account = entry.json["Account"]?.stringValue, let fee = entry.json["Fee"]?.stringValue.flatMap({ UInt64($0) }) else { continue }
            if let last = entry.json["LastLedgerSequence"]?.intValue.flatMap({ UInt32(exactly: $0) }), last < currentIndex { continue }
            _ = apply(hash: entry.hash, tx: entry.json, account: account, fee: fee)
        }
    }
}
