import Foundation
import PFBotCore
@testable import Storage
import Testing

/// What migration 010 adds: the digest of a comment pfbot edits in place (the QC report on a pull request), and the
/// template pack chosen for a task with its reason (shown on the issue).
@Suite struct StickyCommentAndPackStateTests {
    let now = Date(timeIntervalSince1970: 1_790_000_000)

    @Test(arguments: Engine.allCases)
    func aStickyComment_keepsItsLastDigest_andAnUpdateWithoutOneKeepsIt(engine: Engine) async throws {
        try await withStore(engine) { store, _ in
            let first = PostedCommentRecord(repository: "acme/tasks", issue: 12, event: "qc-report:task_1", commentID: 41, bodyDigest: "d1", recordedAt: now)
            try await store.recordPostedComment(first)
            #expect(try await store.postedComment(repository: "acme/tasks", issue: 12, event: "qc-report:task_1") == first)
            var edited = first
            edited.bodyDigest = "d2"
            edited.recordedAt = now.addingTimeInterval(1)
            try await store.recordPostedComment(edited)
            #expect(try await store.postedComment(repository: "acme/tasks", issue: 12, event: "qc-report:task_1")?.bodyDigest == "d2")
            try await store.recordPostedComment(PostedCommentRecord(repository: "acme/tasks", issue: 12, event: "qc-report:task_1", commentID: nil,
                                                                    recordedAt: now.addingTimeInterval(2)))
            let kept = try #require(try await store.postedComment(repository: "acme/tasks", issue: 12, event: "qc-report:task_1"))
            #expect(kept.bodyDigest == "d2")
            #expect(kept.commentID == 41)
        }
    }

    @Test(arguments: Engine.allCases)
    func theChosenPack_isKeptPerTask_andReplacedWhenChosenAgain(engine: Engine) async throws {
        try await withStore(engine) { store, _ in
            let task = try sampleTask()
            try await store.saveTask(TaskRecord(task: task), source: "tasknode")
            #expect(try await store.chosenPack(task: task.id) == nil)
            let choice = ChosenPackRecord(task: task.id, pack: "docs", origin: "built-in", reason: "category docs (score 10)", chosenAt: now)
            try await store.recordChosenPack(choice)
            #expect(try await store.chosenPack(task: task.id) == choice)
            let again = ChosenPackRecord(task: task.id, pack: "guide", origin: "repository (.github/pfbot/templates/guide)",
                                         reason: "category docs; keywords guide (score 12)", chosenAt: now.addingTimeInterval(5))
            try await store.recordChosenPack(again)
            #expect(try await store.chosenPack(task: task.id) == again)
        }
    }
}
