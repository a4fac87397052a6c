import JSON
import Testing
@testable import XRPL

/// A small deterministic generator (SplitMix64) so fuzz cases are reproducible.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

@Suite struct BinaryCodecRobustnessTests {
    let codec: BinaryCodec

    init() throws { codec = try BinaryCodec() }

    @Test func unknownField_isATypedErrorNamingIt() {
        #expect(throws: XRPLError.unknownField("Bogus")) { try codec.encode(.object(["Bogus": .int(1)])) }
    }

    @Test func badValues_nameTheField() {
        #expect(throws: XRPLError.invalidField(field: "Account", reason: "invalid classic address rBAD")) {
            try codec.encode(.object(["Account": .string("rBAD")]))
        }
        do {
            _ = try codec.encode(.object(["Fee": .string("100000000000000001")]))
            Issue.record("expected an error")
        } catch let XRPLError.invalidField(field, _) {
            #expect(field == "Fee")
        } catch {
            Issue.record("unexpected \(error)")
        }
        #expect(throws: XRPLError.self) { try codec.encode(.object(["Sequence": .int(-1)])) }
        #expect(throws: XRPLError.self) { try codec.encode(.object(["Sequence": .int(4_294_967_296)])) }
        #expect(throws: XRPLError.self) { try codec.encode(.object(["TransactionType": .string("NotAType")])) }
        #expect(throws: XRPLError.self) { try codec.encode(.object(["MemoData": .string("XYZ")])) }
        #expect(throws: XRPLError.self) { try codec.encode(.object(["Memos": .array([.object(["Memo": .int(1)])])])) }
        #expect(throws: XRPLError.self) { try codec.encode(.string("not an object")) }
    }

    @Test func truncatedBlobs_failWithMalformedBinary() throws {
        let blob = try Hex.decode(PaymentExampleTests.expectedBlob)
        for length in [1, 2, 5, 20, 60, 100, blob.count - 1] {
            #expect(throws: XRPLError.self, "length \(length)") { try codec.decode(Array(blob.prefix(length))) }
        }
        #expect(throws: XRPLError.self) { try codec.decode([0xE1]) }
        #expect(throws: XRPLError.self) { try codec.decode([0x00, 0x01, 0x01]) }
    }

    @Test func vlLengths_matchTheSpecBoundaries() throws {
        for (length, prefix) in [(192, "C0"), (193, "C100"), (12480, "F0FF"), (12481, "F10000"), (918_744, "FED417")] {
            var encoder = BinaryEncoder(definitions: codec.definitions, signingOnly: false)
            try encoder.writeLength(length, field: "Blob")
            #expect(Hex.encode(encoder.bytes) == prefix)
            let blob = [0x7D] + encoder.bytes + [UInt8](repeating: 0xAB, count: length)
            #expect(try codec.decode(blob)["MemoData"]?.stringValue?.utf8.count == length * 2)
        }
        var encoder = BinaryEncoder(definitions: codec.definitions, signingOnly: false)
        #expect(throws: XRPLError.self) { try encoder.writeLength(918_745, field: "Blob") }
    }

    @Test func canonicalOrder_sortsByTypeThenFieldCode() throws {
        let hex = try codec.encodeHex(.object(["LastLedgerSequence": .int(1000), "Sequence": .int(7)]))
        #expect(hex == "2400000007201B000003E8")
    }

    @Test func fuzzedBinary_neverCrashes() throws {
        var rng = SeededGenerator(state: 0x5EED)
        let fixture = try FixtureJSON.load("xrpl/codec-fixtures.json")
        let seeds = try (fixture["transactions"]?.arrayValue ?? []).compactMap { $0["binary"]?.stringValue }.map { try Hex.decode($0) }
        var outcomes = (values: 0, errors: 0)
        for i in 0..<3000 {
            var bytes: [UInt8]
            if i % 2 == 0 || seeds.isEmpty {
                bytes = (0..<Int.random(in: 0...160, using: &rng)).map { _ in UInt8.random(in: 0...255, using: &rng) }
            } else {
                bytes = seeds[Int.random(in: 0..<seeds.count, using: &rng)]
                for _ in 0..<Int.random(in: 1...4, using: &rng) where !bytes.isEmpty {
                    bytes[Int.random(in: 0..<bytes.count, using: &rng)] = UInt8.random(in: 0...255, using: &rng)
                }
                bytes = Array(bytes.prefix(Int.random(in: 0...bytes.count, using: &rng)))
            }
            if (try? codec.decode(bytes)) != nil { outcomes.values += 1 } else { outcomes.errors += 1 }
        }
        #expect(outcomes.values + outcomes.errors == 3000)
        #expect(outcomes.errors > 0)
    }

    @Test func fuzzedJSON_neverCrashes() {
        var rng = SeededGenerator(state: 0xC0DEC)
        let names = [
            "Account", "Destination", "Amount", "Fee", "Sequence", "Flags", "TransactionType", "Memos", "MemoData", "Paths",
            "Hashes", "LimitAmount", "TakerPays", "InvoiceID", "Asset", "XChainBridge", "AssetsMaximum", "MPTAmount", "TickSize",
            "PermissionValue", "BaseAsset", "LedgerEntryType", "Unknown1",
        ]
        var outcomes = 0
        for _ in 0..<3000 {
            var members = [String: JSONValue]()
            for _ in 0..<Int.random(in: 1...5, using: &rng) {
                members[names[Int.random(in: 0..<names.count, using: &rng)]] = randomValue(&rng, depth: 0)
            }
            _ = try? codec.encode(.object(members))
            outcomes += 1
        }
        #expect(outcomes == 3000)
    }

    private func randomValue(_ rng: inout SeededGenerator, depth: Int) -> JSONValue {
        let strings = ["", "0", "-1", "1.5", "1e400", "USD", "XRP", "rrrrrrrrrrrrrrrrrrrrBZbvji", "ABCDEF", "0x7F", "Payment", "zz"]
        switch Int.random(in: 0...(depth > 2 ? 3 : 5), using: &rng) {
        case 0: return .string(strings[Int.random(in: 0..<strings.count, using: &rng)])
        case 1: return .int(Int.random(in: -5...5_000_000_000, using: &rng))
        case 2: return .bool(Bool.random(using: &rng))
        case 3: return .null
        case 4: return .array((0..<Int.random(in: 0...3, using: &rng)).map { _ in randomValue(&rng, depth: depth + 1) })
        default:
            let keys = ["currency", "issuer", "value", "Memo", "mpt_issuance_id", "account", "MemoType"]
            var o = [String: JSONValue]()
            for _ in 0..<Int.random(in: 0...3, using: &rng) { o[keys[Int.random(in: 0..<keys.count, using: &rng)]] = randomValue(&rng, depth: depth + 1) }
            return .object(o)
        }
    }
}

