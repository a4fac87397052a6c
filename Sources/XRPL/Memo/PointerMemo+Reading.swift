import JSON

extension PointerMemo {
    /// Reads a `pf.ptr` pointer memo from a transaction's memo (`{"Memo": {...}}` or its inner object, fields in hex);
    /// `nil` when it is no pointer memo or its MemoData is not a well-formed pointer (unknown fields are skipped, as
    /// protobuf readers do).
    public init?(memo: JSONValue) {
        let fields = memo["Memo"] ?? memo
        guard let type = fields["MemoType"]?.stringValue, let typeBytes = try? Hex.decode(type), typeBytes == Array("pf.ptr".utf8),
              let data = fields["MemoData"]?.stringValue, let bytes = try? Hex.decode(data),
              let message = ProtobufFields(bytes) else { return nil }
        guard let kindValue = message.varints[3], let kind = Kind(rawValue: kindValue) else { return nil }
        self.init(cid: message.strings[1] ?? "", kind: kind, taskID: message.strings[5] ?? "",
                  flags: Flags(rawValue: message.varints[8] ?? 0), threadID: message.strings[6] ?? "", contextID: message.strings[7] ?? "")
        target = message.varints[2] ?? 0
        schema = message.varints[4] ?? 0
    }

    /// The pointer memos among a transaction's `Memos`.
    public static func all(in transaction: [String: JSONValue]) -> [PointerMemo] {
        (transaction["Memos"]?.arrayValue ?? []).compactMap { PointerMemo(memo: $0) }
    }
}

/// The varint and length-delimited fields of a protobuf message, by field number (the last value of a repeated field).
private struct ProtobufFields {
    var varints: [UInt64: UInt64] = [:]
    var strings: [UInt64: String] = [:]

    init?(_ bytes: [UInt8]) {
        var index = 0
        func varint() -> UInt64? {
            var value: UInt64 = 0
            var shift: UInt64 = 0
            while index < bytes.count, shift < 64 {
                let byte = bytes[index]
                index += 1
                value |= UInt64(byte & 0x7F) << shift
                if byte & 0x80 == 0 { return value }
                shift += 7
            }
            return nil
        }
        while index < bytes.count {
            guard let key = varint() else { return nil }
            let field = key >> 3
            switch key & 7 {
            case 0:
                guard let value = varint() else { return nil }
                varints[field] = value
            case 2:
                guard let length = varint(), length <= UInt64(bytes.count - index) else { return nil }
                let end = index + Int(length)
                strings[field] = String(decoding: bytes[index..<end], as: UTF8.self)
                index = end
            case 1:
                guard bytes.count - index >= 8 else { return nil }
                index += 8
            case 5:
                guard bytes.count - index >= 4 else { return nil }
                index += 4
            default:
                return nil
            }
        }
    }
}
