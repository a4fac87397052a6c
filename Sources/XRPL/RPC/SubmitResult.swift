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

    init(result: [String: LedgerJSON]) throws {
        guard let engine = result["engine_result"]?.string else { throw XRPLError.rpc(method: "submit", reason: "engine_result missing") }
        engineResult = engine
        engineResultCode = result["engine_result_code"]?.number.flatMap { Int(exactly: $0) } ?? 0
        engineResultMessage = result["engine_result_message"]?.string ?? ""
        hash = result["tx_json"]?.objectValue?["hash"]?.string
    }
}
