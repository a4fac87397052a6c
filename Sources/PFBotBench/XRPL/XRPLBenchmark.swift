import CSecp256k1
import Foundation
import JSON
import PFBotCore
import XRPL

/// `PFBotBench xrpl`: signatures per second for both key types against raw libsecp256k1, and codec throughput.
enum XRPLBenchmark {
    static func run() throws {
        let codec = try BinaryCodec()
        let blobs = try fixtureBlobs(codec: codec)
        let messages = (0..<2000).map { Array("benchmark message \($0)".utf8) }
        let digests = messages.map { Hashing.sha512Half($0) }
        let secp = try Wallet(seed: "sp5fghtJtpUorTwvof1NpDXAzNwf5")
        let ed = try Wallet(seed: "sEdSKaCy2JT7JaM7v95H9SxkhP9wS2r")

        let secpRate = try rate(count: messages.count) { for m in messages { _ = try secp.sign(message: m) } }
        let edRate = try rate(count: messages.count) { for m in messages { _ = try ed.sign(message: m) } }
        let rawRate = try rawSecp256k1Rate(digests: digests, secret: secp.privateKey.withBytes { Array($0.dropFirst()) })

        let totalBytes = blobs.reduce(0) { $0 + $1.count }
        let jsons = try blobs.map { try codec.decode($0) }
        let rounds = 20
        let decodeSeconds = try seconds { for _ in 0..<rounds { for b in blobs { _ = try codec.decode(b) } } }
        let encodeSeconds = try seconds { for _ in 0..<rounds { for j in jsons { _ = try codec.encode(j) } } }
        let mb = Double(totalBytes * rounds) / 1_000_000
        let decodeMBs = mb / decodeSeconds
        let encodeMBs = mb / encodeSeconds

        print("XRPL benchmark (\(blobs.count) fixture blobs, \(totalBytes) bytes, \(rounds) rounds; \(messages.count) messages)")
        print(String(repeating: "-", count: 60))
        print(row("secp256k1 Wallet.sign", String(format: "%.0f sig/s", secpRate)))
        print(row("secp256k1 raw ecdsa_sign", String(format: "%.0f sig/s", rawRate)))
        print(row("secp256k1 ratio raw/wallet", String(format: "%.2fx (target ≤ 2x)", rawRate / secpRate)))
        print(row("ed25519 Wallet.sign", String(format: "%.0f sig/s", edRate)))
        print(row("codec decode", String(format: "%.1f MB/s (target ≥ 50)", decodeMBs)))
        print(row("codec encode", String(format: "%.1f MB/s", encodeMBs)))
        print(String(
            format: "BENCH xrpl secp256k1_sig_per_s=%.0f raw_secp256k1_sig_per_s=%.0f ratio=%.2f ed25519_sig_per_s=%.0f decode_mb_s=%.1f encode_mb_s=%.1f",
            secpRate, rawRate, rawRate / secpRate, edRate, decodeMBs, encodeMBs))
    }

    private static func row(_ name: String, _ value: String) -> String {
        name.padding(toLength: 30, withPad: " ", startingAt: 0) + value
    }

    private static func seconds(_ body: () throws -> Void) throws -> Double {
        let clock = ContinuousClock()
        let start = clock.now
        try body()
        let elapsed = clock.now - start
        return max(elapsed.inSeconds, 1e-9)
    }

    private static func rate(count: Int, _ body: () throws -> Void) throws -> Double {
        Double(count) / (try seconds(body))
    }

    private static func rawSecp256k1Rate(digests: [[UInt8]], secret: [UInt8]) throws -> Double {
        guard let ctx = secp256k1_context_create(UInt32(1 | (1 << 8) | (1 << 9))) else { return 0 }
        defer { secp256k1_context_destroy(ctx) }
        return try rate(count: digests.count) {
            var signature = secp256k1_ecdsa_signature()
            for d in digests { _ = secp256k1_ecdsa_sign(ctx, &signature, d, secret, nil, nil) }
        }
    }

    private static func fixtureBlobs(codec: BinaryCodec) throws -> [[UInt8]] {
        let path = try fixturePath("xrpl/codec-fixtures.json")
        guard let data = FileManager.default.contents(atPath: path) else { throw BenchError.missing(path) }
        let root = try JSONValue.parse(Array(data))
        var blobs = [[UInt8]]()
        for section in ["accountState", "transactions"] {
            guard case .array(let entries)? = root[section] else { continue }
            for entry in entries {
                if let hex = entry["binary"]?.stringValue { blobs.append(try Hex.decode(hex)) }
            }
        }
        return blobs
    }

    private static func fixturePath(_ relative: String) throws -> String {
        if let root = ProcessInfo.processInfo.environment["PFBOT_FIXTURES"] { return root + "/" + relative }
        var dir = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        while dir.path != "/" {
            let candidate = dir.appendingPathComponent("Tests/Fixtures/" + relative).path
            if FileManager.default.fileExists(atPath: candidate) { return candidate }
            dir.deleteLastPathComponent()
        }
        throw BenchError.missing("Tests/Fixtures/\(relative) (run from the pfbot checkout, or set PFBOT_FIXTURES)")
    }

    enum BenchError: Error, CustomStringConvertible {
        case missing(String)
        var description: String {
            switch self { case .missing(let what): return "Missing fixture: \(what)" }
        }
    }
}
