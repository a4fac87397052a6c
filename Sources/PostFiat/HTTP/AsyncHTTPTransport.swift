import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1

/// ``TaskNodeTransport`` over AsyncHTTPClient, with a per-request timeout and a capped body read.
public struct AsyncHTTPTransport: TaskNodeTransport {
    private let client: HTTPClient
    private let timeout: TimeAmount

    /// A transport on `client` (default: the shared client) with a per-request `timeout`.
    public init(client: HTTPClient = .shared, timeoutSeconds: Int64 = 30) {
        self.client = client
        self.timeout = .seconds(timeoutSeconds)
    }

    public func send(_ request: TaskNodeHTTPRequest, baseURL: URL, maximumBodyBytes: Int) async throws -> TaskNodeHTTPResponse {
        let url = try Self.url(for: request, baseURL: baseURL)
        var outgoing = HTTPClientRequest(url: url)
        outgoing.method = HTTPMethod(rawValue: request.method)
        outgoing.headers.add(name: "Accept", value: "application/json")
        outgoing.headers.add(name: "User-Agent", value: "pfbot")
        for header in request.headers { outgoing.headers.add(name: header.name, value: header.value) }
        if let body = request.body {
            outgoing.headers.add(name: "Content-Type", value: "application/json")
            outgoing.body = .bytes(ByteBuffer(bytes: body))
        }
        let response: HTTPClientResponse
        do {
            response = try await client.execute(outgoing, timeout: timeout)
        } catch {
            throw TaskNodeError.transport(String(describing: error))
        }
        if let length = response.headers.first(name: "content-length").flatMap(Int.init), length > maximumBodyBytes {
            throw TaskNodeError.responseTooLarge(limit: maximumBodyBytes)
        }
        let buffer: ByteBuffer
        do {
            buffer = try await response.body.collect(upTo: maximumBodyBytes)
        } catch is NIOTooManyBytesError {
            throw TaskNodeError.responseTooLarge(limit: maximumBodyBytes)
        } catch {
            throw TaskNodeError.transport(String(describing: error))
        }
        return TaskNodeHTTPResponse(
            status: Int(response.status.code),
            headers: response.headers.map { ($0.name, $0.value) },
            body: Data(buffer.readableBytesView)
        )
    }

    static func url(for request: TaskNodeHTTPRequest, baseURL: URL) throws -> String {
        guard var components = URLComponents(url: baseURL, resolvingAgainstBaseURL: false),
              components.scheme == "http" || components.scheme == "https"
        else { throw TaskNodeError.invalidBaseURL(baseURL.absoluteString) }
        let basePath = components.path.hasSuffix("/") ? String(components.path.dropLast()) : components.path
        components.path = basePath + request.path
        if !request.query.isEmpty {
            components.queryItems = request.query.map { URLQueryItem(name: $0.name, value: $0.value) }
        }
        guard let text = components.string else { throw TaskNodeError.invalidBaseURL(baseURL.absoluteString) }
        return text
    }
}
