import Foundation

/// Identifies a trust line from the holder's side.
struct TrustLineKey: Hashable, Sendable {
    let holder: String
    let issuer: String
    let currency: String
}

/// A trust line: what `holder` holds of `issuer`'s `currency`, up to `limit`.
struct TrustLine: Sendable {
    var balance: Decimal
    var limit: Decimal
}
