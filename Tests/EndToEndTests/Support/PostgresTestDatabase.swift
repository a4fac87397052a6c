import Foundation
import Logging
import PostgresNIO

/// A new, empty PostgreSQL database for one test on the server named by `PFBOT_TEST_POSTGRES_URL` (`scripts/test`
/// starts a private server on loopback and sets it), dropped by `remove()`.
struct PostgresTestDatabase {
    static let variable = "PFBOT_TEST_POSTGRES_URL"
    /// The database's URL, for `storage.url`.
    let url: String
    private let adminURL: String
    private let name: String

    static func create() async throws -> PostgresTestDatabase {
        guard let adminURL = ProcessInfo.processInfo.environment[variable], var components = URLComponents(string: adminURL) else {
            throw PostgresTestDatabaseError("this test needs PostgreSQL: set \(variable)=postgres://USER@127.0.0.1:PORT/postgres?sslmode=disable "
                + "(a role allowed to create databases), or run scripts/test, which starts a private PostgreSQL on loopback")
        }
        let name = "pfbot_e2e_\(UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased().prefix(16))"
        try await admin(adminURL, "CREATE DATABASE \(name)")
        components.path = "/" + name
        return PostgresTestDatabase(url: components.string ?? adminURL, adminURL: adminURL, name: name)
    }

    func remove() async {
        try? await Self.admin(adminURL, "DROP DATABASE IF EXISTS \(name) WITH (FORCE)")
    }

    private static func admin(_ url: String, _ statement: String) async throws {
        guard let components = URLComponents(string: url), let host = components.host, let user = components.user else {
            throw PostgresTestDatabaseError("\(variable) is not a usable URL (postgres://USER@HOST:PORT/DB): \(url)")
        }
        let database = String(components.path.dropFirst())
        let configuration = PostgresConnection.Configuration(host: host, port: components.port ?? 5432, username: user, password: components.password,
                                                             database: database.isEmpty ? nil : database, tls: .disable)
        let logger = Logger(label: "pfbot.test.postgres")
        let connection = try await PostgresConnection.connect(configuration: configuration, id: 1, logger: logger)
        do {
            try await connection.query(PostgresQuery(unsafeSQL: statement), logger: logger)
            try await connection.close()
        } catch {
            try? await connection.close()
            throw error
        }
    }
}

struct PostgresTestDatabaseError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
