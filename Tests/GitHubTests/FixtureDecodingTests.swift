import Foundation
import GitHub
import PFBotTestSupport
import Testing

@Suite struct FixtureDecodingTests {
    /// Every recorded webhook payload, with its event name (the folder it sits in).
    static func webhookFixtures() throws -> [(event: String, file: URL)] {
        let root = try Fixtures.root().appendingPathComponent("github/webhooks")
        let folders = try FileManager.default.contentsOfDirectory(at: root, includingPropertiesForKeys: [.isDirectoryKey])
        var found: [(String, URL)] = []
        for folder in folders where (try? folder.resourceValues(forKeys: [.isDirectoryKey]).isDirectory) == true {
            for file in try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil) where file.pathExtension == "json" {
                found.append((folder.lastPathComponent, file))
            }
        }
        return found.sorted { $0.1.path < $1.1.path }
    }

    @Test func everyWebhookFixtureDecodesIntoItsTypedEvent() throws {
        let fixtures = try Self.webhookFixtures()
        #expect(fixtures.count >= 100)
        for (event, file) in fixtures {
            let body = try Data(contentsOf: file)
            do {
                let parsed = try WebhookEvent.parse(name: event, body: body)
                #expect(parsed.name == event, "\(file.lastPathComponent)")
                if case .unknown = parsed { Issue.record("\(event) parsed as unknown") }
            } catch {
                Issue.record("\(event)/\(file.lastPathComponent): \(error)")
            }
        }
    }

    @Test func webhookFixturesCarryTheFieldsThePipelineReads() throws {
        let comment = try WebhookEvent.parse(name: "issue_comment", body: Fixtures.data("github/webhooks/issue_comment/created.payload.json"))
        guard case .issueComment(let event) = comment else {
            Issue.record("not an issue comment")
            return
        }
        #expect(event.action == "created")
        #expect(event.repository.fullName.contains("/"))
        #expect(event.comment.id > 0)
        let closed = try WebhookEvent.parse(name: "pull_request", body: Fixtures.data("github/webhooks/pull_request/closed.payload.json"))
        if case .pullRequest(let pull) = closed {
            #expect(pull.action == "closed")
            #expect(pull.pullRequest.head.sha.count == 40)
        } else {
            Issue.record("not a pull request event")
        }
        let push = try WebhookEvent.parse(name: "push", body: Fixtures.data("github/webhooks/push/payload.json"))
        if case .push(let event) = push {
            #expect(event.ref.hasPrefix("refs/"))
        } else {
            Issue.record("not a push event")
        }
    }

    @Test func unknownEventNamesAreReportedNotDecoded() throws {
        #expect(try WebhookEvent.parse(name: "star", body: Data("not even json".utf8)) == .unknown("star"))
    }

    /// A decoder for each recorded REST exchange that touches an endpoint the client uses.
    static func decoder(method: String, path: String) -> ((Data) throws -> Void)? {
        let decoder = GitHubJSON.decoder()
        let route = path.split(separator: "?").first.map(String.init) ?? path
        let parts = route.split(separator: "/").map(String.init)
        func ends(_ suffix: String) -> Bool { route.hasSuffix(suffix) }
        switch method {
        case "get" where parts.count == 3 && parts[0] == "repos":
            return { _ = try decoder.decode(GitHubRepository.self, from: $0) }
        case "get" where ends("/issues") && ["repos", "repositories"].contains(parts[0]):
            return { _ = try decoder.decode([GitHubIssue].self, from: $0) }
        case "post" where ends("/issues"):
            return { _ = try decoder.decode(GitHubIssue.self, from: $0) }
        case "post" where parts.count >= 2 && parts[parts.count - 1] == "labels" && parts[parts.count - 3] == "issues":
            return { _ = try decoder.decode([Label].self, from: $0) }
        case "get" where ends("/labels"):
            return { _ = try decoder.decode([Label].self, from: $0) }
        case "post" where ends("/labels"):
            return { _ = try decoder.decode(Label.self, from: $0) }
        case "patch" where route.contains("/labels/"), "get" where route.contains("/labels/"):
            return { _ = try decoder.decode(Label.self, from: $0) }
        case "post" where route.contains("/statuses/"):
            return { _ = try decoder.decode(CommitStatus.self, from: $0) }
        case "get" where ends("/statuses"):
            return { _ = try decoder.decode([CommitStatus].self, from: $0) }
        case "get" where ends("/collaborators"):
            return { _ = try decoder.decode([GitHubUser].self, from: $0) }
        default:
            return nil
        }
    }

    @Test func everyRecordedRESTResponseForOurEndpointsDecodes() throws {
        let root = try Fixtures.root().appendingPathComponent("github/rest")
        var decoded = 0
        var errorBodies = 0
        for file in try FileManager.default.contentsOfDirectory(at: root, includingPropertiesForKeys: nil) where file.pathExtension == "json" {
            let exchanges = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: file)) as? [[String: Any]])
            for exchange in exchanges {
                let method = exchange["method"] as? String ?? ""
                let path = exchange["path"] as? String ?? ""
                let status = exchange["status"] as? Int ?? 0
                guard let response = exchange["response"], !(response is String) else { continue }
                let body = try JSONSerialization.data(withJSONObject: response)
                if status >= 400 {
                    let error = try GitHubJSON.decoder().decode(GitHubErrorBody.self, from: body)
                    #expect(!error.message.isEmpty)
                    errorBodies += 1
                    continue
                }
                guard let decode = Self.decoder(method: method, path: path) else { continue }
                do {
                    try decode(body)
                    decoded += 1
                } catch {
                    Issue.record("\(file.lastPathComponent) \(method) \(path): \(error)")
                }
            }
        }
        #expect(decoded == 17)
        #expect(errorBodies == 2)
    }

    @Test func recordedValidationErrorNamesTheField() throws {
        let exchanges = try #require(try JSONSerialization.jsonObject(with: Fixtures.data("github/rest/errors.json")) as? [[String: Any]])
        let body = try JSONSerialization.data(withJSONObject: try #require(exchanges.first?["response"]))
        let error = try GitHubJSON.decoder().decode(GitHubErrorBody.self, from: body)
        #expect(error.message == "Validation Failed")
        #expect(error.errors?.first?.field == "color")
        #expect(error.errors?.first?.code == "invalid")
    }

    @Test func recordedLinkHeadersYieldTheNextPage() throws {
        let exchanges = try #require(try JSONSerialization.jsonObject(with: Fixtures.data("github/rest/paginate-issues.json")) as? [[String: Any]])
        let links = exchanges.map { LinkHeader(($0["headers"] as? [String: Any])?["link"] as? String) }
        #expect(links[0].next == "https://api.github.com/repositories/1000/issues?per_page=3&page=2")
        #expect(links[0].links["last"] == "https://api.github.com/repositories/1000/issues?per_page=3&page=5")
        #expect(links[4].next == nil)
        #expect(links[4].links["first"] != nil)
    }
}
