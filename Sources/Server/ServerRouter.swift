import Foundation
import Hummingbird
import Prometheus

/// The routes of `pfbot serve`: the webhook inbox, health and readiness probes, and Prometheus metrics.
public enum ServerRouter {
    /// Builds the router.
    /// - Parameters:
    ///   - ingress: handles `POST /webhooks/github`.
    ///   - readiness: what `/readyz` checks.
    ///   - metrics: the registry `/metrics` prints.
    public static func make(ingress: WebhookIngress, readiness: [ReadinessCheck], metrics: PrometheusCollectorRegistry) -> Router<BasicRequestContext> {
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
        return router
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
