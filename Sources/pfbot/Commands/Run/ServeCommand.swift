import ArgumentParser
import Foundation
import Logging
import Metrics
import PFBotConfig
import Prometheus
import ServiceLifecycle

/// `pfbot serve`: the webhook server, the job workers, the poller and the reconciler, until SIGINT or SIGTERM.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Run the webhook server, the job workers, the Task Node poller and the reconciler.",
        discussion: """
            POST /webhooks/github verifies, stores and answers 202; workers process the inbox and the job queue with retries \
            and dead letters; the poller and the reconciler run on intervals on one replica at a time (a lease in the store); \
            GET /healthz, /readyz, /metrics (Prometheus), /dashboard (HTML; /dashboard.json) and /dashboard/tasks/<id>. At startup it waits for the \
            database, GitHub and the Task Node, logging each attempt. SIGINT or SIGTERM stops accepting, finishes or hands back \
            claimed jobs, releases the lease and exits 0.
            """
    )

    @OptionGroup var options: GlobalOptions

    func run() async throws {
        let configuration = try loadConfiguration(options.config)
        let logger = LoggingSetup.logger("pfbot.serve", level: configuration.logLevel)
        let secrets = try configuration.github.webhookSecrets.map { try SecretReader().read($0, keyPath: "github.webhook_secret_files") }
        guard !secrets.isEmpty else {
            throw CommandFailure(code: "missing_secret", message: "github.webhook_secret_files: no webhook secret",
                                 hint: "set github.webhook_secret_files or PFBOT_GITHUB_WEBHOOK_SECRET (the App's webhook secret)")
        }
        let registry = PrometheusCollectorRegistry()
        MetricsSystem.bootstrap(PrometheusMetricsFactory(registry: registry))
        let runtime = ServeRuntime(configuration: configuration, webhookSecrets: secrets, registry: registry, logger: logger)
        let group = ServiceGroup(configuration: ServiceGroupConfiguration(
            services: [.init(service: runtime, successTerminationBehavior: .gracefullyShutdownGroup)],
            gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
        try await group.run()
        if options.json { try Output.success(ServeResult(baseUrl: await runtime.address.url, stopped: true)) }
    }

    /// `--json`'s result, printed once the server stopped.
    private struct ServeResult: Encodable {
        var baseUrl: String?
        var stopped: Bool
    }
}
