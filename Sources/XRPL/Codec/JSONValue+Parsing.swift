import Foundation
import JSON

extension JSONValue {
    /// Parses UTF-8 JSON text for the codec and the JSON-RPC client.
    /// - Throws: `XRPLError.invalidField` naming `json` when the text is not JSON.
    public static func parse(_ bytes: [UInt8]) throws -> JSONValue {
        do {
            return try JSONDecoder().decode(JSONValue.self, from: Data(bytes))
        } catch {
            throw XRPLError.invalidField(field: "json", reason: "not valid JSON (\(error))")
        }
    }
}
