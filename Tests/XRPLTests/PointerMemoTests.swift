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
}
