import Foundation

/// Sends HTTP requests; the seam that lets tests and other HTTP stacks stand in.
public protocol TaskNodeTransport: Sendable {
    /// Sends `request` to `baseURL`, reading at most `maximumBodyBytes` of the answer.
    /// - Throws: ``TaskNodeError/transport(_:)`` for network failures, ``TaskNodeError/responseTooLarge(limit:)``.
    func send(_ request: TaskNodeHTTPRequest, baseURL: URL, maximumBodyBytes: Int) async throws -> TaskNodeHTTPResponse
}
