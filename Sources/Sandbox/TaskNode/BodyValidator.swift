import Foundation
import PostFiat

/// Validates mutation bodies like the Task Node (protocol §1 step 5).
enum BodyValidator {
    static let forbiddenKeys: Set<String> = ["__proto__", "prototype", "constructor"]

    /// The parsed body, or the violation.
    static func validate(_ request: EmulatorRequest, policy: RoutePolicy) throws(BodyViolation) -> LiteralJSON {
        if request.body.count > policy.bodyLimit { throw BodyViolation(status: 413, code: "request_too_large", field: nil) }
        if request.body.isEmpty { return [:] }
        let contentType = (request.headers["content-type"] ?? "").lowercased()
        let mediaType = contentType.split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces) } ?? ""
        guard mediaType == "application/json" || mediaType.hasSuffix("+json") else {
            throw BodyViolation(status: 415, code: "unsupported_media_type", field: nil)
        }
        let body: LiteralJSON
        do { body = try LiteralJSON.parse(request.body, maximumDepth: 1000) } catch {
            throw BodyViolation(status: 400, code: "invalid_json", field: nil)
        }
        var nodes = 0
        try walk(body, path: "body", depth: 0, nodes: &nodes)
        guard let members = body.objectValue else {
            throw BodyViolation(status: 400, code: "request_body_type_invalid", field: "body")
        }
        for key in members.keys.sorted() where !policy.allowedKeys.contains(key) {
            throw BodyViolation(status: 400, code: "request_body_field_unknown", field: "body.\(key)")
        }
        try checkTypes(members)
        return body
    }

    private static func walk(_ value: LiteralJSON, path: String, depth: Int, nodes: inout Int) throws(BodyViolation) {
        nodes += 1
        if nodes > 50_000 { throw BodyViolation(status: 400, code: "request_body_too_complex", field: path) }
        if depth > 20 { throw BodyViolation(status: 400, code: "request_body_too_deep", field: path) }
        switch value {
        case .object(let members):
            for (key, member) in members {
                if forbiddenKeys.contains(key) {
                    throw BodyViolation(status: 400, code: "request_body_key_forbidden", field: "\(path).\(key)")
                }
                try walk(member, path: "\(path).\(key)", depth: depth + 1, nodes: &nodes)
            }
        case .array(let items):
            for (position, item) in items.enumerated() {
                try walk(item, path: "\(path)[\(position)]", depth: depth + 1, nodes: &nodes)
            }
        default:
            break
        }
    }

    private static let stringKeys: Set<String> = [
        "phase", "taskId", "task_id", "taskAction", "task_action", "action", "requestId", "bundleId", "requestText",
        "userDetailText", "message", "requestedTaskKind", "source", "method", "artifactType", "artifact_type", "summary",
        "address", "publicKey", "public_key", "challengeId", "challenge_id", "signature",
    ]

    private static func checkTypes(_ members: [String: LiteralJSON]) throws(BodyViolation) {
        for (key, value) in members {
            if stringKeys.contains(key), value.stringValue == nil, !value.isNull {
                throw BodyViolation(status: 400, code: "request_body_type_invalid", field: "body.\(key)")
            }
        }
        if let payload = members["offchainPayload"], payload.objectValue == nil {
            throw BodyViolation(status: 400, code: "request_body_type_invalid", field: "body.offchainPayload")
        }
        for key in ["actorSignature", "actor_signature"] {
            if let signature = members[key], signature.objectValue == nil, !signature.isNull {
                throw BodyViolation(status: 400, code: "request_body_type_invalid", field: "body.\(key)")
            }
        }
        for key in ["evidence", "evidence_items"] {
            guard let value = members[key], let items = value.arrayValue else { continue }
            if items.count > 32 { throw BodyViolation(status: 400, code: "request_body_array_too_large", field: "body.\(key)") }
            if items.contains(where: { $0.objectValue == nil }) {
                throw BodyViolation(status: 400, code: "request_body_type_invalid", field: "body.\(key)")
            }
        }
        if let value = members["value"]?.stringValue, value.count > 1_000_000 {
            throw BodyViolation(status: 400, code: "request_body_field_too_long", field: "body.value")
        }
        if let text = members["userDetailText"]?.stringValue, text.count > 8000 {
            throw BodyViolation(status: 400, code: "request_body_field_too_long", field: "body.userDetailText")
        }
    }
}
