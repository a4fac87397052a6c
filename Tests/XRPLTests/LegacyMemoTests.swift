import JSON
import Testing
@testable import XRPL

/// Legacy memo protocol, postfiat.md §8.
@Suite struct LegacyMemoTests {
    @Test func taskIDRecognizer_findsIDsWithAndWithoutSuffix() {
        #expect(LegacyTaskID.find(in: "2024-06-01_14:30__AB12") == "2024-06-01_14:30__AB12")
        #expect(LegacyTaskID.find(in: "x 2024-06-01_14:30 y") == "2024-06-01_14:30")
        #expect(LegacyTaskID.find(in: "2024-06-01_14:30__ab12") == "2024-06-01_14:30")
        #expect(LegacyTaskID.find(in: "2024-06-01 14:30") == nil)
    }

    @Test func construct_addsThePrefixOnlyWhenMissing_andEncodesLowercaseHex() throws {
        let memo = LegacyMemo(taskID: "2024-06-01_14:30__AB12", memoClass: .acceptance, text: "I will do it", username: "alice")
        #expect(memo.data == "ACCEPTANCE REASON ___ I will do it")
        let again = LegacyMemo(taskID: memo.type, memoClass: .acceptance, text: memo.data, username: "alice")
        #expect(again.data == memo.data)
        let wrapper = memo.memoWrapper
        let dataHex = try #require(wrapper["Memo"]?["MemoData"]?.stringValue)
        #expect(dataHex == dataHex.lowercased())
        let decoded = try LegacyMemo(memoObject: try #require(wrapper["Memo"]))
        #expect(decoded == memo)
        let upper = JSONValue.object(["MemoType": .string(dataHex.uppercased())])
        #expect(try LegacyMemo(memoObject: upper).type == memo.data)
    }

    @Test func classify_usesSubstringsInReferenceOrder() {
        #expect(LegacyMemoClass.classify("PROPOSED PF ___ Write docs .. 50") == .proposal)
        #expect(LegacyMemoClass.classify("anything .. with dots") == .proposal)
        #expect(LegacyMemoClass.classify("note: ACCEPTANCE REASON ___ mid-text") == .acceptance)
        #expect(LegacyMemoClass.classify("REWARD RESPONSE __ 10") == .reward)
        #expect(LegacyMemoClass.classify("REWARD RESPONSE ___ 10") == nil)
        #expect(LegacyMemo(type: "t", data: "PROPOSED PF ___ Task .. 120", format: "node").proposedReward == 120)
    }

    @Test func state_isTheClassOfTheLatestMemo_dedupedByHash() {
        let id = "2024-06-01_14:30__AB12"
        let records = [
            LegacyMemoRecord(hash: "A", date: 100, memo: LegacyMemo(taskID: id, memoClass: .requestPostFiat, text: "pls", username: "u")),
            LegacyMemoRecord(hash: "B", date: 200, memo: LegacyMemo(taskID: id, memoClass: .proposal, text: "Do X .. 50", username: "node")),
            LegacyMemoRecord(hash: "C", date: 300, memo: LegacyMemo(taskID: id, memoClass: .acceptance, text: "ok", username: "u")),
            LegacyMemoRecord(hash: "C", date: 900, memo: LegacyMemo(taskID: id, memoClass: .refusal, text: "dup", username: "u")),
            LegacyMemoRecord(hash: "D", date: 250, memo: LegacyMemo(taskID: id, memoClass: .refusal, text: "older", username: "u")),
            LegacyMemoRecord(hash: "E", date: 999, memo: LegacyMemo(type: "HANDSHAKE", data: "ED" + String(repeating: "0", count: 64), format: "u")),
        ]
        #expect(LegacyTaskState.states(from: records) == [id: .acceptance])
        #expect(LegacyTaskState.states(from: []) == [:])
    }

    @Test func guards_followTheClientRules() {
        #expect(LegacyTaskState.allows(.acceptance, history: [.proposal]))
        #expect(!LegacyTaskState.allows(.acceptance, history: [.requestPostFiat]))
        #expect(!LegacyTaskState.allows(.taskOutput, history: [.proposal]))
        #expect(LegacyTaskState.allows(.verificationResponse, history: [.verificationPrompt]))
        #expect(!LegacyTaskState.allows(.refusal, history: [.reward]))
    }

    @Test func chunks_sortNumerically_earliestDuplicateWins_andMarkersAreReported() {
        let message = LegacyChunkedMessage.reassemble(["chunk_10__J", "chunk_2__B", "chunk_1__COMPRESSED__A", "chunk_2__X", "chunk_9__I"])
        #expect(message.payload == "ABIJ")
        #expect(message.isCompressed)
        let whisper = LegacyChunkedMessage.reassemble(["WHISPER__token"])
        #expect(whisper.isEncrypted && whisper.payload == "token" && !whisper.isCompressed)
    }
}
