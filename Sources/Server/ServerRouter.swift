import Foundation
import Hummingbird
import Logging
import Analytics
import Prometheus

/// The routes of `pfbot serve`: the webhook inbox, health and readiness probes, Prometheus metrics, the
/// dashboard and each task's page.
public enum ServerRouter {
    /// Computes the dashboard's report when a page is asked for; the argument is the page of the task list (from 0).
    public typealias ReportSource = @Sendable (_ page: Int) async throws -> AnalyticsReport
    /// Reads one task's page by its id; `nil` when no task has that id.
    public typealias TaskPageSource = @Sendable (_ id: String) async throws -> TaskPage?

    /// The highest page number the dashboard accepts.
    static let maximumPage = 100_000

    /// Builds the router.
    /// - Parameters:
    ///   - ingress: handles `POST /webhooks/github`.
    ///   - readiness: what `/readyz` checks.
    ///   - metrics: the registry `/metrics` prints.
    ///   - dashboard: the report behind `GET /dashboard` (HTML) and `GET /dashboard.json`, each with `?page=N` for later
    ///     pages of the task list; `nil` serves neither.
    ///   - taskPage: the page behind `GET /dashboard/tasks/<id>` (the QC check run's "Details" link); `nil` serves none.
    public static func make(ingress: WebhookIngress, readiness: [ReadinessCheck], metrics: PrometheusCollectorRegistry,
                            dashboard: ReportSource? = nil, taskPage: TaskPageSource? = nil,
                            logger: Logger = Logger(label: "pfbot.server")) -> Router<BasicRequestContext> {
        let router = Router()
        router.post("/webhooks/github") { request, _ in try await ingress.handle(request) }
        for method in [HTTPRequest.Method.get, .put, .delete, .patch, .head] {
            router.on("/webhooks/github", method: method) { _, _ in
                var response = WebhookIngress.reply(.methodNotAllowed, "use POST")
                response.headers[.allow] = "POST"
                return response
            }
        }
        router.get("/healthz") { _, _ in WebhookIngress.reply(.ok, "ok") }
        router.get("/readyz") { _, _ in await ready(readiness) }
        router.get("/metrics") { _, _ in
            Response(status: .ok, headers: [.contentType: "text/plain; version=0.0.4"],
                     body: ResponseBody(byteBuffer: ByteBuffer(bytes: metrics.emitToBuffer())))
        }
        if let dashboard {
            router.get("/dashboard") { request, _ in
                await page(request, dashboard, contentType: "text/html; charset=utf-8", logger: logger) {
                    Data(HTMLReport.render($0, refreshSeconds: 30, taskPages: taskPage == nil ? nil : "dashboard/tasks/").utf8)
                }
            }
            router.get("/dashboard.json") { request, _ in
                await page(request, dashboard, contentType: "application/json", logger: logger) { try AnalyticsJSON.encode($0) }
            }
        }
        if let taskPage {
            router.get("/dashboard/tasks/:id") { _, context in
                await taskPageResponse(context.parameters.get("id") ?? "", taskPage, logger: logger)
            }
        }
        return router
    }

    /// A task's page: 404 for an unknown id, 503 when the store cannot be read (the cause logged, not sent).
    static func taskPageResponse(_ id: String, _ source: TaskPageSource, logger: Logger) async -> Response {
        do {
            guard let page = try await source(id) else { return WebhookIngress.reply(.notFound, "no task has this id; /dashboard lists the tasks") }
            return Response(status: .ok, headers: [.contentType: "text/html; charset=utf-8", .cacheControl: "no-store"],
                            body: ResponseBody(byteBuffer: ByteBuffer(data: Data(TaskPageHTML.render(page).utf8))))
        } catch {
            logger.error("the page of task \(id) could not be read: \(error)")
            return WebhookIngress.reply(.serviceUnavailable, "the task could not be read; the server log says why, and /readyz shows whether the store is reachable")
        }
    }

    /// A dashboard page; a report that cannot be computed (the store is down) is a 503, its cause logged (not sent).
    static func page(_ request: Request, _ source: ReportSource, contentType: String, logger: Logger,
                     render: (AnalyticsReport) throws -> Data) async -> Response {
        var number = 0
        if let text = request.uri.queryParameters.get("page") {
            guard let parsed = Int(text), (0...maximumPage).contains(parsed) else {
                return WebhookIngress.reply(.badRequest, "page must be a whole number from 0 to \(maximumPage)")
            }
            number = parsed
        }
        do {
            let data = try render(try await source(number))
            return Response(status: .ok, headers: [.contentType: contentType, .cacheControl: "no-store"], body: ResponseBody(byteBuffer: ByteBuffer(data: data)))
        } catch {
            logger.error("the dashboard's report could not be computed: \(error)")
            return WebhookIngress.reply(.serviceUnavailable, "the report could not be computed; the server log says why, and /readyz shows whether the store is reachable")
        }
    }

    static func ready(_ checks: [ReadinessCheck]) async -> Response {
        var results: [String: String] = [:]
        var ok = true
        for check in checks {
            do {
                try await check.probe()
                results[check.name] = "ok"
            } catch {
                ok = false
                results[check.name] = String(describing: error)
            }
        }
        let data = (try? JSONSerialization.data(withJSONObject: ["ready": ok, "checks": results], options: [.sortedKeys])) ?? Data()
        return Response(status: ok ? .ok : .serviceUnavailable, headers: [.contentType: "application/json"],
                        body: ResponseBody(byteBuffer: ByteBuffer(data: data)))
    }
}
