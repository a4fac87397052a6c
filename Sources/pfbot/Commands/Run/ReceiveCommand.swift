import ArgumentParser
import Crypto
import Foundation
import GitHub
import Pipeline
import Storage

/// `pfbot receive`: handle one webhook payload from a file, or show what would be done.
struct ReceiveCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "receive",
        abstract: "Handle one webhook payload from a file (as if GitHub had delivered it), or with --dry-run print what pfbot would do.",
        discussion: "Useful to test a configuration or a comment without a server. The payload is data: it is parsed, never run."
    )

    @OptionGroup var options: GlobalOptions

    @Option(help: "The event name (X-GitHub-Event), e.g. issue_comment, pull_request, push.")
    var event: String

    @Option(help: ArgumentHelp("The payload file (JSON).", valueName: "path"))
    var payload: String

    @Flag(help: "Describe the actions without taking them (reads only the store).")
    var dryRun = false

    func run() async throws {
        let configuration = try loadConfiguration(options.config)
        let body = try WebhookBodyFile.read(payload, limit: configuration.server.maxBodyBytes)
        let parsed: WebhookEvent
        do {
            parsed = try WebhookEvent.parse(name: event, body: body)
        } catch {
            throw CommandFailure(code: "invalid_payload", message: "\(payload) is not a valid \(event) payload: \(error)",
                                 hint: "give the event name GitHub sent (X-GitHub-Event) and the delivery's body, unchanged")
        }
        if dryRun {
            let store = try await openStore(configuration)
            do {
                let plan = try await WebhookPlan(store: store, repository: configuration.github.repository ?? "", settings: configuration.repository, branchPrefix: configuration.git.branchPrefix).describe(parsed)
                try await store.close()
                if options.json { try Output.success(ReceiveResult(event: event, actions: plan)) } else { plan.forEach { Output.line("• would \($0)") } }
            } catch {
                try? await store.close()
                throw error
            }
            return
        }
        let assembly = try await BotAssembly.build(configuration, logger: LoggingSetup.logger("pfbot.receive", level: configuration.logLevel),
                                                        workerName: ProcessIdentity.name)
        do {
            let digest = SHA256.hash(data: body).prefix(12).map { String(format: "%02x", $0) }.joined()
            let action = ((try? JSONSerialization.jsonObject(with: body)) as? [String: Any])?["action"] as? String
            let isNew = try await assembly.store.recordDelivery(Delivery(id: "receive-\(digest)", event: event, action: action, body: [UInt8](body), receivedAt: Date()))
            let ran = try await assembly.runner.drain()
            try await assembly.store.close()
            if options.json {
                try Output.success(ReceiveResult(event: event, new: isNew, jobsRun: ran))
            } else {
                Output.line(isNew ? "✓ handled \(event): \(ran) jobs run" : "✓ this payload was received before; \(ran) jobs run")
            }
        } catch {
            try? await assembly.store.close()
            throw error
        }
    }
}

/// `pfbot receive --json`'s result: with --dry-run the actions pfbot would take, else whether the payload was new and
/// how many jobs ran.
private struct ReceiveResult: Encodable {
    var event: String
    var actions: [String]?
    var new: Bool?
    var jobsRun: Int?
}
