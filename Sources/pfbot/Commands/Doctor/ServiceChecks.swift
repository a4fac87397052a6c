import AsyncHTTPClient
import Foundation
import GitHub
import PFBotConfig
import PFBotCore
import Pipeline
import XRPL

/// `pfbot doctor`'s checks of the outside world: the wallet, the Task Node and GitHub, each a ✓/✗ line with the fix.
struct ServiceChecks {
    let configuration: Configuration
    let secrets: SecretReader

    func run() async -> [Check] {
        [walletCheck(), await taskNodeCheck(), await gitHubCheck()]
    }

    private func walletCheck() -> Check {
        do {
            let wallet = try TaskNodeAccess.resolve(configuration, secrets: secrets).secret.wallet()
            return Check(name: "wallet", ok: true, detail: "\(wallet.keyType) wallet \(wallet.address)")
        } catch {
            return Check(name: "wallet", ok: false, detail: String(describing: error))
        }
    }

    private func taskNodeCheck() async -> Check {
        let url = configuration.taskNode.url.appendingPathComponent("api/session").absoluteString
        do {
            let response = try await HTTPClient.shared.execute(HTTPClientRequest(url: url), timeout: .seconds(5))
            let status = Int(response.status.code)
            guard status < 500 else {
                return Check(name: "tasknode.url", ok: false, detail: "\(url) answered \(status); the Task Node is failing, try later")
            }
            return Check(name: "tasknode.url", ok: true, detail: "\(configuration.taskNode.url.absoluteString) answers")
        } catch {
            return Check(name: "tasknode.url", ok: false, detail: "cannot reach \(url) (\(error)); check tasknode.url and the network")
        }
    }

    private func gitHubCheck() async -> Check {
        guard let name = configuration.github.repository, let repository = RepositoryRef(fullName: name) else {
            return Check(name: "github.repository", ok: false, detail: "not set; set github.repository to owner/name")
        }
        do {
            let authentication = try BotAssembly.gitHubAuthentication(configuration, secrets: secrets)
            let client = try await GitHubClient(configuration: GitHubConfiguration(baseURL: configuration.github.apiURL.absoluteString,
                                                                                 authentication: authentication, requestTimeout: 10))
            let found = try await client.repository(repository)
            return Check(name: "github.repository", ok: true, detail: "\(name) is reachable (default branch \(found.defaultBranch ?? "?"))")
        } catch {
            return Check(name: "github.repository", ok: false, detail: String(describing: error))
        }
    }
}
