import Testing
@testable import XRPL

@Suite struct PointerMemoTests {
    @Test func pointerMemo_matchesTheSigningVector() throws {
        let vectors = try FixtureJSON.load("postfiat/generated/signing_vectors.json")
        let vector = try #require(vectors["vectors"]?["pointer_memo"])
        let memo = PointerMemo(
            cid: try #require(vector["cid"]?.stringValue), kind: .taskSubmission, taskID: try #require(vector["task_id"]?.stringValue),
            flags: .encrypted)
        let wrapper = try #require(memo.memoWrapper["Memo"])
        #expect(wrapper["MemoType"]?.stringValue == vector["memo"]?["memo_type"]?.stringValue)
        #expect(wrapper["MemoFormat"]?.stringValue == vector["memo"]?["memo_format"]?.stringValue)
        #expect(wrapper["MemoData"]?.stringValue == vector["memo"]?["memo_data"]?.stringValue)
    }

    @Test func pointerMemo_isReadBackFromTheSigningVector() throws {
        let vectors = try FixtureJSON.load("postfiat/generated/signing_vectors.json")
        let vector = try #require(vectors["vectors"]?["pointer_memo"])
        let fields = try #require(vector["memo"])
        let type = try #require(fields["memo_type"])
        let format = try #require(fields["memo_format"])
        let data = try #require(fields["memo_data"])
        let read = PointerMemo(memo: .object(["Memo": .object(["MemoType": type, "MemoFormat": format, "MemoData": data])]))
        let memo = try #require(read)
        #expect(memo.cid == vector["cid"]?.stringValue)
        #expect(memo.taskID == vector["task_id"]?.stringValue)
        #expect(memo.kind == .taskSubmission)
        #expect(memo.flags == .encrypted)
        #expect(memo.schema == 1)
    }

    @Test func notAPointerMemo_orAMalformedOne_readsAsNone() {
        #expect(PointerMemo(memo: .object(["Memo": .object(["MemoType": "6F74686572", "MemoData": "0A00"])])) == nil)
        #expect(PointerMemo(memo: .object(["Memo": .object(["MemoType": "70662E707472", "MemoData": "0AFF"])])) == nil)
        #expect(PointerMemo(memo: .object(["Memo": .object(["MemoType": "70662E707472", "MemoData": "ZZ"])])) == nil)
        #expect(PointerMemo(memo: .object(["Memo": .object(["MemoType": "70662E707472", "MemoData": "1863"])])) == nil)
    }
}
