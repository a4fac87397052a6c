import JSON
import XRPL

/// rippled's JSON-RPC error object.
enum RPCError {
    static func make(_ error: String, code: Int, message: String, params: [String: JSONValue]) -> [String: JSONValue] {
        [
            "error": .string(error), "error_code": .int(Int(code)), "error_message": .string(message),
            "request": .object(params), "status": .string("error"),
        ]
    }
}
