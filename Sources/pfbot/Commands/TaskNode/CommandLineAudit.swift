import Foundation
import Storage

/// Records a Task Node write made from the command line (`pfbot task accept|refuse|cancel|submit|verify|request`) in
/// the configured store's audit log, as the bot records its own: the action, the task, the command line as its cause
/// and the Task Node's event id. The write has happened by then: a store that cannot be opened is reported on
/// standard error, and the command still succeeds.
enum CommandLineAudit {
    static func record(action: String, subject: String, detail: String?, event: String?, options: TaskNodeOptions) async {
        let user = ProcessInfo.processInfo.environment["USER"].map { "cli:\($0)" } ?? "cli"
        let cause = "pfbot " + CommandLine.arguments.dropFirst().prefix(3).joined(separator: " ")
        do {
            let store = try await openStore(try loadConfiguration(options.config))
            do {
                try await store.appendAudit(AuditEntry(at: Date(), actor: user, action: action, subject: subject, detail: detail, cause: cause,
                                                       taskNodeEvent: event))
                try await store.close()
            } catch {
                try? await store.close()
                throw error
            }
        } catch {
            Output.error("warning: the Task Node took the write, but pfbot could not record it in its audit log: \(error)")
        }
    }
}
