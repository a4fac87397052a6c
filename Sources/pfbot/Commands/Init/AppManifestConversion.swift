import AsyncHTTPClient
import Foundation
import NIOCore

/// What GitHub answers to `POST /app-manifests/{code}/conversions`: the new App and its credentials (the fields
/// pfbot keeps; the client id and secret are for OAuth, which pfbot does not use, and are not stored).
struct AppManifestConversion: Decodable, Sendable {
    var id: Int
    var slug: String?
    var name: String
    var htmlURL: String
    var pem: String
    var webhookSecret: String?

    enum CodingKeys: String, CodingKey {
        case id, slug, name, pem
        case htmlURL = "html_url"
        case webhookSecret = "webhook_secret"
    }

    /// Where the App is installed on repositories.
    var installURL: String { htmlURL + "/installations/new" }

    /// Exchanges a temporary manifest `code` at the GitHub API `apiURL` (no authentication: the code is the proof).
    /// - Throws: ``InitError/conversionFailed(_:)`` with what GitHub said, or why it could not be reached.
    static func exchange(code: String, apiURL: String) async throws(InitError) -> AppManifestConversion {
        let escaped = code.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? code
        var request = HTTPClientRequest(url: apiURL + "/app-manifests/\(escaped)/conversions")
        request.method = .POST
        request.headers.add(name: "Accept", value: "application/vnd.github+json")
        request.headers.add(name: "X-GitHub-Api-Version", value: "2022-11-28")
        request.headers.add(name: "User-Agent", value: "pfbot")
        let status: Int
        let body: ByteBuffer
        do {
            let response = try await HTTPClient.shared.execute(request, timeout: .seconds(30))
            status = Int(response.status.code)
            body = try await response.body.collect(upTo: 1 << 20)
        } catch {
            throw .conversionFailed("cannot reach \(apiURL) (\(error)); check --github-api-url and the network, then run `pfbot init --app` again")
        }
        let data = Data(body.readableBytesView)
        guard status == 201 else {
            let message = (try? JSONDecoder().decode([String: String].self, from: data))?["message"] ?? String(decoding: data.prefix(200), as: UTF8.self)
            throw .conversionFailed("GitHub answered \(status) (\(message)); the code is valid once and for one hour, so run `pfbot init --app` again")
        }
        do {
            return try JSONDecoder().decode(AppManifestConversion.self, from: data)
        } catch {
            throw .conversionFailed("GitHub's answer lacks the App's id, name, html_url or pem (\(error)); run `pfbot init --app` again")
        }
    }
}
