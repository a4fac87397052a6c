import AsyncHTTPClient
import Foundation
import NIOCore

/// Raw requests for tests that must bypass the GitHub client.
enum HTTPClientRequestBuilder {
    static func get(_ url: String) -> HTTPClientRequest {
        var request = HTTPClientRequest(url: url)
        request.headers.add(name: "User-Agent", value: "tests")
        return request
    }

    static func send(_ request: HTTPClientRequest) async throws -> (Int, [String: Any]) {
        let response = try await HTTPClient.shared.execute(request, timeout: .seconds(10))
        let body = try await response.body.collect(upTo: 1 << 20)
        let json = (try? JSONSerialization.jsonObject(with: Data(body.readableBytesView)) as? [String: Any]) ?? [:]
        return (Int(response.status.code), json)
    }
}
