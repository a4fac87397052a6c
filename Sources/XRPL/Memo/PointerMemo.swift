import JSON

/// The `pf.ptr` pointer memo of the Task Node (postfiat.md §4.8): MemoType `pf.ptr`, MemoFormat `v4`, MemoData a
/// protobuf message.
public struct PointerMemo: Sendable, Equatable {
    /// Pointer kinds (field 3).
    public enum Kind: UInt64, Sendable {
        /// A task.
        case task = 1
        /// A task update.
        case taskUpdate = 2
        /// A task submission.
        case taskSubmission = 3
        /// Context.
        case context = 5
        /// A reward.
        case reward = 6
    }

    /// Flag bits (field 8).
    public struct Flags: OptionSet, Sendable {
        /// The raw bits.
        public let rawValue: UInt64
        /// Creates flags from raw bits.
        public init(rawValue: UInt64) { self.rawValue = rawValue }
        /// Payload is encrypted.
        public static let encrypted = Flags(rawValue: 1)
        /// Payload is public.
        public static let `public` = Flags(rawValue: 2)
        /// Ephemeral.
        public static let ephemeral = Flags(rawValue: 4)
        /// Tombstone.
        public static let tombstone = Flags(rawValue: 8)
        /// Multipart.
        public static let multipart = Flags(rawValue: 16)
    }

    /// Content id of the pinned payload (field 1).
    public var cid: String
    /// Pointer target (field 2, always 1).
    public var target: UInt64 = 1
    /// Kind (field 3).
    public var kind: Kind
    /// Schema (field 4, always 1).
    public var schema: UInt64 = 1
    /// Task id (field 5).
    public var taskID: String
    /// Thread id (field 6), omitted when empty.
    public var threadID: String = ""
    /// Context id (field 7), omitted when empty.
    public var contextID: String = ""
    /// Flags (field 8).
    public var flags: Flags

    /// A pointer memo.
    public init(cid: String, kind: Kind, taskID: String, flags: Flags, threadID: String = "", contextID: String = "") {
        self.cid = cid
        self.kind = kind
        self.taskID = taskID
        self.flags = flags
        self.threadID = threadID
        self.contextID = contextID
    }

    /// The protobuf MemoData bytes (fields in number order, empty strings omitted).
    public var memoData: [UInt8] {
        var out = [UInt8]()
        appendString(1, cid, to: &out)
        appendVarintField(2, target, to: &out)
        appendVarintField(3, kind.rawValue, to: &out)
        appendVarintField(4, schema, to: &out)
        appendString(5, taskID, to: &out)
        appendString(6, threadID, to: &out)
        appendString(7, contextID, to: &out)
        appendVarintField(8, flags.rawValue, to: &out)
        return out
    }

    /// The `{"Memo": {...}}` wrapper with uppercase hex fields.
    public var memoWrapper: JSONValue {
        .object(["Memo": .object([
            "MemoType": .string(Hex.encode(Array("pf.ptr".utf8))), "MemoFormat": .string(Hex.encode(Array("v4".utf8))),
            "MemoData": .string(Hex.encode(memoData)),
        ])])
    }

    private func appendString(_ field: UInt64, _ value: String, to out: inout [UInt8]) {
        guard !value.isEmpty else { return }
        appendVarint(field << 3 | 2, to: &out)
        appendVarint(UInt64(value.utf8.count), to: &out)
        out += Array(value.utf8)
    }

    private func appendVarintField(_ field: UInt64, _ value: UInt64, to out: inout [UInt8]) {
        guard value != 0 else { return }
        appendVarint(field << 3, to: &out)
        appendVarint(value, to: &out)
    }

    private func appendVarint(_ value: UInt64, to out: inout [UInt8]) {
        var v = value
        while v >= 0x80 {
            out.append(UInt8(truncatingIfNeeded: v) | 0x80)
            v >>= 7
        }
        out.append(UInt8(v))
    }
}
