import Foundation

/// Reassembly of chunked P2P memo messages (`chunk_<n>__<slice>`, pftpyclient `_reconstruct_chunked_message`).
///
/// Brotli decompression and Fernet decryption are outside this module: the result says which markers were present and
/// returns the remaining payload untouched.
public struct LegacyChunkedMessage: Sendable, Equatable {
    /// The joined payload with chunk, `COMPRESSED__` and `WHISPER__` markers removed.
    public var payload: String
    /// Whether the payload is `base64(brotli(…))` (the `COMPRESSED__` marker was present).
    public var isCompressed: Bool
    /// Whether the payload is a Fernet token (the `WHISPER__` marker was present).
    public var isEncrypted: Bool

    /// Groups nothing: `datas` are the MemoData texts sharing one MemoType, in ledger order.
    /// Chunks are sorted numerically (`chunk_10__` after `chunk_9__`); for duplicate numbers the earliest wins.
    public static func reassemble(_ datas: [String]) -> LegacyChunkedMessage {
        var chunks = [(Int, String)]()
        var seen = Set<Int>()
        var plain = [String]()
        for data in datas {
            if let (n, slice) = chunk(data) {
                if seen.insert(n).inserted { chunks.append((n, slice)) }
            } else {
                plain.append(data)
            }
        }
        var joined = chunks.isEmpty ? plain.joined() : chunks.sorted { $0.0 < $1.0 }.map(\.1).joined()
        var compressed = false
        var encrypted = false
        if joined.hasPrefix("COMPRESSED__") {
            compressed = true
            joined = String(joined.dropFirst("COMPRESSED__".count))
            let remainder = joined.utf8.count % 4
            if remainder != 0 { joined += String(repeating: "=", count: 4 - remainder) }
        }
        if joined.hasPrefix("WHISPER__") {
            encrypted = true
            joined = String(joined.dropFirst("WHISPER__".count))
        }
        return LegacyChunkedMessage(payload: joined, isCompressed: compressed, isEncrypted: encrypted)
    }

    private static func chunk(_ data: String) -> (Int, String)? {
        guard data.hasPrefix("chunk_") else { return nil }
        let rest = data.dropFirst("chunk_".count)
        guard let separator = rest.range(of: "__"), let n = Int(rest[..<separator.lowerBound]) else { return nil }
        return (n, String(rest[separator.upperBound...]))
    }
}
