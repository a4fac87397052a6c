import Foundation
import Hummingbird
import NIOCore
import Server

/// The one-shot loopback page of `pfbot init --app`: serves the form that posts the App manifest to GitHub, takes
/// GitHub's redirect back (checking `state`), exchanges the code and saves the credentials, then reports once.
actor AppRegistrationSession {
    /// Where GitHub sends the browser back, below the page's address.
    static let redirectPath = "/github/app-created"

    /// What the session ended with: the App and the files written, or why not.
    typealias Outcome = Result<(app: AppManifestConversion, written: AppCredentialWriter.Written), InitError>

    /// The random value the form sends to GitHub and GitHub must send back.
    let state: String
    private let formAction: String
    private let organization: String?
    private let apiURL: String
    private let writer: AppCredentialWriter
    private var manifestJSON = ""
    private var exchanging = false
    private let continuation: AsyncStream<Outcome>.Continuation
    /// The session's outcome; its first element is the only one.
    let outcomes: AsyncStream<Outcome>

    /// A session registering the App at the GitHub web address `githubURL` (for `organization`, or the user's own
    /// account), exchanging the code at `apiURL`, and saving with `writer`.
    init(githubURL: String, apiURL: String, organization: String?, writer: AppCredentialWriter) {
        state = (0..<16).map { _ in String(format: "%02x", UInt8.random(in: 0...255)) }.joined()
        let path = organization.map { "/organizations/\($0.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? $0)/settings/apps/new" }
            ?? "/settings/apps/new"
        formAction = githubURL + path + "?state=" + state
        self.organization = organization
        self.apiURL = apiURL
        self.writer = writer
        (outcomes, continuation) = AsyncStream<Outcome>.makeStream()
    }

    /// Sets the manifest the form posts (known once the page's port is).
    func setManifest(_ manifest: GitHubAppManifest) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        manifestJSON = String(decoding: try encoder.encode(manifest), as: UTF8.self)
    }

    /// Ends the session with `outcome` (the first call wins).
    func finish(_ outcome: Outcome) {
        continuation.yield(outcome)
        continuation.finish()
    }

    /// The router of the page: `GET /` (the form) and `GET /github/app-created` (GitHub's redirect).
    nonisolated func router() -> Router<BasicRequestContext> {
        let router = Router()
        router.get("/") { _, _ in Self.html(.ok, AppRegistrationPage.form(action: self.formAction, manifestJSON: await self.manifestJSON, organization: self.organization)) }
        router.get(RouterPath(stringLiteral: Self.redirectPath)) { request, _ in
            let (status, page) = await self.redirected(code: request.uri.queryParameters.get("code"), state: request.uri.queryParameters.get("state"))
            return Self.html(status, page)
        }
        return router
    }

    /// Handles GitHub's redirect: a wrong or missing `state` is refused (and the session keeps waiting); otherwise
    /// the code is exchanged once and the credentials saved, which ends the session.
    private func redirected(code: String?, state returned: String?) async -> (HTTPResponse.Status, String) {
        guard let returned, Self.constantTimeEqual(returned, state) else {
            return (.badRequest, AppRegistrationPage.failed("This link does not carry the state pfbot sent to GitHub, so it was ignored. "
                + "Start from the page `pfbot init --app` printed."))
        }
        guard let code, !code.isEmpty else {
            return (.badRequest, AppRegistrationPage.failed("GitHub sent no code; press the button on the page `pfbot init --app` printed again."))
        }
        guard !exchanging else {
            return (.conflict, AppRegistrationPage.failed("This App is being saved already; see the terminal."))
        }
        exchanging = true
        do throws(InitError) {
            let app = try await AppManifestConversion.exchange(code: code, apiURL: apiURL)
            let written = try writer.write(app)
            finish(.success((app, written)))
            return (.ok, AppRegistrationPage.created(name: app.name, installURL: app.installURL))
        } catch {
            finish(.failure(error))
            return (.badGateway, AppRegistrationPage.failed(error.description))
        }
    }

    private static func html(_ status: HTTPResponse.Status, _ page: String) -> Response {
        Response(status: status, headers: [.contentType: "text/html; charset=utf-8", .cacheControl: "no-store"],
                 body: ResponseBody(byteBuffer: ByteBuffer(string: page)))
    }

    private static func constantTimeEqual(_ left: String, _ right: String) -> Bool {
        let a = Array(left.utf8), b = Array(right.utf8)
        guard a.count == b.count else { return false }
        return zip(a, b).reduce(UInt8(0)) { $0 | ($1.0 ^ $1.1) } == 0
    }
}
