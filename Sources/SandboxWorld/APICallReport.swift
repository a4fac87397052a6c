import Foundation
import Sandbox

/// The GitHub REST calls the bot made, as the GitHub emulator recorded them on the wire: every request counts,
/// a conditional read answered `304 Not Modified` included.
public struct APICallReport: Codable, Sendable, Equatable {
    /// Calls to one route template.
    public struct Route: Codable, Sendable, Equatable {
        /// Method and route template, e.g. `GET /repos/{owner}/{repo}/issues/{number}`.
        public var route: String
        /// How many calls.
        public var calls: Int
        /// How many of them were conditional reads answered `304 Not Modified`.
        public var notModified: Int
    }

    /// Every call.
    public var total: Int
    /// The tasks the calls served.
    public var tasks: Int
    /// `total` ÷ `tasks` (0 without tasks).
    public var perTask: Double
    /// Calls that change something (`POST`, `PATCH`, `PUT`, `DELETE`).
    public var writes: Int
    /// Conditional reads answered `304 Not Modified`.
    public var notModified: Int
    /// Calls by route, most called first.
    public var byRoute: [Route]

    /// Counts `requests` as the calls made for `tasks` tasks.
    public init(_ requests: [RecordedRequest], tasks: Int) {
        total = requests.count
        self.tasks = tasks
        perTask = tasks > 0 ? Double(requests.count) / Double(tasks) : 0
        writes = requests.filter(\.isWrite).count
        notModified = requests.filter { $0.status == 304 }.count
        var routes: [String: Route] = [:]
        for request in requests {
            var route = routes[request.route] ?? Route(route: request.route, calls: 0, notModified: 0)
            route.calls += 1
            if request.status == 304 { route.notModified += 1 }
            routes[request.route] = route
        }
        byRoute = routes.values.sorted { ($0.calls, $1.route) > ($1.calls, $0.route) }
    }

    /// One line: `182 GitHub REST calls for 4 tasks (45.5 per task, 60 writes)`.
    public var summaryLine: String {
        "\(total) GitHub REST calls for \(tasks) tasks (\(String(format: "%.1f", perTask)) per task, \(writes) writes, \(notModified) answered 304)"
    }

    /// A table by route, most called first.
    public var table: String {
        let width = max(5, byRoute.map(\.route.count).max() ?? 0)
        var lines = ["route".padding(toLength: width, withPad: " ", startingAt: 0) + "  calls  304"]
        for route in byRoute {
            lines.append(route.route.padding(toLength: width, withPad: " ", startingAt: 0)
                         + "  " + String(route.calls).leftPadded(5) + "  " + String(route.notModified).leftPadded(3))
        }
        return lines.joined(separator: "\n")
    }
}

private extension String {
    func leftPadded(_ width: Int) -> String {
        count >= width ? self : String(repeating: " ", count: width - count) + self
    }
}
