import AsyncHTTPClient
import JSON
import NIOCore

/// rippled JSON-RPC over HTTP with timeouts, retries (transport errors, `slowDown`, `tooBusy`, HTTP 503/429) and failover.
///
/// ```swift
/// let rpc = JSONRPCClient(configuration: .init(urls: ["https://s.altnet.rippletest.net:51234/"]))
/// let info = try await rpc.accountInfo(address: wallet.address)
/// ```
public struct JSONRPCClient: LedgerRPC {
    private let http: HTTPClient
    private let configuration: JSONRPCConfiguration
    private let sleep: @Sendable (Duration) async throws -> Void

    /// A client using `httpClient` (which the caller owns and shuts down).
    /// - Parameter sleep: injected for tests; defaults to `Task.sleep`.
    public init(
        httpClient: HTTPClient = .shared, configuration: JSONRPCConfiguration,
        sleep: @escaping @Sendable (Duration) async throws -> Void = { try await Task.sleep(for: $0) }
    ) {
        http = httpClient
        self.configuration = configuration
        self.sleep = sleep
    }

    private enum Failure: Error {
        case retryable(XRPLError)
        case final(XRPLError)
    }

    /// Calls `method`; see `LedgerRPC.call`.
    public func call(method: String, params: [String: JSONValue]) async throws -> [String: JSONValue] {
        guard !configuration.urls.isEmpty else { throw XRPLError.rpc(method: method, reason: "no server URL configured") }
        var lastError = XRPLError.rpc(method: method, reason: "no attempt made")
        for attempt in 0..<max(configuration.maxAttempts, 1) {
            if attempt > 0 { try await sleep(configuration.retryDelay * attempt) }
            let url = configuration.urls[attempt % configuration.urls.count]
            do {
                return try await attemptCall(url: url, method: method, params: params)
            } catch Failure.retryable(let error) {
                lastError = error
            } catch Failure.final(let error) {
                throw error
            }
        }
        throw lastError
    }

    private func attemptCall(url: String, method: String, params: [String: JSONValue]) async throws(Failure) -> [String: JSONValue] {
        var request = HTTPClientRequest(url: url)
        request.method = .POST
        request.headers.add(name: "Content-Type", value: "application/json")
        let body = JSONValue.object(["method": .string(method), "params": .array([.object(params)])]).serialized()
        request.body = .bytes(ByteBuffer(bytes: body))
        let status: UInt
        let bytes: [UInt8]
        do {
            let response = try await http.execute(request, timeout: .nanoseconds(Int64(configuration.requestTimeout.nanoseconds)))
            status = response.status.code
            var buffer = try await response.body.collect(upTo: configuration.maxResponseBytes)
            bytes = buffer.readBytes(length: buffer.readableBytes) ?? []
        } catch {
            throw .retryable(.rpc(method: method, reason: "transport error from \(url): \(error)"))
        }
        if status == 503 || status == 429 { throw .retryable(.rpc(method: method, reason: "HTTP \(status) from \(url)")) }
        guard status == 200 else {
            throw .final(.rpc(method: method, reason: "HTTP \(status): \(String(decoding: bytes.prefix(200), as: UTF8.self))"))
        }
        guard case .object(let root)? = try? JSONValue.parse(bytes), case .object(let result)? = root["result"] else {
            throw .retryable(.rpc(method: method, reason: "response from \(url) is not a JSON-RPC result"))
        }
        if let error = result["error"]?.stringValue {
            let serverError = XRPLError.server(method: method, error: error, message: result["error_message"]?.stringValue ?? "")
            if error == "slowDown" || error == "tooBusy" || error == "noNetwork" || error == "noCurrent" || error == "noClosed" {
                throw .retryable(serverError)
            }
            throw .final(serverError)
        }
        return result
    }
}

extension Duration {
    /// Whole nanoseconds, saturating.
    var nanoseconds: Double {
        Double(components.seconds) * 1e9 + Double(components.attoseconds) / 1e9
    }
}
