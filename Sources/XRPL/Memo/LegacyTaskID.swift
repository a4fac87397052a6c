/// Task ids `YYYY-MM-DD_HH:MM__XXNN` and the recognizer `(\d{4}-\d{2}-\d{2}_\d{2}:\d{2}(?:__[A-Z0-9]{4})?)`.
public enum LegacyTaskID {
    /// The first match of the recognizer in `text`, including the optional `__XXNN` suffix.
    public static func find(in text: String) -> String? {
        let chars = Array(text.utf8)
        let shape = Array("dddd-dd-dd_dd:dd".utf8)
        guard chars.count >= shape.count else { return nil }
        for start in 0...(chars.count - shape.count) {
            var ok = true
            for (i, s) in shape.enumerated() {
                let c = chars[start + i]
                if s == UInt8(ascii: "d") ? !(c >= 0x30 && c <= 0x39) : c != s { ok = false; break }
            }
            guard ok else { continue }
            var end = start + shape.count
            if end + 6 <= chars.count, chars[end] == UInt8(ascii: "_"), chars[end + 1] == UInt8(ascii: "_"),
                chars[(end + 2)..<(end + 6)].allSatisfy({ ($0 >= 0x30 && $0 <= 0x39) || ($0 >= 0x41 && $0 <= 0x5A) })
            {
                end += 6
            }
            return String(decoding: chars[start..<end], as: UTF8.self)
        }
        return nil
    }

    /// Whether `text` contains a task id.
    public static func isValid(_ text: String) -> Bool { find(in: text) != nil }
}
