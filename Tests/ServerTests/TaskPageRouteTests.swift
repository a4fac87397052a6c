import Analytics
import Foundation
import GitHub
import Hummingbird
import HummingbirdTesting
import PFBotCore
import PFBotTestSupport
import Pipeline
import Prometheus
import Server
import Storage
import Testing

/// `GET /dashboard/tasks/<id>`, the page the QC check run's Details link opens, read from a real store.
@Suite struct TaskPageRouteTests {
    static let id = "task_0123456789abcdef0123456789abcdef"

    struct StoreDown: Error, CustomStringConvertible {
        var description: String { "database is locked" }
    }

    func withRouter(_ source: (any Store) -> ServerRouter.TaskPageSource?, _ body: @escaping @Sendable (any TestClientProtocol) async throws -> Void) async throws {
        let directory = try TemporaryDirectory(prefix: "pfbot-task-page")
        defer { directory.remove() }
        let store = try await StoreFactory.open(.sqlite(path: directory.file("pfbot.sqlite")))
        do {
            let at = Date(timeIntervalSince1970: 1_790_000_000)
            let task = PostFiatTask(
                id: try TaskID(Self.id), title: "Guide <script>alert(1)</script>", kind: .personal, description: "Explain it", steps: [],
                verificationAsk: nil, submissionRequirement: SubmissionRequirement(rawType: "url", criteria: "A public URL"),
                reward: try PFTAmount(parsing: "120"), dueAt: nil, acceptBy: nil, deadlineAt: nil, createdAt: at, updatedAt: at, state: .accepted)
            try await store.saveTask(TaskRecord(task: task, repository: "acme/tasks", issueNumber: 7, pullNumber: 8, branch: "pf/guide"), source: "tasknode")
            try await store.recordQualityVerdict(QualityVerdictRecord(
                task: try TaskID(Self.id), head: "0123456789abcdef0123456789abcdef01234567", conclusion: "failure", title: "1 of 2 QC rules failed",
                rules: [.init(rule: "deliverables", passed: true, problems: 0), .init(rule: "placeholders", passed: false, problems: 3)], at: at))
            let ingress = WebhookIngress(store: store, authenticator: WebhookVerifier(secrets: ["s"]), maxBodyBytes: 1 << 20)
            let router = ServerRouter.make(ingress: ingress, readiness: [], metrics: PrometheusCollectorRegistry(), taskPage: source(store))
            try await Application(router: router).test(.router) { try await body($0) }
        } catch {
            try? await store.close()
            throw error
        }
        try await store.close()
    }

    @Test func aTasksPage_showsItsStateVerdictAndHistory_escaped() async throws {
        try await withRouter({ store in { id in try await AnalyticsCollector().taskPage(from: store, id: id) } }) { client in
            let response = try await client.execute(uri: "/dashboard/tasks/\(Self.id)", method: .get)
            #expect(response.status == .ok)
            #expect(response.headers[.contentType] == "text/html; charset=utf-8")
            let html = String(buffer: response.body)
            #expect(html.contains("Guide &lt;script&gt;alert(1)&lt;/script&gt;"))
            #expect(!html.contains("<script>"))
            #expect(html.contains("1 of 2 QC rules failed"))
            #expect(html.contains("<td>placeholders</td><td>fail</td><td>3</td>"))
            #expect(html.contains("<td>pf/guide</td><td>#7</td><td>#8</td>"))
            #expect(html.contains("<td>accepted</td><td>tasknode</td>"))
        }
    }

    @Test func anUnknownOrMalformedId_is404() async throws {
        try await withRouter({ store in { id in try await AnalyticsCollector().taskPage(from: store, id: id) } }) { client in
            for id in ["task_ffffffffffffffffffffffffffffffff", "not-a-task-id"] {
                let response = try await client.execute(uri: "/dashboard/tasks/\(id)", method: .get)
                #expect(response.status == .notFound, "\(id)")
            }
        }
    }

    @Test func aStoreThatFails_is503_withoutTheDatabaseErrorText() async throws {
        try await withRouter({ _ in { _ in throw StoreDown() } }) { client in
            let response = try await client.execute(uri: "/dashboard/tasks/\(Self.id)", method: .get)
            #expect(response.status == .serviceUnavailable)
            #expect(!String(buffer: response.body).contains("database is locked"))
        }
    }

    @Test func withoutASource_thereIsNoTaskPage() async throws {
        try await withRouter({ _ in nil }) { client in
            let response = try await client.execute(uri: "/dashboard/tasks/\(Self.id)", method: .get)
            #expect(response.status == .notFound)
        }
    }
}
