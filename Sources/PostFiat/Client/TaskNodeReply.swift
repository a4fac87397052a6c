import Foundation

/// A Task Node answer with its body read as JSON.
struct TaskNodeReply: Sendable {
    /// The HTTP answer.
    var response: TaskNodeHTTPResponse
    /// The body as JSON (`{}` for an empty body).
    var json: LiteralJSON

    var status: Int { response.status }
    var code: String? { json["error"]?.stringValue }
}
