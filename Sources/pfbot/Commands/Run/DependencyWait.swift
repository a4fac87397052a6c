import AsyncHTTPClient
import Foundation
import Logging

/// Waits at startup until what `pfbot serve` depends on answers, logging each failed attempt and the wait before the
/// next one ("waiting for GitHub: attempt 3, next in 4 s (…)") instead of staying silent; the waits grow
/// 1, 2, 4, 8, 16 s, then 30 s between attempts, until the dependency answers or the task is cancelled.
struct DependencyWait {
    /// One dependency: its name in the log, and a probe that throws while it cannot be reached.
    struct Dependency: Sendable {
        /// How the log names it: "the database", "GitHub", "the Task Node".
        var name: String
        /// Returns when the dependency answers.
        var probe: @Sendable () async throws -> Void
    }

    /// The dependencies, waited for in order.
    let dependencies: [Dependency]
    /// Where the progress goes.
    let logger: Logger
    /// Seconds before each next attempt; the last one repeats.
    var delays: [Int] = [1, 2, 4, 8, 16, 30]

    /// Returns once every dependency answered.
    /// - Throws: `CancellationError` when the task is cancelled (the process is stopping).
    func wait() async throws {
        for dependency in dependencies {
            var attempt = 1
            while true {
                do {
                    try await dependency.probe()
                    if attempt > 1 { logger.info("\(dependency.name) answers (attempt \(attempt))") }
                    break
                } catch {
                    try Task.checkCancellation()
                    let delay = delays[min(attempt - 1, delays.count - 1)]
                    logger.warning("waiting for \(dependency.name): attempt \(attempt), next in \(delay) s (\(error))")
                    try await Task.sleep(for: .seconds(delay))
                    attempt += 1
                }
            }
        }
    }

    /// A probe that passes when `url` answers HTTP with a status below 500 (any answer proves the service is up;
    /// authentication is checked later).
    static func http(_ url: URL) -> @Sendable () async throws -> Void {
        {
            let response = try await HTTPClient.shared.execute(HTTPClientRequest(url: url.absoluteString), timeout: .seconds(5))
            guard response.status.code < 500 else { throw ProbeFailed(url: url.absoluteString, status: Int(response.status.code)) }
        }
    }
}

/// A dependency answered with a server error.
struct ProbeFailed: Error, CustomStringConvertible {
    var url: String
    var status: Int
    var description: String { "\(url) answered \(status)" }
}
