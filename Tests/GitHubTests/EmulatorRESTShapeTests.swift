import AsyncHTTPClient
import Foundation
import NIOCore
import PFBotTestSupport
import Testing

@Suite struct EmulatorRESTShapeTests {
    /// The top-level keys of the first recorded response of `file` for `method`.
    static func recordedKeys(_ file: String, method: String) throws -> Set<String> {
        let exchanges = try #require(try JSONSerialization.jsonObject(with: Fixtures.data("github/rest/\(file)")) as? [[String: Any]])
        let exchange = try #require(exchanges.first { $0["method"] as? String == method })
        return Set(try #require(exchange["response"] as? [String: Any]).keys)
    }

    static func send(_ method: String, _ url: String, body: String? = nil) async throws -> [String: Any] {
        var request = HTTPClientRequestBuilder.get(url)
        request.method = .init(rawValue: method)
        request.headers.add(name: "Authorization", value: "Bearer pat-alice")
        if let body { request.body = .bytes(ByteBuffer(string: body)) }
        return try await HTTPClientRequestBuilder.send(request).1
    }

    @Test func restResponsesHaveTheKeysOfTheRecordedOnes() async throws {
        let harness = try await EmulatorHarness.start()
        let base = "\(harness.baseURL)/repos/acme/widgets"
        let repository = try await Self.send("GET", base)
        let issue = try await Self.send("POST", "\(base)/issues", body: #"{"title":"Shape"}"#)
        let label = try await Self.send("POST", "\(base)/labels", body: #"{"name":"shape","color":"00ff00"}"#)
        let status = try await Self.send("POST", "\(base)/statuses/abc", body: #"{"state":"success","context":"ci"}"#)
        let pairs: [(String, [String: Any], Set<String>)] = [
            ("repository", repository, try Self.recordedKeys("get-repository.json", method: "get")),
            ("issue", issue, try Self.recordedKeys("add-labels-to-issue.json", method: "post")),
            ("label", label, try Self.recordedKeys("labels.json", method: "post")),
            ("status", status, try Self.recordedKeys("create-status.json", method: "post")),
        ]
        for (name, ours, recorded) in pairs {
            let missing = recorded.subtracting(ours.keys)
            #expect(missing.isEmpty, "\(name) lacks \(missing.sorted())")
        }
        await harness.stop()
    }
}
