import Foundation
import Logging
import PFBotCore
import Storage
import PFBotTestSupport
import Testing

/// SQL statements are logged with their parameters only at `.trace`: a debug log of a store write never carries
/// the text of a task or a comment.
@Suite struct QueryLoggingTests {
    static let secretText = "Confidential-title-3e1b7c"

    @Test(arguments: Engine.allCases)
    func debugLogOfAStoreWrite_holdsNoTaskText_traceLogDoes(engine: Engine) async throws {
        for level in [Logger.Level.debug, .trace] {
            let database = try await TestDatabase.make(engine)
            let lines = Collected<String>()
            var logger = Logger(label: "pfbot.storage") { _ in CapturingLogHandler(lines: lines) }
            logger.logLevel = level
            let store = try await StoreFactory.open(database.location, logger: logger)
            do {
                var task = try sampleTask()
                task.title = Self.secretText
                try await store.saveTask(TaskRecord(task: task), source: "test")
                try await store.appendAudit(AuditEntry(at: Date(), actor: "octocat", action: "comment", subject: "issue 1", detail: Self.secretText))
                try await store.close()
            } catch {
                try? await store.close()
                await database.remove()
                throw error
            }
            await database.remove()
            let logged = lines.all.joined(separator: "\n")
            if level == .debug {
                #expect(!logged.contains(Self.secretText), "\(engine): \(logged.prefix(2000))")
            } else {
                #expect(logged.contains(Self.secretText), "\(engine): the trace log should show the statements and parameters")
            }
        }
    }
}

/// Renders every entry with its metadata into a list of lines.
struct CapturingLogHandler: LogHandler {
    let lines: Collected<String>
    var logLevel: Logger.Level = .trace
    var metadata: Logger.Metadata = [:]

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        let merged = metadata.merging(event.metadata ?? [:]) { _, new in new }
        lines.append("\(event.level) \(event.message) \(merged)")
    }
}
