import Foundation
import Logging
import NIOPosix
import PFBotCore
import PFBotTestSupport
import PostgresNIO
import Storage

/// The engines the storage suite runs on; every test runs on both.
enum Engine: String, CaseIterable, Sendable, CustomStringConvertible {
    case sqlite, postgres
    var description: String { rawValue }
}

/// A fresh, empty database for one test: a temporary SQLite file, or a new PostgreSQL database created on the
/// server named by `PFBOT_TEST_POSTGRES_URL` (`scripts/test` starts a private server and sets it).
struct TestDatabase {
    let engine: Engine
    let location: StorageLocation
    private let cleanup: @Sendable () async -> Void

    static let postgresVariable = "PFBOT_TEST_POSTGRES_URL"

    static func make(_ engine: Engine) async throws -> TestDatabase {
        switch engine {
        case .sqlite:
            let directory = try TemporaryDirectory(prefix: "pfbot-store")
            return TestDatabase(engine: engine, location: .sqlite(path: directory.file("pfbot.sqlite"))) { directory.remove() }
        case .postgres:
            guard let adminURL = ProcessInfo.processInfo.environment[postgresVariable], var components = URLComponents(string: adminURL) else {
                throw TestDatabaseError.noPostgres
            }
            let name = "pfbot_test_\(UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased().prefix(16))"
            try await admin(adminURL, "CREATE DATABASE \(name)")
            components.path = "/" + name
            let url = components.string ?? adminURL
            return TestDatabase(engine: engine, location: .postgres(url: url)) {
                try? await admin(adminURL, "DROP DATABASE IF EXISTS \(name) WITH (FORCE)")
            }
        }
    }

    /// Opens a store on the database (several opens act like several processes).
    func open() async throws -> SQLStore {
        try await StoreFactory.open(location)
    }

    func remove() async { await cleanup() }

    private static func admin(_ url: String, _ statement: String) async throws {
        guard let components = URLComponents(string: url), let host = components.host, let user = components.user else {
            throw TestDatabaseError.badURL(url)
        }
        let configuration = PostgresConnection.Configuration(
            host: host, port: components.port ?? 5432, username: user, password: components.password,
            database: String(components.path.dropFirst()).isEmpty ? nil : String(components.path.dropFirst()), tls: .disable
        )
        let connection = try await PostgresConnection.connect(configuration: configuration, id: 1, logger: Logger(label: "pfbot.test.admin"))
        do {
            try await connection.query(PostgresQuery(unsafeSQL: statement), logger: Logger(label: "pfbot.test.admin"))
            try await connection.close()
        } catch {
            try? await connection.close()
            throw error
        }
    }
}

enum TestDatabaseError: Error, CustomStringConvertible {
    case noPostgres
    case badURL(String)

    var description: String {
        switch self {
        case .noPostgres:
            return "PostgreSQL tests need a server: set \(TestDatabase.postgresVariable)=postgres://USER@127.0.0.1:PORT/postgres?sslmode=disable "
                + "(a role allowed to create databases), or run scripts/test, which starts a private PostgreSQL on loopback."
        case .badURL(let url):
            return "\(TestDatabase.postgresVariable) is not a usable URL: \(url)"
        }
    }
}

/// Runs `body` with a fresh store on `engine`, removing the database afterwards.
func withStore(_ engine: Engine, _ body: (SQLStore, TestDatabase) async throws -> Void) async throws {
    let database = try await TestDatabase.make(engine)
    let store = try await database.open()
    do {
        try await body(store, database)
        try await store.close()
        await database.remove()
    } catch {
        try? await store.close()
        await database.remove()
        throw error
    }
}

/// A task for storage tests.
func sampleTask(_ id: String = "task_0123456789abcdef0123456789abcdef", state: TaskState = .proposed, at time: Date = Date(timeIntervalSince1970: 1_790_000_000)) throws -> PostFiatTask {
    PostFiatTask(
        id: try TaskID(id), title: "Write the onboarding guide", kind: .personal, description: "Explain {{setup}} & <b>usage</b>",
        steps: ["Draft", "Review"], verificationAsk: "Link the doc", submissionRequirement: SubmissionRequirement(rawType: "url", criteria: "A public URL"),
        reward: try PFTAmount(parsing: "1250.5"), dueAt: time.addingTimeInterval(86_400), acceptBy: nil, deadlineAt: nil,
        createdAt: time, updatedAt: time, state: state
    )
}
