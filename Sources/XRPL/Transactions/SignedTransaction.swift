import JSON

/// A signed transaction ready for `submit`.
public struct SignedTransaction: Sendable, Equatable {
    /// Uppercase hex of the signed blob.
    public let txBlob: String
    /// The transaction ID (uppercase hex).
    public let hash: String
    /// The signed transaction as JSON.
    public let json: JSONValue
}
