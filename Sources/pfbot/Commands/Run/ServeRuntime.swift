import Analytics
import Foundation
import GitHub
import Logging
import PFBotConfig
import PFBotCore
import Pipeline
import Prometheus
import Server
import ServiceLifecycle
import Storage

/// `pfbot serve`'s one service, run by the command's `ServiceGroup`: waits for the database, GitHub and the Task Node
/// (logging each attempt), builds the bot, then runs the job workers, the scheduler, the queue gauges and the HTTP
/// server as a group of their own. On SIGTERM or SIGINT the server stops accepting and finishes its requests, then the
/// gauges and the scheduler stop, then the workers finish or hand back their claimed jobs; the lease is released and
/// the store closed.
struct ServeRuntime: Service {
    let configuration: Configuration
    let webhookSecrets: [String]
    let registry: PrometheusCollectorRegistry
    let logger: Logger
    /// Where the server was bound, once it is.
    let address = BoundAddress()

    func run() async throws {
        do {
            try await cancelWhenGracefulShutdown { [self] in try await dependencies().wait() }
        } catch is CancellationError where Task.isShuttingDownGracefully {
            logger.info("stopped before startup finished")
            return
        }
        let assembly = try await BotAssembly.build(configuration, logger: logger, workerName: ProcessIdentity.name)
        do {
            try await withGracefulShutdownHandler {
                try await ServiceGroup(configuration: ServiceGroupConfiguration(services: services(assembly).map { .init(service: $0) }, logger: logger)).run()
            } onGracefulShutdown: { [logger] in
                logger.info("stopping: no new connections; finishing or handing back claimed jobs")
            }
        } catch {
            try? await assembly.store.close()
            guard await address.url != nil else {
                throw CommandFailure(code: "cannot_listen", message: "cannot listen on \(configuration.server.host):\(configuration.server.port): \(error)",
                                     hint: "is another process using the port? Change server.host or server.port")
            }
            throw error
        }
        try? await assembly.store.releaseLease(SchedulerLease.name, holder: ProcessIdentity.name)
        try await assembly.store.close()
        logger.info("stopped gracefully: the server closed, claimed jobs finished or handed back, the scheduler lease released")
    }

    /// The store (PostgreSQL only; SQLite is a local file), GitHub's API and the Task Node, in that order.
    private func dependencies() throws -> DependencyWait {
        var dependencies: [DependencyWait.Dependency] = []
        if case .postgres = configuration.storage.location {
            let password = try configuration.storage.password.map { try SecretReader().read($0, keyPath: "storage.password_file") }
            dependencies.append(.init(name: "the database") { [configuration] in
                try await StoreFactory.checkReachable(configuration.storage.location, password: password)
            })
        }
        dependencies.append(.init(name: "GitHub", probe: DependencyWait.http(configuration.github.apiURL)))
        dependencies.append(.init(name: "the Task Node", probe: DependencyWait.http(configuration.taskNode.url.appendingPathComponent("api/session"))))
        return DependencyWait(dependencies: dependencies, logger: logger)
    }

    /// Shut down in reverse order: the HTTP server first, the workers last.
    private func services(_ assembly: BotAssembly) -> [any Service] {
        let ingress = WebhookIngress(store: assembly.store, authenticator: WebhookVerifier(secrets: webhookSecrets),
                                     maxBodyBytes: configuration.server.maxBodyBytes, maxConcurrentBodies: configuration.server.maxConcurrentBodies,
                                     logger: logger, onQueued: { [wakeup = assembly.wakeup] in wakeup.wake() })
        let taskNodeSession = configuration.taskNode.url.appendingPathComponent("api/session")
        let readiness = [
            ReadinessCheck(name: "store") { _ = try await assembly.store.jobCounts() },
            ReadinessCheck(name: "tasknode") { try await DependencyWait.http(taskNodeSession)() },
        ]
        let collector = AnalyticsCollector(analyzer: assembly.context.analyzer, gitHubWebURL: configuration.github.webURL)
        let store = assembly.store
        let router = ServerRouter.make(ingress: ingress, readiness: readiness, metrics: registry,
                                       dashboard: { page in try await collector.collect(from: store, now: Date(), page: page) },
                                       taskPage: { id in try await collector.taskPage(from: store, id: id) }, logger: logger)
        let limits = ConnectionLimits(headerTimeout: .seconds(configuration.server.headerTimeoutSeconds),
                                      readTimeout: .seconds(configuration.server.readTimeoutSeconds),
                                      idleTimeout: .seconds(configuration.server.idleTimeoutSeconds),
                                      maxConnections: configuration.server.maxConnections)
        let host = configuration.server.host
        let workers = configuration.server.workers
        let server = RunningServer.service(router: router, host: host, port: configuration.server.port, limits: limits, logger: logger) {
            [logger, address, repository = configuration.github.repository] port in
            let url = "http://\(host):\(port)"
            await address.set(url)
            logger.info("pfbot \(PFBotVersion.current) listening on \(url) for \(repository ?? "?")")
        }
        return [
            ClosureService { await cancelWhenGracefulShutdown { await assembly.runner.run(workers: workers) } },
            ClosureService { [logger] in await cancelWhenGracefulShutdown { await Scheduler(assembly: assembly, logger: logger).run() } },
            ClosureService { await cancelWhenGracefulShutdown { await QueueGauges(store: store).run() } },
            server,
        ]
    }
}

/// The address `pfbot serve` bound, set once the socket is open.
actor BoundAddress {
    private(set) var url: String?

    func set(_ url: String) {
        self.url = url
    }
}
