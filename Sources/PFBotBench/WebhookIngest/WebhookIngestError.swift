/// Why the webhook-ingest benchmark could not run or its result cannot be trusted.
enum WebhookIngestError: Error, CustomStringConvertible {
    case serverDidNotStart(String)
    case badArgument(String)
    case missingFixture(String)
    case notDurable(accepted: Int, stored: Int)
    case loadGeneratorFailed(String)

    var description: String {
        switch self {
        case .serverDidNotStart(let name):
            return "The \(name) server did not bind a port on 127.0.0.1; check that loopback networking is available."
        case .badArgument(let why):
            return "Bad argument: \(why). Usage: PFBotBench webhook-ingest [--seconds N] [--concurrency 16,64] [--warmup-seconds N] [--single-seconds N]"
        case .missingFixture(let what):
            return "Missing fixture: \(what) (run from the pfbot checkout, whose Tests/Fixtures holds it, or set PFBOT_FIXTURES)"
        case .loadGeneratorFailed(let output):
            return "wrk did not run to the end or printed no result line; its output:\n\(output)"
        case .notDurable(let accepted, let stored):
            return "Durability check failed: \(accepted) deliveries were answered 202 but the store holds \(stored) queued jobs."
        }
    }
}
