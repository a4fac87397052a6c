import Foundation
import Hummingbird
import NIOCore

/// Turns Hummingbird requests into emulator requests and back, adding latency when asked.
struct EmulatorResponder: HTTPResponder {
    typealias Context = BasicRequestContext

    /// GitHub Enterprise Server serves the API below this prefix; the emulator answers with and without it.
    static let enterprisePrefix = "/api/v3"

    let state: GitHubEmulatorState

    func respond(to request: Request, context: Context) async throws -> Response {
        let buffer = try await request.body.collect(upTo: 50 * 1024 * 1024)
        var headers: [String: String] = [:]
        for field in request.headers { headers[field.name.canonicalName] = field.value }
        var query: [String: String] = [:]
        for item in URLComponents(string: "http://x/?" + (request.uri.query ?? ""))?.queryItems ?? [] {
            query[item.name] = item.value ?? ""
        }
        let latency = await state.faults.latency
        if latency > 0 { try await Task.sleep(nanoseconds: UInt64(latency * 1_000_000_000)) }
        let path = request.uri.path.hasPrefix(Self.enterprisePrefix + "/") ? String(request.uri.path.dropFirst(Self.enterprisePrefix.count)) : request.uri.path
        let answer = await state.handle(
            GitHubEmulatorRequest(method: request.method.rawValue, path: path, query: query, headers: headers, body: Data(buffer.readableBytesView)))
        var fields = HTTPFields()
        let headersOut = answer.headers.merging(["x-github-api-version-selected": "2022-11-28", "x-github-request-id": UUID().uuidString]) { ours, _ in ours }
        for (name, value) in headersOut {
            if let fieldName = HTTPFields.Element.Name(name) { fields[fieldName] = value }
        }
        return Response(status: .init(code: answer.status), headers: fields, body: .init(byteBuffer: ByteBuffer(bytes: answer.body)))
    }
}
