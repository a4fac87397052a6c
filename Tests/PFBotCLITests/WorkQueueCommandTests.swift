import Foundation
import PFBotCore
import PFBotTestSupport
import Storage
import Testing

@Suite struct WorkQueueCommandTests {
    @Test func queue_listsTasksBestFirst_withReasons() async throws {
        let directory = try TemporaryDirectory(prefix: "pfbot-queue")
        defer { directory.remove() }
        let store = try await StoreFactory.open(.sqlite(path: directory.file("data/pfbot.sqlite")))
        let now = Date()
        for (id, title, reward, priority) in [("task_low", "Small fix", "5", nil), ("task_high", "Big guide", "900", nil), ("task_pinned", "Pinned", "1", 9)] {
            let task = PostFiatTask(id: try TaskID(id), title: title, kind: .personal, description: "Write docs.", steps: [], verificationAsk: nil,
                            submissionRequirement: nil, reward: try PFTAmount(parsing: reward), dueAt: nil, acceptBy: nil, deadlineAt: nil,
                            createdAt: now, updatedAt: now, state: .proposed)
            try await store.saveTask(TaskRecord(task: task, manualPriority: try priority.map(ManualPriority.init)), source: "test")
        }
        try await store.close()
        let result = try CommandRunner().run(["tasks", "--queue"], in: directory.path, environment: ["PFBOT_DATA_DIR": directory.file("data"), "PFBOT_FILTERS_MAX_IN_FLIGHT": "1"])
        #expect(result.status == 0, "\(result.standardError)")
        let lines = result.standardOutput.split(separator: "\n").filter { $0.first?.isNumber == true }.map(String.init)
        #expect(lines.count == 3)
        #expect(lines[0].contains("task_pinned"))
        #expect(lines[1].contains("task_high"))
        #expect(lines[2].contains("task_low"))
        #expect(result.standardOutput.contains("manual +9000.0 (set with /pf priority 9)"))
        #expect(result.standardOutput.contains("waiting: WIP limit"))
    }
}
