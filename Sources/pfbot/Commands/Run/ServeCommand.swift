import Analytics
import ArgumentParser
import AsyncHTTPClient
import Foundation
import GitHub
import Logging
import Metrics
import PFBotConfig
import PFBotCore
import Pipeline
import Prometheus
import Server
import Storage

/// `pfbot serve`: the webhook server, the job workers, the poller and the reconciler, until SIGINT or SIGTERM.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Run the webhook server, the job workers, the Task Node poller and the reconciler.",
        discussion: """
            POST /webhooks/github verifies, stores and answers 202; workers process the inbox and the job queue with retries \
            and dead letters; the poller and the reconciler run on intervals on one replica at a time (a lease in the store); \
            GET /healthz, /readyz, /metrics (Prometheus), /dashboard (HTML; /dashboard.json) and /dashboard/tasks/<id>. \
            SIGINT or SIGTERM stops accepting, finishes or hands back claimed jobs, releases the lease and exits.
            """
    )

    @OptionGroup var options: GlobalOptions

    func run() async throws {
        let configuration = try loadConfiguration(options.config)
        let logger = LoggingSetup.logger("pfbot.serve", level: configuration.logLevel)
        let secrets = try configuration.github.webhookSecrets.map { reference in
            do throws(ConfigProblem) {
                return try SecretReader().read(reference, keyPath: "github.webhook_secret_files")
            } catch {
                Output.error("✗ \(error.description)")
                throw ExitCode.failure
            }
        }
        guard !secrets.isEmpty else {
            Output.error("✗ github.webhook_secret_files: no webhook secret; set github.webhook_secret_files or PFBOT_GITHUB_WEBHOOK_SECRET (the App's webhook secret)")
            throw ExitCode.failure
        }
        let registry = PrometheusCollectorRegistry()
        MetricsSystem.bootstrap(PrometheusMetricsFactory(registry: registry))
        let assembly = try await BotAssembly.build(configuration, logger: logger, workerName: ProcessIdentity.name)
        let ingress = WebhookIngress(store: assembly.store, authenticator: WebhookVerifier(secrets: secrets),
                                     maxBodyBytes: configuration.server.maxBodyBytes, maxConcurrentBodies: configuration.server.maxConcurrentBodies,
                                     logger: logger, onQueued: { [wakeup = assembly.wakeup] in wakeup.wake() })
        let readiness = [
            ReadinessCheck(name: "store") { _ = try await assembly.store.jobCounts() },
            ReadinessCheck(name: "tasknode") { try await Self.probe(configuration.taskNode.url) },
        ]
        let collector = AnalyticsCollector(analyzer: assembly.context.analyzer)
        let store = assembly.store
        let router = ServerRouter.make(ingress: ingress, readiness: readiness, metrics: registry,
                                       dashboard: { page in try await collector.collect(from: store, now: Date(), page: page) },
                                       taskPage: { id in try await collector.taskPage(from: store, id: id) }, logger: logger)
        let limits = ConnectionLimits(headerTimeout: .seconds(configuration.server.headerTimeoutSeconds),
                                      readTimeout: .seconds(configuration.server.readTimeoutSeconds),
                                      idleTimeout: .seconds(configuration.server.idleTimeoutSeconds),
                                      maxConnections: configuration.server.maxConnections)
        let server = try await RunningServer.start(router: router, host: configuration.server.host, port: configuration.server.port,
                                                   limits: limits, logger: logger)
        logger.info("pfbot \(PFBotVersion.current) listening on \(server.baseURL) for \(configuration.github.repository ?? "?")")
        let stop = ShutdownSignal.install()
        await withTaskGroup(of: Void.self) { group in
            group.addTask { await assembly.runner.run(workers: configuration.server.workers) }
            group.addTask { await Scheduler(assembly: assembly, logger: logger).run() }
            group.addTask { await QueueGauges(store: assembly.store).run() }
            await stop.wait()
            logger.info("stopping: finishing or handing back claimed jobs")
            group.cancelAll()
        }
        await server.stop()
        try? await assembly.store.releaseLease(Scheduler.leaseName, holder: ProcessIdentity.name)
        try await assembly.store.close()
    }

    static func probe(_ url: URL) async throws {
        let response = try await HTTPClient.shared.execute(HTTPClientRequest(url: url.appendingPathComponent("api/session").absoluteString), timeout: .seconds(5))
        guard response.status.code < 500 else { throw ProbeFailed(url: url.absoluteString, status: Int(response.status.code)) }
    }
}

struct ProbeFailed: Error, CustomStringConvertible {
    var url: String
    var status: Int
    var description: String { "\(url) answered \(status)" }
}

/// Polls the Task Node and reconciles GitHub on the configured interval (or the Task Node's `nextPollMs` hint, never
/// faster than 2.5 s), on the one replica holding the lease.
struct Scheduler {
    static let leaseName = "scheduler"
    let assembly: BotAssembly
    let logger: Logger

    func run() async {
        let interval = Double(assembly.configuration.taskNode.pollIntervalSeconds)
        var passes = 0
        while !Task.isCancelled {
            var wait = interval
            do {
                if try await assembly.store.acquireLease(Self.leaseName, holder: ProcessIdentity.name, duration: interval * 3, now: Date()) {
                    let full = passes % 10 == 0
                    let outcome = try await assembly.syncPass.run(SyncPass.Steps(reconcile: full, redeliver: full, runJobs: false, prune: full))
                    if let hint = outcome.nextPollSeconds { wait = max(2.5, min(interval, hint)) }
                    passes += 1
                }
            } catch {
                logger.error("sync pass failed: \(error); next try in \(Int(interval)) s")
            }
            let jitter = Double.random(in: 0...(wait * 0.1))
            try? await Task.sleep(for: .seconds(wait + jitter))
        }
    }
}

/// Publishes the queue depth and tasks by state as gauges every few seconds.
struct QueueGauges {
    let store: any Store

    func run() async {
        while !Task.isCancelled {
            if let counts = try? await store.jobCounts() {
                for (state, count) in counts { Gauge(label: "pfbot_jobs", dimensions: [("state", state.rawValue)]).record(count) }
            }
            if let byState = try? await store.taskCounts() {
                for state in TaskState.allCases { Gauge(label: "pfbot_tasks", dimensions: [("state", state.rawValue)]).record(byState[state] ?? 0) }
            }
            try? await Task.sleep(for: .seconds(5))
        }
    }
}
