import AsyncHTTPClient
import Foundation
import NIOCore
import PFBotTestSupport
import SandboxWorld
import Testing

/// `pfbot init --app` as a process, against the GitHub emulator: the one-shot page, GitHub's registration form,
/// the redirect back, the code exchange, the 0600 files, and `pfbot doctor` authenticating as the new App.
@Suite(.serialized) struct AppManifestFlowTests {
    @Test func appFlow_registersTheApp_savesItsCredentials_andTheBotAuthenticatesWithThem() async throws {
        try await withSandboxWorld(prefix: "pfbot-app-flow") { world, directory in
            let github = world.github.apiURL
            let starter = try await CommandRunner().runAsync(["init", "--directory", directory.path], in: directory.path)
            #expect(starter.status == 0, "\(starter.standardError)")

            let flow = try AppFlowProcess.launch(
                ["init", "--app", "--url", "https://bot.example.net", "--github-url", github, "--github-api-url", github, "--directory", directory.path],
                in: directory.path)
            defer { flow.terminate() }
            let pageURL = try flow.waitForPageURL()

            // The page: a form posting the manifest to GitHub's registration page, with a state.
            let page = try await Self.fetch(pageURL)
            #expect(page.status == 200)
            let action = try #require(Self.attribute("action", in: page.body))
            #expect(action.hasPrefix("\(github)/settings/apps/new?state="))
            let state = String(action.split(separator: "=").last ?? "")
            let manifestText = try #require(Self.attribute("value", in: page.body))
            let manifest = try #require(try JSONSerialization.jsonObject(with: Data(manifestText.utf8)) as? [String: Any])
            #expect(manifest["redirect_url"] as? String == pageURL + "github/app-created")
            #expect((manifest["hook_attributes"] as? [String: Any])?["url"] as? String == "https://bot.example.net/webhooks/github")
            #expect(manifest["default_permissions"] as? [String: String] == [
                "issues": "write", "pull_requests": "write", "contents": "write", "checks": "write", "metadata": "read",
            ])

            // The browser posts the form; the user presses "Create GitHub App"; GitHub redirects back with a code.
            let posted = try await Self.postForm(action, fields: ["manifest": manifestText])
            #expect(posted.status == 200, "\(posted.body)")
            let redirect = try await world.github.emulator.createAppFromPostedManifest(as: "acme")
            #expect(redirect.hasPrefix(pageURL + "github/app-created?code="))
            #expect(redirect.hasSuffix("&state=\(state)"))

            // A redirect carrying another state is refused, and the page keeps waiting for the real one.
            let forged = try await Self.fetch(pageURL + "github/app-created?code=stolen&state=forged")
            #expect(forged.status == 400)
            let back = try await Self.fetch(redirect)
            #expect(back.status == 200, "\(back.body)")
            #expect(back.body.contains("/installations/new"))

            let result = await flow.waitForExit()
            #expect(result.status == 0, "\(result.standardOutput)\(result.standardError)")
            #expect(result.standardOutput.contains("wrote secrets/github-app.pem (mode 0600)"))
            #expect(result.standardOutput.contains("https://github.emulator/apps/pfbot/installations/new"))

            for file in ["secrets/github-app.pem", "secrets/github-webhook-secret"] {
                let attributes = try FileManager.default.attributesOfItem(atPath: directory.file(file))
                #expect((attributes[.posixPermissions] as? Int) == 0o600, "\(file)")
            }
            let pem = try String(contentsOfFile: directory.file("secrets/github-app.pem"), encoding: .utf8)
            #expect(pem.contains("PRIVATE KEY"))
            let configuration = try String(contentsOfFile: directory.file("pfbot.yml"), encoding: .utf8)
            let appID = try #require(configuration.split(separator: "\n").first { $0.hasPrefix("  app_id: ") }.flatMap { Int($0.dropFirst(10)) })
            #expect(configuration.contains("\n  private_key_file: secrets/github-app.pem\n"))
            #expect(configuration.contains("\n  webhook_secret_files: [secrets/github-webhook-secret]\n"))

            // The code works once: a second exchange is refused.
            let code = try #require(URLComponents(string: redirect)?.queryItems?.first { $0.name == "code" }?.value)
            let again = try await Self.postForm("\(github)/app-manifests/\(code)/conversions", fields: [:])
            #expect(again.status == 404)

            // Installed on the repository, the App's saved credentials authenticate the bot.
            await world.github.emulator.addInstallation(id: 4242, appID: appID)
            let environment = [
                "PFBOT_TASKNODE_URL": world.taskNodeURL, "PFBOT_WALLET_SEED": SandboxWorld.walletSeed, "PFBOT_GITHUB_REPOSITORY": "acme/tasks",
                "PFBOT_GITHUB_API_URL": github, "PFBOT_GITHUB_INSTALLATION_ID": "4242",
            ]
            let doctor = try await CommandRunner().runAsync(["doctor"], in: directory.path, environment: environment)
            #expect(doctor.status == 0, "\(doctor.standardOutput)\(doctor.standardError)")
            #expect(doctor.standardOutput.contains("✓ github.repository: acme/tasks is reachable (default branch main)"))
            let tokens = await world.github.emulator.requests().filter { $0.path == "/app/installations/4242/access_tokens" && $0.status == 201 }
            #expect(!tokens.isEmpty, "doctor did not authenticate as the App")
        }
    }

    @Test func appFlow_withoutURL_isRefusedBeforeServing() async throws {
        let directory = try TemporaryDirectory(prefix: "pfbot-app-flow-url")
        defer { directory.remove() }
        let result = try await CommandRunner().runAsync(["init", "--app"], in: directory.path)
        #expect(result.status != 0)
        #expect(result.standardError.contains("--app needs --url"))
    }

    static func fetch(_ url: String) async throws -> (status: Int, body: String) {
        var request = HTTPClientRequest(url: url)
        request.headers.add(name: "User-Agent", value: "pfbot-tests-browser")
        let response = try await HTTPClient.shared.execute(request, timeout: .seconds(30))
        let body = try await response.body.collect(upTo: 1 << 20)
        return (Int(response.status.code), String(buffer: body))
    }

    static func postForm(_ url: String, fields: [String: String]) async throws -> (status: Int, body: String) {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        let encoded = fields.map { "\($0.key)=\($0.value.addingPercentEncoding(withAllowedCharacters: allowed) ?? "")" }.joined(separator: "&")
        var request = HTTPClientRequest(url: url)
        request.method = .POST
        request.headers.add(name: "User-Agent", value: "pfbot-tests-browser")
        request.headers.add(name: "Content-Type", value: "application/x-www-form-urlencoded")
        request.body = .bytes(ByteBuffer(string: encoded))
        let response = try await HTTPClient.shared.execute(request, timeout: .seconds(30))
        let body = try await response.body.collect(upTo: 1 << 20)
        return (Int(response.status.code), String(buffer: body))
    }

    /// The first `name="…"` attribute value in `html`, HTML entities decoded.
    static func attribute(_ name: String, in html: String) -> String? {
        guard let start = html.range(of: " \(name)=\"") else { return nil }
        let value = html[start.upperBound...].prefix { $0 != "\"" }
        return value.replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">").replacingOccurrences(of: "&amp;", with: "&")
    }
}

/// `pfbot init --app` running in the background: its standard output is collected as it comes.
final class AppFlowProcess: @unchecked Sendable {
    private let process: Process
    private let lock = NSLock()
    private var output = ""
    private var errors = ""
    private let finished = DispatchGroup()

    private init(process: Process) {
        self.process = process
    }

    static func launch(_ arguments: [String], in directory: String) throws -> AppFlowProcess {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try CommandRunner().executable)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        process.environment = ["PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"]
        let standardOutput = Pipe(), standardError = Pipe()
        process.standardOutput = standardOutput
        process.standardError = standardError
        let running = AppFlowProcess(process: process)
        try process.run()
        for (pipe, isError) in [(standardOutput, false), (standardError, true)] {
            running.finished.enter()
            DispatchQueue.global().async {
                while case let chunk = pipe.fileHandleForReading.availableData, !chunk.isEmpty {
                    running.append(String(decoding: chunk, as: UTF8.self), isError: isError)
                }
                running.finished.leave()
            }
        }
        return running
    }

    private func append(_ text: String, isError: Bool) {
        lock.lock()
        defer { lock.unlock() }
        if isError { errors += text } else { output += text }
    }

    private var collected: (output: String, errors: String) {
        lock.lock()
        defer { lock.unlock() }
        return (output, errors)
    }

    /// The page's address (`http://127.0.0.1:PORT/`) once the process printed it.
    func waitForPageURL() throws -> String {
        let deadline = Date().addingTimeInterval(60)
        while Date() < deadline {
            let text = collected.output
            if let range = text.range(of: "Open http://127.0.0.1:") {
                let port = text[range.upperBound...].prefix(while: \.isNumber)
                return "http://127.0.0.1:\(port)/"
            }
            guard process.isRunning else { break }
            Thread.sleep(forTimeInterval: 0.05)
        }
        throw FixtureError.missing("pfbot init --app printed no page address: \(collected.output)\(collected.errors)")
    }

    /// Waits (off the cooperative pool) for the process to end.
    func waitForExit() async -> (status: Int32, standardOutput: String, standardError: String) {
        await withCheckedContinuation { continuation in
            DispatchQueue.global().async {
                self.process.waitUntilExit()
                self.finished.wait()
                continuation.resume()
            }
        }
        let (output, errors) = collected
        return (process.terminationStatus, output, errors)
    }

    func terminate() {
        if process.isRunning { process.terminate() }
    }
}
