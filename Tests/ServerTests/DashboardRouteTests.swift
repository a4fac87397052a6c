import Foundation
import GitHub
import Hummingbird
import HummingbirdTesting
import PFBotTestSupport
import Analytics
import Pipeline
import Prometheus
import Server
import Storage
import Testing

@Suite struct DashboardRouteTests {
    struct StoreDown: Error, CustomStringConvertible {
        var description: String { "database is locked" }
    }

    func withRouter(_ dashboard: ServerRouter.ReportSource?, _ body: @escaping @Sendable (any TestClientProtocol) async throws -> Void) async throws {
        let directory = try TemporaryDirectory(prefix: "pfbot-dashboard")
        defer { directory.remove() }
        let store = try await StoreFactory.open(.sqlite(path: directory.file("pfbot.sqlite")))
        let ingress = WebhookIngress(store: store, authenticator: WebhookVerifier(secrets: ["s"]), maxBodyBytes: 1 << 20)
        let router = ServerRouter.make(ingress: ingress, readiness: [], metrics: PrometheusCollectorRegistry(), dashboard: dashboard)
        do {
            try await Application(router: router).test(.router) { try await body($0) }
        } catch {
            try? await store.close()
            throw error
        }
        try await store.close()
    }

    @Test func dashboard_servesThePage_andItsJSON() async throws {
        let empty = AnalyticsFigures(tasksByState: [:], accepted: 0, declined: 0, endedAfterAcceptance: 0, earnings: [], qualityControlPassed: 0,
                                     qualityControlRuns: 0, timeInState: [:])
        let report = AnalyticsCollector().report(figures: empty, lines: [], audit: [], now: Date(timeIntervalSince1970: 1_790_000_000))
        try await withRouter({ _ in report }) { client in
            let page = try await client.execute(uri: "/dashboard", method: .get)
            #expect(page.status == .ok)
            #expect(page.headers[.contentType] == "text/html; charset=utf-8")
            #expect(String(buffer: page.body).contains("pfbot dashboard"))
            let json = try await client.execute(uri: "/dashboard.json", method: .get)
            #expect(json.status == .ok)
            #expect(String(buffer: json.body).contains(#""generatedAt" : "2026-09-21T"#))
        }
    }

    @Test func pageParameter_reachesTheReport_andABadOneIs400() async throws {
        let empty = AnalyticsFigures(tasksByState: [:], accepted: 0, declined: 0, endedAfterAcceptance: 0, earnings: [], qualityControlPassed: 0,
                                     qualityControlRuns: 0, timeInState: [:])
        try await withRouter({ page in
            AnalyticsCollector().report(figures: empty, lines: [], audit: [], now: Date(timeIntervalSince1970: 1_790_000_000 + Double(page) * 86_400))
        }) { client in
            let second = try await client.execute(uri: "/dashboard.json?page=2", method: .get)
            #expect(second.status == .ok)
            #expect(String(buffer: second.body).contains(#""generatedAt" : "2026-09-23T"#))
            for bad in ["-1", "abc", "100001"] {
                let response = try await client.execute(uri: "/dashboard?page=\(bad)", method: .get)
                #expect(response.status == .badRequest, "page=\(bad)")
            }
        }
    }

    @Test func aReportThatFails_is503_withoutTheDatabaseErrorText() async throws {
        try await withRouter({ _ in throw StoreDown() }) { client in
            let page = try await client.execute(uri: "/dashboard", method: .get)
            #expect(page.status == .serviceUnavailable)
            #expect(String(buffer: page.body).contains("the report could not be computed"))
            #expect(!String(buffer: page.body).contains("database is locked"))
        }
    }

    @Test func withoutADashboard_thereIsNoPage() async throws {
        try await withRouter(nil) { client in
            let response = try await client.execute(uri: "/dashboard", method: .get)
            #expect(response.status == .notFound)
        }
    }
}
