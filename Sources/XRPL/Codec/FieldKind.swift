/// Serialized value kinds of `definitions.json` TYPES.
enum FieldKind: Sendable, Equatable {
    case uint8, uint16, uint32, uint64, int32, int64, fixed(Int), blob, accountID, amount, currency, issue, bridge, pathSet
    case vector256, number, object, array, unsupported

    init(typeName: String) {
        switch typeName {
        case "UInt8": self = .uint8
        case "UInt16": self = .uint16
        case "UInt32": self = .uint32
        case "UInt64": self = .uint64
        case "Int32": self = .int32
        case "Int64": self = .int64
        case "Hash128", "Hash160", "Hash192", "Hash256", "Hash384", "Hash512", "UInt96", "UInt384", "UInt512":
            self = .fixed(ScalarCodec.width(of: typeName))
        case "Blob": self = .blob
        case "AccountID": self = .accountID
        case "Amount": self = .amount
        case "Currency": self = .currency
        case "Issue": self = .issue
        case "XChainBridge": self = .bridge
        case "PathSet": self = .pathSet
        case "Vector256": self = .vector256
        case "Number": self = .number
        case "STObject": self = .object
        case "STArray": self = .array
        default: self = .unsupported
        }
    }
}
