import Testing
@testable import XRPL

@Suite struct BinaryCodecFixtureTests {
    let codec: BinaryCodec

    init() throws { codec = try BinaryCodec() }

    @Test(arguments: ["accountState", "transactions"])
    func codecFixtures_encodeAndDecodeBothWays(section: String) throws {
        let fixture = try FixtureJSON.load("xrpl/codec-fixtures.json")
        let cases = try #require(fixture[section]?.arrayValue)
        #expect(!cases.isEmpty)
        for (index, entry) in cases.enumerated() {
            let binary = try #require(entry["binary"]?.stringValue).uppercased()
            let json = try #require(entry["json"])
            #expect(try codec.encodeHex(json) == binary, "\(section)[\(index)] encode")
            #expect(try codec.decodeHex(binary) == json, "\(section)[\(index)] decode")
        }
    }

    @Test func ledgerDataFixture_encodesAndDecodesTheHeader() throws {
        let fixture = try FixtureJSON.load("xrpl/codec-fixtures.json")
        for entry in try #require(fixture["ledgerData"]?.arrayValue) {
            let binary = try #require(entry["binary"]?.stringValue).uppercased()
            let json = try #require(entry["json"])
            #expect(Hex.encode(try LedgerHeaderCodec.encode(json)) == binary)
            #expect(try LedgerHeaderCodec.decode(try Hex.decode(binary)) == json)
        }
    }

    @Test func dataDrivenFieldIDs_matchDefinitions() throws {
        let fixture = try FixtureJSON.load("xrpl/data-driven-tests.json")
        let tests = try #require(fixture["fields_tests"]?.arrayValue)
        #expect(tests.count == 123)
        for test in tests {
            guard let type = test["type"]?.intValue, let nth = test["nth_of_type"]?.intValue else {
                Issue.record("malformed field test")
                continue
            }
            let expected = try #require(test["expected_hex"]?.stringValue)
            #expect(Hex.encode(Definitions.fieldHeader(typeCode: Int(type), nth: Int(nth))) == expected)
            if let name = test["name"]?.stringValue, let field = codec.definitions.field(named: name), field.typeCode == Int(type) {
                #expect(Hex.encode(field.header) == expected, "\(name)")
            }
        }
    }

    @Test func dataDrivenWholeObjects_encodeFieldByFieldAndWhole() throws {
        let fixture = try FixtureJSON.load("xrpl/data-driven-tests.json")
        let objects = try #require(fixture["whole_objects"]?.arrayValue)
        #expect(objects.count == 18)
        for object in objects {
            let tx = try #require(object["tx_json"])
            let blob = try #require(object["blob_with_no_signing"]?.stringValue)
            #expect(try codec.encodeHex(tx) == blob)
            #expect(try codec.decodeHex(blob) == tx)
            for pair in try #require(object["fields"]?.arrayValue) {
                let items = pair.arrayValue ?? []
                let name = try #require(items.first?.stringValue)
                let spec = try #require(items.last)
                let parts = try #require(spec["binary"]?.arrayValue).compactMap(\.stringValue).joined()
                // The fixture lists an STArray's parts without its closing ArrayEndMarker F1 (the whole blob has it).
                let arrayEnd = codec.definitions.field(named: name)?.typeName == "STArray" ? "F1" : ""
                let expected = try #require(spec["field_header"]?.stringValue) + (spec["vl_length"]?.stringValue ?? "") + parts + arrayEnd
                #expect(try codec.encodeHex(.object([name: try #require(spec["json"])])) == expected, "\(name)")
            }
        }
    }

    @Test func dataDrivenAmountValues_encodeOrFailAsSpecified() throws {
        let fixture = try FixtureJSON.load("xrpl/data-driven-tests.json")
        let tests = try #require(fixture["values_tests"]?.arrayValue)
        #expect(tests.count == 50)
        var failures = 0
        for test in tests {
            let json = try #require(test["test_json"])
            if test["error"] != nil {
                failures += 1
                #expect(throws: XRPLError.self, "\(json)") { try AmountCodec.encode(json, field: "Amount") }
            } else {
                let expected = try #require(test["expected_hex"]?.stringValue)
                #expect(Hex.encode(try AmountCodec.encode(json, field: "Amount")) == expected, "\(json)")
            }
        }
        #expect(failures == 17)
    }

    @Test func xAddressFixtures_encodeLikeTheirClassicForms() throws {
        let fixture = try FixtureJSON.load("xrpl/x-codec-fixtures.json")
        let cases = try #require(fixture["transactions"]?.arrayValue)
        #expect(!cases.isEmpty)
        for entry in cases {
            let classic = try #require(entry["rjson"])
            let x = try #require(entry["xjson"])
            let blob = try codec.encode(classic)
            #expect(try codec.encode(x) == blob)
            #expect(try codec.decode(blob) == classic)
        }
    }
}
