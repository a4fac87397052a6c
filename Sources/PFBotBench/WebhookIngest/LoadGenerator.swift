import AsyncHTTPClient
import Foundation
import NIOCore

/// One signed webhook body the load generator posts (the signature covers the body only, so it is computed once).
struct SignedPayload: Sendable {
    let event: String
    let body: ByteBuffer
    let signature: String
}

/// What one load run saw.
struct LoadResult: Sendable {
    var accepted = 0
    var otherStatus = 0
    var errors = 0
    /// Milliseconds from sending each request to having the whole response.
    var latencies: [Double] = []
    var seconds = 0.0

    var acceptedPerSecond: Double { Double(accepted) / max(seconds, 1e-9) }

    /// The latency at quantile `q` (0…1), nearest rank.
    func percentile(_ q: Double) -> Double {
        let sorted = latencies.sorted()
        guard !sorted.isEmpty else { return 0 }
        let rank = Int((q * Double(sorted.count)).rounded(.up)) - 1
        return sorted[min(max(rank, 0), sorted.count - 1)]
    }

    mutating func merge(_ other: LoadResult) {
        accepted += other.accepted
        otherStatus += other.otherStatus
        errors += other.errors
        latencies += other.latencies
    }
}

/// A closed-loop load generator: `concurrency` workers, each over its own keep-alive connection, post
/// `count` requests in all, each with a unique `X-GitHub-Delivery`.
struct LoadGenerator {
    let payloads: [SignedPayload]

    func run(url: String, count: Int, concurrency: Int, deliveryPrefix: String) async throws -> LoadResult {
        var configuration = HTTPClient.Configuration()
        configuration.connectionPool = .init(idleTimeout: .seconds(60), concurrentHTTP1ConnectionsPerHostSoftLimit: concurrency)
        let client = HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup, configuration: configuration)
        let clock = ContinuousClock()
        let start = clock.now
        var result = await withTaskGroup(of: LoadResult.self) { group in
            for worker in 0..<concurrency {
                let share = count / concurrency + (worker < count % concurrency ? 1 : 0)
                group.addTask {
                    await post(client: client, url: url, requests: share, worker: worker, prefix: deliveryPrefix)
                }
            }
            var total = LoadResult()
            for await part in group { total.merge(part) }
            return total
        }
        result.seconds = Self.seconds(clock.now - start)
        try await client.shutdown()
        return result
    }

    private func post(client: HTTPClient, url: String, requests: Int, worker: Int, prefix: String) async -> LoadResult {
        var result = LoadResult()
        result.latencies.reserveCapacity(requests)
        let clock = ContinuousClock()
        for index in 0..<requests {
            let payload = payloads[(worker + index) % payloads.count]
            var request = HTTPClientRequest(url: url)
            request.method = .POST
            request.headers.add(name: "Content-Type", value: "application/json")
            request.headers.add(name: "X-GitHub-Event", value: payload.event)
            request.headers.add(name: "X-GitHub-Delivery", value: "\(prefix)-\(worker)-\(index)")
            request.headers.add(name: "X-Hub-Signature-256", value: payload.signature)
            request.body = .bytes(payload.body)
            let sent = clock.now
            do {
                let response = try await client.execute(request, timeout: .seconds(30))
                _ = try await response.body.collect(upTo: 1 << 20)
                result.latencies.append(Self.seconds(clock.now - sent) * 1000)
                if response.status.code == 202 { result.accepted += 1 } else { result.otherStatus += 1 }
            } catch {
                result.errors += 1
            }
        }
        return result
    }

    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }
}
