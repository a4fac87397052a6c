import Foundation
import PostFiat

/// Where a wallet secret comes from.
enum WalletSecret: Equatable {
    /// A family seed (`s…`, `sEd…`).
    case seed(String)
    /// A BIP39 mnemonic.
    case mnemonic(String)
}
