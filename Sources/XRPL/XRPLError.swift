/// Everything that can go wrong in the XRPL module, with enough context to act on.
public enum XRPLError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A hex string had an odd length or a non-hex character.
    case invalidHex(String)
    /// A base58 string had a character outside the ripple alphabet, a bad checksum or an unexpected version/length.
    case invalidBase58(String)
    /// A classic address or X-address could not be decoded.
    case invalidAddress(String)
    /// A family seed could not be decoded or has the wrong length.
    case invalidSeed(String)
    /// A BIP39 mnemonic was rejected.
    case invalidMnemonic(String)
    /// A public or private key was rejected.
    case invalidKey(String)
    /// Signing failed inside the crypto library.
    case signingFailed(String)
    /// A JSON field could not be encoded; `field` names it.
    case invalidField(field: String, reason: String)
    /// A field name is not in `definitions.json`.
    case unknownField(String)
    /// Binary input ended early or held an invalid value; `field` names where.
    case malformedBinary(field: String, reason: String)
    /// `definitions.json` could not be loaded.
    case definitionsUnavailable(String)
    /// A JSON-RPC call failed.
    case rpc(method: String, reason: String)
    /// rippled answered with an error object.
    case server(method: String, error: String, message: String)
    /// A transaction could not be built, signed or submitted.
    case transaction(String)

    /// A sentence saying what went wrong and what to do.
    public var description: String {
        switch self {
        case .invalidHex(let why): return "Invalid hex: \(why). Pass an even number of 0-9/A-F characters."
        case .invalidBase58(let why): return "Invalid base58: \(why). Check for typos in the encoded string."
        case .invalidAddress(let why): return "Invalid address: \(why). Use a classic r… address or an X-address."
        case .invalidSeed(let why): return "Invalid family seed: \(why). Use an s… seed (29 or 31 characters)."
        case .invalidMnemonic(let why): return "Invalid mnemonic: \(why). Use the 12–24 English BIP39 words exactly."
        case .invalidKey(let why): return "Invalid key: \(why)."
        case .signingFailed(let why): return "Signing failed: \(why)."
        case .invalidField(let field, let reason): return "Cannot encode field \(field): \(reason)."
        case .unknownField(let name): return "Unknown field \(name): it is not in definitions.json; remove it or fix its spelling."
        case .malformedBinary(let field, let reason): return "Malformed binary at \(field): \(reason)."
        case .definitionsUnavailable(let why): return "definitions.json unavailable: \(why)."
        case .rpc(let method, let reason): return "JSON-RPC \(method) failed: \(reason). Check the server URL and retry later."
        case .server(let method, let error, let message): return "Server rejected \(method): \(error) \(message)"
        case .transaction(let why): return "Transaction error: \(why)."
        }
    }
}
