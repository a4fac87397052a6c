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

    @OptionGroup var output: JSONOption

    func run() async throws {
        let client = try await GitHubCommand.makeClient()
        let deliveries = try await client.listWebhookDeliveries()
        if !output.json {
            for delivery in deliveries {
                let event = [delivery.event, delivery.action].compactMap { $0 }.joined(separator: ".")
                Output.line("\(delivery.id)\t\(delivery.statusCode)\t\(event)\t\(delivery.guid)")
            }
        }
        var redelivered: [Int] = []
        if redeliverFailed {
            for delivery in deliveries where !(200..<300).contains(delivery.statusCode) && delivery.redelivery != true {
                try await client.redeliverWebhookDelivery(id: delivery.id)
                redelivered.append(delivery.id)
                if !output.json { Output.line("redelivery requested for \(delivery.id)") }
            }
        }
        if output.json {
            try Output.success(Listing(deliveries: deliveries.map { Listing.Delivery(id: $0.id, statusCode: $0.statusCode, event: $0.event,
                                                                                     action: $0.action, guid: $0.guid) },
                                       redelivered: redelivered))
        }
    }

    /// `--json`'s result: the deliveries and the ids redelivered.
    private struct Listing: Encodable {
        struct Delivery: Encodable {
            var id: Int
            var statusCode: Int
            var event: String
            var action: String?
            var guid: String
        }

        var deliveries: [Delivery]
        var redelivered: [Int]
    }
}
