import Foundation
import Logging
import NIOCore
import NIOPosix
import PFBotCore
import PostgresKit
import SQLiteKit

/// Opens the ``Store`` a configuration names.
public enum StoreFactory {
    /// Opens (creating if needed) the database and applies migrations.
    /// - Parameters:
    ///   - location: SQLite file or PostgreSQL URL.
    ///   - password: the PostgreSQL password, already read from its secret.
    ///   - logger: for connection-pool logs.
    /// - Throws: ``StoreError/unavailable(location:reason:)`` with the reason and what to check.
    public static func open(_ location: StorageLocation, password: String? = nil, logger: Logger = Logger(label: "pfbot.storage")) async throws -> SQLStore {
        try await open(location, password: password, logger: logger, migratingThrough: nil)
    }

    /// Opens the database and applies migrations up to and including `lastMigration` (all when `nil`); tests of
    /// upgrades start from an older schema this way.
    static func open(_ location: StorageLocation, password: String?, logger: Logger, migratingThrough lastMigration: String?) async throws -> SQLStore {
        let store: SQLStore
        switch location {
        case .sqlite(let path):
            let directory = (path as NSString).deletingLastPathComponent
            do {
                try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            } catch {
                throw StoreError.unavailable(location: path, reason: "cannot create folder \(directory) (\(error.localizedDescription))")
            }
            store = SQLStore(lender: sqliteLender(path: path, logger: logger), location: path)
        case .postgres(let url):
            store = SQLStore(lender: try postgresLender(url: url, password: password, logger: logger), location: redacted(url))
        }
        do {
            try await store.migrate(through: lastMigration)
        } catch let error as StoreError {
            try? await store.close()
            throw error
        } catch {
            try? await store.close()
            throw StoreError.unavailable(location: store.location, reason: describe(error))
        }
        return store
    }

    /// Checks that the database can be reached, writing nothing: for SQLite that the file (or its folder) is
    /// usable, for PostgreSQL that a connection and a query succeed.
    /// - Throws: ``StoreError/unavailable(location:reason:)``.
    public static func checkReachable(_ location: StorageLocation, password: String? = nil, logger: Logger = Logger(label: "pfbot.storage")) async throws {
        switch location {
        case .sqlite(let path):
            var directory = (path as NSString).deletingLastPathComponent
            while !FileManager.default.fileExists(atPath: directory), directory != "/" {
                directory = (directory as NSString).deletingLastPathComponent
            }
            if FileManager.default.fileExists(atPath: path) {
                guard FileManager.default.isWritableFile(atPath: path) else {
                    throw StoreError.unavailable(location: path, reason: "the file is not writable")
                }
            } else if !FileManager.default.isWritableFile(atPath: directory) {
                throw StoreError.unavailable(location: path, reason: "folder \(directory) is not writable")
            }
        case .postgres(let url):
            let lender = try postgresLender(url: url, password: password, logger: logger)
            do {
                try await lender.withConnection { database in try await database.raw("SELECT 1").run() }
                try? await lender.shutdown()
            } catch {
                try? await lender.shutdown()
                throw StoreError.unavailable(location: redacted(url), reason: describe(error))
            }
        }
    }

    private static func sqliteLender(path: String, logger: Logger) -> ConnectionProvider<SQLiteSource> {
        let eventLoops = MultiThreadedEventLoopGroup.singleton
        let connectionsPerLoop = 2
        let threadPool = NIOThreadPool(numberOfThreads: connectionsPerLoop * eventLoops.makeIterator().reduce(0) { count, _ in count + 1 })
        threadPool.start()
        let pool = EventLoopGroupConnectionPool(
            source: SQLiteSource(path: path, threadPool: threadPool), maxConnectionsPerEventLoop: connectionsPerLoop,
            requestTimeout: .seconds(30), pruneInterval: nil, logger: logger, on: eventLoops
        )
        var provider = ConnectionProvider(engine: .sqlite, pool: pool) { $0.sql(queryLogLevel: queryLogLevel) }
        provider.inboxConnection = ReservedConnection()
        let checkpointer = Task { [provider] in await SQLiteCheckpointer(lender: provider).run() }
        provider.beforeShutdown = {
            checkpointer.cancel()
            await checkpointer.value
        }
        provider.afterShutdown = { try await threadPool.shutdownGracefully() }
        return provider
    }

    private static func postgresLender(url: String, password: String?, logger: Logger) throws -> ConnectionProvider<PostgresConnectionSource> {
        var configuration: SQLPostgresConfiguration
        do {
            configuration = try SQLPostgresConfiguration(url: Self.requiringTLSUnlessSaid(url))
        } catch {
            throw StoreError.unavailable(location: redacted(url), reason: "the URL is not a PostgreSQL URL (postgres://USER@HOST:PORT/DATABASE)")
        }
        if let password { configuration.coreConfiguration.password = password }
        configuration.coreConfiguration.options.connectTimeout = .seconds(5)
        let pool = EventLoopGroupConnectionPool(
            source: PostgresConnectionSource(sqlConfiguration: configuration), maxConnectionsPerEventLoop: 4,
            requestTimeout: .seconds(10), pruneInterval: .seconds(60), logger: logger, on: MultiThreadedEventLoopGroup.singleton
        )
        return ConnectionProvider(engine: .postgres, pool: pool) { $0.sql(queryLogLevel: queryLogLevel) }
    }

    /// The URL with `sslmode=require` added when it names no TLS mode: postgres-kit's own default (`prefer`) falls
    /// back to plaintext when the server offers no TLS, which someone in between can force. `?sslmode=disable` is the
    /// explicit choice for a server without TLS; with TLS the certificate and host name are verified.
    static func requiringTLSUnlessSaid(_ url: String) -> String {
        guard var components = URLComponents(string: url), components.scheme?.hasPrefix("postgres") == true else { return url }
        let items = components.queryItems ?? []
        guard !items.contains(where: { ["tlsmode", "sslmode", "ssl", "tls"].contains($0.name.lowercased()) }) else { return url }
        components.queryItems = items + [URLQueryItem(name: "sslmode", value: "require")]
        return components.string ?? url
    }

    /// The level SQLKit logs each statement at, with its bound parameters (task titles, comment text, webhook
    /// bodies). `.trace`, not SQLKit's default `.debug`: a debug log (`log_level: debug`) must not carry what
    /// people wrote; only `log_level: trace` shows the statements and their parameters.
    static let queryLogLevel = Logger.Level.trace

    /// The URL without any password, safe to print.
    static func redacted(_ url: String) -> String {
        guard var components = URLComponents(string: url), components.password != nil else { return url }
        components.password = "***"
        return components.string ?? "postgres://…"
    }

    static func describe(_ error: any Error) -> String {
        if let postgres = error as? PSQLError {
            if let message = postgres.serverInfo?[.message] { return message }
            return "\(postgres.code)"
        }
        return String(describing: error)
    }
}
