import ArgumentParser
import Foundation
import PFBotCore
import PostFiat

/// Renders tasks as a fixed-width table.
enum TaskTable {
    static func render(_ tasks: [NodeTask]) -> String {
        let header = ["ID", "TITLE", "KIND", "STATUS", "REWARD", "DUE"]
        let rows = tasks.map { node -> [String] in
            let task = node.task
            return [task.id.rawValue, String(task.title.prefix(48)), task.kind.name, task.state.rawValue,
                    task.reward.description, task.effectiveDeadline.map { ISOTimestamp.string(from: $0) } ?? "-"]
        }
        guard !rows.isEmpty else { return "No tasks." }
        let widths = header.indices.map { column in ([header] + rows).map { $0[column].count }.max() ?? 0 }
        return ([header] + rows).map { row in
            row.enumerated().map { $0.element.padding(toLength: widths[$0.offset], withPad: " ", startingAt: 0) }
                .joined(separator: "  ").trimmingCharacters(in: .whitespaces)
        }.joined(separator: "\n")
    }
}
