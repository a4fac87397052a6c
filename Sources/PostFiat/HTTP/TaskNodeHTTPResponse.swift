import Foundation

/// One HTTP answer, with the body read up to a cap.
public struct TaskNodeHTTPResponse: Sendable {
    /// The status code.
    public var status: Int
    /// Headers as received.
    public var headers: [(name: String, value: String)]
    /// The body bytes.
    public var body: Data

    /// An answer.
    public init(status: Int, headers: [(name: String, value: String)], body: Data) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// All values of header `name` (case-insensitive).
    public func headerValues(_ name: String) -> [String] {
        headers.filter { $0.name.caseInsensitiveCompare(name) == .orderedSame }.map(\.value)
    }

    /// The first value of header `name` (case-insensitive).
    public func header(_ name: String) -> String? { headerValues(name).first }
}
