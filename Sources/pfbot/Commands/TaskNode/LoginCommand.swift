import ArgumentParser
import PostFiat

/// `pfbot login`: logs in to the Task Node with the wallet and stores the session.
struct LoginCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "login",
        abstract: "Log in to the Post Fiat Task Node with the configured wallet.",
        discussion: "Signs the Task Node's login challenge with the wallet and stores the 7-day session cookie (mode 0600).")

    @OptionGroup var options: TaskNodeOptions

    func run() async throws {
        let client = try options.makeClient()
        let session = try await client.login()
        let expiry = session.expiresAt.map { ISOTimestamp.string(from: $0) } ?? "unknown"
        if options.json {
            try Output.success(["address": session.address, "account_id": session.accountID, "expires_at": session.expiresAt.map { ISOTimestamp.string(from: $0) }])
        } else {
            Output.line("Logged in as \(session.address) (account \(session.accountID)); session expires \(expiry).")
        }
    }
}
