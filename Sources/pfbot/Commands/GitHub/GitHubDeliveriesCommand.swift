import ArgumentParser
import GitHub

/// `pfbot github deliveries [--redeliver-failed]`: lists the App's recent webhook deliveries.
struct GitHubDeliveriesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "deliveries",
        abstract: "List the GitHub App's webhook deliveries; optionally redeliver the failed ones.",
        discussion: "Needs GitHub App credentials: deliveries belong to the App, not to a token.")

    @Flag(help: "Ask GitHub to send every failed delivery again.")
    var redeliverFailed = false

    func run() async throws {
        let client = try await GitHubCommand.makeClient()
        let deliveries = try await client.listWebhookDeliveries()
        for delivery in deliveries {
            let event = [delivery.event, delivery.action].compactMap { $0 }.joined(separator: ".")
            print("\(delivery.id)\t\(delivery.statusCode)\t\(event)\t\(delivery.guid)")
        }
        guard redeliverFailed else { return }
        let failed = deliveries.filter { !(200..<300).contains($0.statusCode) && $0.redelivery != true }
        for delivery in failed {
            try await client.redeliverWebhookDelivery(id: delivery.id)
            print("redelivery requested for \(delivery.id)")
        }
    }
}
