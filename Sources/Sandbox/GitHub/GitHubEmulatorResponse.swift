import Foundation
import JSON

/// An HTTP response from a handler.
struct GitHubEmulatorResponse: Sendable {
    var status: Int
    var headers: [String: String] = [:]
    var body: Data = Data()

    static func json(_ status: Int, _ value: JSONValue, headers: [String: String] = [:]) -> GitHubEmulatorResponse {
        var all = headers
        all["content-type"] = "application/json; charset=utf-8"
        return GitHubEmulatorResponse(status: status, headers: all, body: value.encoded())
    }

    /// A minimal HTML page saying `text` (the emulator's web pages).
    static func html(_ status: Int, _ text: String) -> GitHubEmulatorResponse {
        let escaped = text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
        let page = "<!DOCTYPE html><html><head><title>GitHub emulator</title></head><body><p>\(escaped)</p></body></html>"
        return GitHubEmulatorResponse(status: status, headers: ["content-type": "text/html; charset=utf-8"], body: Data(page.utf8))
    }

    static func noContent() -> GitHubEmulatorResponse { GitHubEmulatorResponse(status: 204) }

    static func error(_ status: Int, _ message: String, errors: [JSONValue]? = nil, headers: [String: String] = [:]) -> GitHubEmulatorResponse {
        var body: [String: JSONValue] = [
            "message": .string(message), "documentation_url": "https://docs.github.com/rest", "status": .string(String(status)),
        ]
        if let errors { body["errors"] = .array(errors) }
        return .json(status, .object(body), headers: headers)
    }

    static func notFound() -> GitHubEmulatorResponse { .error(404, "Not Found") }

    static func validation(resource: String, field: String, code: String = "missing_field") -> GitHubEmulatorResponse {
        .error(422, "Validation Failed", errors: [["resource": .string(resource), "code": .string(code), "field": .string(field)]])
    }
}
