import JSON

/// A preliminary `submit` result.
public struct SubmitResult: Sendable, Equatable {
    /// e.g. `tesSUCCESS`, `terQUEUED`, `tefPAST_SEQ`.
    public let engineResult: String
    /// The numeric code.
    public let engineResultCode: Int
    /// Human-readable text.
    public let engineResultMessage: String
    /// `tx_json.hash`, when present.
    public let hash: String?

    init(result: [String: JSONValue]) throws {
        guard let engine = result["engine_result"]?.stringValue else { throw XRPLError.rpc(method: "submit", reason: "engine_result missing") }
        engineResult = engine
        engineResultCode = result["engine_result_code"]?.intValue.flatMap { Int(exactly: $0) } ?? 0
        engineResultMessage = result["engine_result_message"]?.stringValue ?? ""
        hash = result["tx_json"]?.objectValue?["hash"]?.stringValue
    }
}
