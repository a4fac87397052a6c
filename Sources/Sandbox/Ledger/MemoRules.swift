import JSON
import XRPL

/// rippled's local memo checks (`isMemoOkay`, xrpl.md §1.3): ≤ 1024 serialized bytes, only the three memo fields,
/// and URL characters in MemoType/MemoFormat.
enum MemoRules {
    private static let urlCharacters = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~:/?#[]@!$&'()*+,;=%".utf8)

    static func problem(in tx: [String: JSONValue], codec: BinaryCodec) -> String? {
        guard let memos = tx["Memos"] else { return nil }
        guard let size = try? codec.encode(.object(["Memos": memos])).count, size <= 1024 else {
            return "The memo exceeds the maximum allowed size."
        }
        guard case .array(let list) = memos else { return "Memos is not an array." }
        for wrapper in list {
            guard let memo = wrapper["Memo"]?.objectValue else { return "A memo array may contain only Memo objects." }
            for (name, value) in memo {
                guard ["MemoType", "MemoData", "MemoFormat"].contains(name) else { return "A memo may contain only MemoType, MemoData or MemoFormat fields." }
                if name != "MemoData", let hex = value.stringValue, let bytes = try? Hex.decode(hex), !bytes.allSatisfy({ urlCharacters.contains($0) }) {
                    return "The MemoType and MemoFormat fields may only contain characters that are allowed in URLs under RFC 3986."
                }
            }
        }
        return nil
    }
}
