import Foundation
import Hummingbird
import NIOCore

/// A header field (swift-http-types `HTTPField`, reached through Hummingbird's `HTTPFields`).
private typealias Field = HTTPFields.Element

/// Serves the bare repositories under a root folder over git's smart HTTP protocol by running
/// `git http-backend` as a CGI program, behind a pluggable ``GitHTTPAuthoriser``.
///
/// Repositories are addressed as `/<owner>/<name>.git/…` and stored at `<root>/<owner>/<name>.git`. Only the
/// smart protocol is served (`info/refs`, `git-upload-pack`, `git-receive-pack`).
///
/// ```swift
/// let router = Router()
/// GitHTTPBackend(root: reposFolder, authoriser: TokenAuthoriser(tokens: ["t0ken"])).registerRoutes(on: router)
/// ```
public struct GitHTTPBackend: Sendable {
    /// The folder holding `<owner>/<name>.git` bare repositories.
    public let root: URL
    /// Who may fetch and push.
    public let authoriser: any GitHTTPAuthoriser
    /// The `git` program that provides `http-backend`.
    public let gitExecutable: URL

    /// Creates a backend.
    /// - Parameters:
    ///   - root: the folder holding `<owner>/<name>.git` bare repositories.
    ///   - authoriser: decides on each request.
    ///   - gitExecutable: the git program (default `/usr/bin/git`).
    public init(root: URL, authoriser: any GitHTTPAuthoriser, gitExecutable: URL = URL(fileURLWithPath: "/usr/bin/git")) {
        self.root = root
        self.authoriser = authoriser
        self.gitExecutable = gitExecutable
        // A client that hangs up must not kill the process when we write to the CGI child's closed stdin.
        signal(SIGPIPE, SIG_IGN)
    }

    /// Registers `GET /{owner}/{repo}/info/refs`, `POST /{owner}/{repo}/git-upload-pack` and
    /// `POST /{owner}/{repo}/git-receive-pack` on `router` (or a group of it).
    public func registerRoutes<Context: RequestContext>(on router: some RouterMethods<Context>) {
        router.get("{owner}/{repo}/info/refs") { request, context in
            try await respond(to: request, parameters: context.parameters, service: "info/refs")
        }
        for service in ["git-upload-pack", "git-receive-pack"] {
            router.post("{owner}/{repo}/\(service)") { request, context in
                try await respond(to: request, parameters: context.parameters, service: service)
            }
        }
    }

    private func respond(to request: Request, parameters: Parameters, service: String) async throws -> Response {
        let owner = try parameters.require("owner")
        let repo = try parameters.require("repo")
        guard Self.isSafeComponent(owner), Self.isSafeComponent(repo), repo.hasSuffix(".git") else {
            return Response(status: .notFound)
        }
        let query = request.uri.query ?? ""
        let isPush = service == "git-receive-pack" || query.contains("service=git-receive-pack")
        let credentials = BasicCredentials(authorization: request.headers[.authorization])
        let access = GitHTTPAccess(repository: "\(owner)/\(repo)", isPush: isPush, user: credentials?.user, password: credentials?.password)
        switch await authoriser.authorise(access) {
        case .deny:
            return Response(status: .forbidden)
        case .challenge(let realm):
            var headers = HTTPFields()
            headers[.wwwAuthenticate] = "Basic realm=\"\(realm)\""
            return Response(status: .unauthorized, headers: headers)
        case .allow(let remoteUser):
            let environment = cgiEnvironment(request: request, pathInfo: "/\(owner)/\(repo)/\(service)", query: query, remoteUser: remoteUser)
            let output = try await GitCGIProcess(gitExecutable: gitExecutable, environment: environment)
                .run(body: request.body) { Data(buffer: $0) }
            return Self.response(from: output)
        }
    }

    private func cgiEnvironment(request: Request, pathInfo: String, query: String, remoteUser: String) -> [String: String] {
        var environment = [
            "GIT_PROJECT_ROOT": root.path,
            "GIT_HTTP_EXPORT_ALL": "1",
            "REQUEST_METHOD": request.method.rawValue,
            "PATH_INFO": pathInfo,
            "QUERY_STRING": query,
            "REMOTE_USER": remoteUser,
            "REMOTE_ADDR": "127.0.0.1",
            "GIT_CONFIG_NOSYSTEM": "1",
            "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin",
            "HOME": root.path,
        ]
        environment["CONTENT_TYPE"] = request.headers[.contentType]
        environment["CONTENT_LENGTH"] = request.headers[.contentLength]
        environment["HTTP_CONTENT_ENCODING"] = request.headers[.contentEncoding]
        if let gitProtocol = Field.Name("Git-Protocol") { environment["HTTP_GIT_PROTOCOL"] = request.headers[gitProtocol] }
        return environment
    }

    private static func response(from output: Data) -> Response {
        guard let cgi = CGIResponse.parse(output) else { return Response(status: .badGateway) }
        var headers = HTTPFields()
        for (name, value) in cgi.headers {
            guard let fieldName = Field.Name(name), fieldName != .contentLength else { continue }
            headers.append(Field(name: fieldName, value: value))
        }
        return Response(status: HTTPResponse.Status(code: cgi.status), headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: cgi.body)))
    }

    private static func isSafeComponent(_ component: String) -> Bool {
        !["", ".", "..", ".git"].contains(component) && !component.contains("/") && !component.contains("\\")
    }
}
