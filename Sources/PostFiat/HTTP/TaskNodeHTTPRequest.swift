import Foundation

/// One HTTP request to the Task Node, relative to its base URL.
public struct TaskNodeHTTPRequest: Sendable, Equatable {
    /// `GET` or `POST`.
    public var method: String
    /// The path, e.g. `/api/tasks`.
    public var path: String
    /// Query items, in order.
    public var query: [(name: String, value: String)]
    /// Extra headers.
    public var headers: [(name: String, value: String)]
    /// The body (JSON), if any.
    public var body: Data?

    /// A request.
    public init(method: String, path: String, query: [(name: String, value: String)] = [],
                headers: [(name: String, value: String)] = [], body: Data? = nil) {
        self.method = method
        self.path = path
        self.query = query
        self.headers = headers
        self.body = body
    }

    public static func == (lhs: TaskNodeHTTPRequest, rhs: TaskNodeHTTPRequest) -> Bool {
        lhs.method == rhs.method && lhs.path == rhs.path && lhs.body == rhs.body
            && lhs.query.map { [$0.name, $0.value] } == rhs.query.map { [$0.name, $0.value] }
            && lhs.headers.map { [$0.name, $0.value] } == rhs.headers.map { [$0.name, $0.value] }
    }
}
