import XRPL

/// rippled's JSON-RPC error object.
enum RPCError {
    static func make(_ error: String, code: Int, message: String, params: [String: LedgerJSON]) -> [String: LedgerJSON] {
        [
            "error": .string(error), "error_code": .number(Double(code)), "error_message": .string(message),
            "request": .object(params), "status": .string("error"),
        ]
    }
}
