import Foundation
import PFBotCore
import PostFiat
import Testing

@Suite struct SessionStoreTests {
    private func temporaryFile() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("pfbot-\(UUID().uuidString)/session.json")
    }

    @Test func fileStore_writesMode0600AndReadsBack() throws {
        let url = temporaryFile()
        let store = FileSessionStore(url: url)
        let session = TaskNodeSession(cookie: "abc", accountID: "acct_1", address: "rX", expiresAt: Date(timeIntervalSince1970: 1_800_000_000))
        try store.save(session)
        let mode = try #require(FileManager.default.attributesOfItem(atPath: url.path)[.posixPermissions] as? NSNumber).intValue
        #expect(mode == 0o600)
        #expect(try store.load() == session)
        try store.clear()
        #expect(try store.load() == nil)
    }

    @Test func fileStore_refusesAFileReadableByOthers() throws {
        let url = temporaryFile()
        let store = FileSessionStore(url: url)
        try store.save(TaskNodeSession(cookie: "abc", accountID: "a", address: "rX", expiresAt: nil))
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: url.path)
        #expect(throws: TaskNodeError.insecureSessionFile(path: url.path, mode: 0o644)) { _ = try store.load() }
    }

    @Test func pendingWriteFile_survivesANewStoreInstance() throws {
        let url = temporaryFile()
        try FilePendingWriteStore(url: url).save(PendingWrite(key: "task_a|accepted", intent: "i", payloadJSON: "{}"))
        #expect(try FilePendingWriteStore(url: url).pending(for: "task_a|accepted")?.intent == "i")
        try FilePendingWriteStore(url: url).remove("task_a|accepted")
        #expect(try FilePendingWriteStore(url: url).pending(for: "task_a|accepted") == nil)
    }
}

@Suite struct JSONParserTests {
    @Test(arguments: [
        ("{\"a\":", JSONParseError.truncated), ("[1,2", .truncated), ("\"abc", .truncated), ("", .empty),
        ("{} x", .trailingData(offset: 3)), ("01", .invalidNumber(offset: 0)),
    ])
    func malformedInput_isATypedError(text: String, expected: JSONParseError) {
        #expect(throws: expected) { _ = try LiteralJSON.parse(Data(text.utf8)) }
    }

    @Test func nestingBeyondTheLimit_isTooDeep() {
        let text = String(repeating: "[", count: 70) + String(repeating: "]", count: 70)
        #expect(throws: JSONParseError.tooDeep(limit: 64)) { _ = try LiteralJSON.parse(Data(text.utf8)) }
    }

    @Test func numbersAndEscapes_areKeptExactly() throws {
        let value = try LiteralJSON.parse(Data(#"{"n":12000.50,"s":"\u00e9\ud83d\ude00\n"}"#.utf8))
        #expect(value["n"]?.numberText == "12000.50")
        #expect(value["s"]?.stringValue == "é😀\n")
    }
}

@Suite struct EvidenceTests {
    @Test(arguments: [
        ("https://github.com/o/r/commit/abcdef1", EvidenceType.url),
        ("https://github.com/o/r/pull/7/commits/0123456789abcdef0123456789abcdef01234567", .url),
        ("https://github.com/o/r/pull/7", .url), ("http://example.org/x?y=1", .url),
        ("just some words", .text), ("https://", .text), ("ftp://example.org/file", .text),
    ])
    func classify_picksTheDocumentedType(text: String, expected: EvidenceType) throws {
        #expect(try Evidence.classify(text).type == expected)
    }

    @Test func overlongValueOrMixedType_isRefused() {
        #expect(throws: TaskNodeError.self) { _ = try Evidence(type: .text, value: String(repeating: "x", count: 120_001)) }
        #expect(throws: TaskNodeError.self) { _ = try Evidence(type: .mixed, value: "x") }
    }
}

@Suite struct TaskDecoderTests {
    let decoder = TaskDecoder(now: Date(timeIntervalSince1970: 0))

    @Test func rewardedTask_readsActualRewardAndKeepsRawJSON() throws {
        let raw: LiteralJSON = ["taskId": "task_0123456789abcdef0123456789abcdef", "title": "T", "kind": "Network", "statusKey": "rewarded",
                              "status": "Rewarded", "pft": .number("12000"), "txHash": "ABC", "dueAt": "2026-09-01T00:00:00.000Z",
                              "metadata": ["requestId": "req_x"], "unknownField": "kept"]
        let node = try decoder.decodeTask(raw)
        #expect(node.task.state == .rewarded)
        #expect(node.task.reward == (try PFTAmount(parsing: "12000")))
        #expect(node.task.kind == .network)
        #expect(node.statusLabel == "Rewarded")
        #expect(node.task.dueAt == ISOTimestamp.date(from: "2026-09-01T00:00:00Z"))
        #expect(node.raw["unknownField"] == "kept")
    }

    @Test func badDueDateOrSteps_isInvalidTask() {
        let base: LiteralJSON = ["taskId": "task_a", "kind": "Personal", "statusKey": "proposed", "pft": 1]
        #expect(throws: TaskNodeError.invalidTask(taskID: "task_a", reason: "dueAt is not an ISO date (\"tomorrow\")")) {
            _ = try decoder.decodeTask(base.setting("dueAt", to: "tomorrow"))
        }
        #expect(throws: TaskNodeError.invalidTask(taskID: "task_a", reason: "steps is not an array")) {
            _ = try decoder.decodeTask(base.setting("steps", to: "one"))
        }
        #expect(throws: TaskNodeError.invalidTask(taskID: "../etc", reason: "taskId is not a valid task id")) {
            _ = try decoder.decodeTask(base.setting("taskId", to: "../etc"))
        }
    }
}
