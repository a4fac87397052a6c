/// Fields whose JSON form differs from their type's default.
enum SpecialField: Sendable, Equatable {
    case none, transactionType, ledgerEntryType, transactionResult, permissionValue, base10UInt64

    init(name: String) {
        switch name {
        case "TransactionType": self = .transactionType
        case "LedgerEntryType": self = .ledgerEntryType
        case "TransactionResult": self = .transactionResult
        case "PermissionValue": self = .permissionValue
        default: self = ScalarCodec.base10UInt64Fields.contains(name) ? .base10UInt64 : .none
        }
    }
}
