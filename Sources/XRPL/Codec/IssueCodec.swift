import JSON

/// Issue and XChainBridge values (xrpl.js `issue.ts`, `xchain-bridge.ts`).
enum IssueCodec {
    /// The "no account" marker that tells an MPT issue apart from an issued currency.
    private static let noAccount: [UInt8] = [UInt8](repeating: 0, count: 19) + [1]

    static func encode(_ value: JSONValue, field: String) throws -> [UInt8] {
        guard case .object(let o) = value else { throw XRPLError.invalidField(field: field, reason: "expected an issue object") }
        if case .string(let idHex)? = o["mpt_issuance_id"] {
            guard idHex.utf8.count == 48, let id = try? Hex.decode(idHex) else {
                throw XRPLError.invalidField(field: field, reason: "mpt_issuance_id must be 48 hex characters")
            }
            return Array(id[4...]) + noAccount + [id[3], id[2], id[1], id[0]]
        }
        guard case .string(let currency)? = o["currency"] else {
            throw XRPLError.invalidField(field: field, reason: "an issue needs currency (and issuer unless XRP) or mpt_issuance_id")
        }
        let currencyBytes = try CurrencyCodec.encode(currency, field: field)
        if currency == "XRP" {
            guard o["issuer"] == nil else { throw XRPLError.invalidField(field: field, reason: "XRP has no issuer") }
            return currencyBytes
        }
        guard case .string(let issuer)? = o["issuer"] else { throw XRPLError.invalidField(field: field, reason: "issuer missing") }
        return currencyBytes + (try ScalarCodec.accountID(issuer, field: field))
    }

    static func decode(_ b: UnsafeRawBufferPointer, at offset: Int, field: String) throws -> (JSONValue, Int) {
        guard offset + 20 <= b.count else { throw XRPLError.malformedBinary(field: field, reason: "truncated issue") }
        let currency = CurrencyCodec.decode(b, at: offset)
        if currency == "XRP" && (0..<20).allSatisfy({ b[offset + $0] == 0 }) { return (.object(["currency": .string("XRP")]), 20) }
        guard offset + 40 <= b.count else { throw XRPLError.malformedBinary(field: field, reason: "truncated issue issuer") }
        let second = Array(UnsafeRawBufferPointer(rebasing: b[(offset + 20)..<(offset + 40)]))
        if second == noAccount {
            guard offset + 44 <= b.count else { throw XRPLError.malformedBinary(field: field, reason: "truncated MPT issue") }
            let sequence = [b[offset + 43], b[offset + 42], b[offset + 41], b[offset + 40]]
            let id = sequence + Array(UnsafeRawBufferPointer(rebasing: b[offset..<(offset + 20)]))
            return (.object(["mpt_issuance_id": .string(Hex.encode(id))]), 44)
        }
        return (.object(["currency": .string(currency), "issuer": .string(AddressCodec.encodeAccountID(second))]), 40)
    }

    static func encodeBridge(_ value: JSONValue, field: String) throws -> [UInt8] {
        guard case .object(let o) = value, case .string(let lockingDoor)? = o["LockingChainDoor"],
            let lockingIssue = o["LockingChainIssue"], case .string(let issuingDoor)? = o["IssuingChainDoor"],
            let issuingIssue = o["IssuingChainIssue"]
        else { throw XRPLError.invalidField(field: field, reason: "needs LockingChainDoor/Issue and IssuingChainDoor/Issue") }
        return [20] + (try ScalarCodec.accountID(lockingDoor, field: field)) + (try encode(lockingIssue, field: field))
            + [20] + (try ScalarCodec.accountID(issuingDoor, field: field)) + (try encode(issuingIssue, field: field))
    }

    static func decodeBridge(_ b: UnsafeRawBufferPointer, at offset: Int, field: String) throws -> (JSONValue, Int) {
        var position = offset
        var result = [String: JSONValue]()
        for (door, issue) in [("LockingChainDoor", "LockingChainIssue"), ("IssuingChainDoor", "IssuingChainIssue")] {
            guard position + 21 <= b.count, b[position] == 20 else { throw XRPLError.malformedBinary(field: field, reason: "bad \(door)") }
            result[door] = .string(AddressCodec.encodeAccountID(Array(UnsafeRawBufferPointer(rebasing: b[(position + 1)..<(position + 21)]))))
            position += 21
            let (value, used) = try decode(b, at: position, field: field)
            result[issue] = value
            position += used
        }
        return (.object(result), position - offset)
    }
}
