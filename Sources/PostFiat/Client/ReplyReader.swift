import Foundation

/// Turns HTTP answers into JSON or typed errors (protocol §1, §6).
enum ReplyReader {
    /// Reads the body; a non-JSON or broken body becomes a typed error (5xx stays a server failure).
    static func read(_ response: TaskNodeHTTPResponse) throws -> TaskNodeReply {
        if response.body.isEmpty { return TaskNodeReply(response: response, json: [:]) }
        do {
            return TaskNodeReply(response: response, json: try LiteralJSON.parse(response.body))
        } catch let error as JSONParseError {
            if response.status >= 500 { throw TaskNodeError.serverFailure(status: response.status, code: nil) }
            if response.status == 429 { throw rateLimited(code: "rate_limited", json: [:], response: response) }
            if case .unexpectedByte(let offset, _) = error, offset == firstNonSpace(response.body) {
                let snippet = String(decoding: response.body.prefix(80), as: UTF8.self)
                throw TaskNodeError.notJSON(status: response.status, snippet: snippet)
            }
            throw TaskNodeError.malformedJSON(status: response.status, reason: error.description)
        }
    }

    /// The typed error for a non-2xx answer (401 is handled by the caller first).
    static func error(for reply: TaskNodeReply) -> TaskNodeError {
        let code = reply.code ?? "http_\(reply.status)"
        let message = reply.json["message"]?.stringValue
        switch reply.status {
        case 429:
            return rateLimited(code: code, json: reply.json, response: reply.response)
        case 404 where code == "task_not_found":
            return .taskNotFound(reply.json["taskId"]?.stringValue ?? "")
        case 409 where reply.json["status"] != nil || code.hasSuffix("_not_available"):
            let actions = actionNames(reply.json["actions"])
            return .notAvailable(code: code, status: reply.json["status"]?.stringValue, actions: actions)
        case 500...599:
            return .serverFailure(status: reply.status, code: reply.code)
        default:
            return .rejected(status: reply.status, code: code, message: message)
        }
    }

    /// The action names a 409 allows: either an array of names or an object of `canX: true` flags.
    static func actionNames(_ value: LiteralJSON?) -> [String] {
        if let items = value?.arrayValue { return items.compactMap(\.stringValue) }
        return (value?.objectValue ?? [:]).filter { $0.value.boolValue == true }.map(\.key).sorted()
    }

    /// A 429: the body's `retryAfterSeconds`, else the `retry-after` header, else 1 s.
    static func rateLimited(code: String, json: LiteralJSON, response: TaskNodeHTTPResponse) -> TaskNodeError {
        let fromBody = json["retryAfterSeconds"]?.intValue
        let fromHeader = response.header("retry-after").flatMap { Int($0.trimmingCharacters(in: .whitespaces)) }
        return .rateLimited(code: code, retryAfterSeconds: max(1, fromBody ?? fromHeader ?? 1))
    }

    private static func firstNonSpace(_ data: Data) -> Int {
        data.firstIndex { ![0x20, 0x09, 0x0A, 0x0D].contains($0) }.map { $0 - data.startIndex } ?? 0
    }
}
