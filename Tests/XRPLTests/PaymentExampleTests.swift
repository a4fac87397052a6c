import JSON
import Testing
@testable import XRPL

/// The worked example of xrpl.md §1.4: an ed25519 Payment of 1.5 USD with one memo.
@Suite struct PaymentExampleTests {
    static let signature =
        "3262FCF4DAADF7613B15190BFD11E7DEB7DFA61F9FE2282C4BFF5B25A871A5DD526009F8CF3AABD605686193F0865D46145AADA075ED17D2C8DF1CA62FC8FC04"
    static let expectedBlob =
        "120000" + "2200000000" + "2400000007" + "201B000003E8"
        + "61D485543DF729C000" + "0000000000000000000000005553440000000000" + "4B4E9C06F24296074F7BC48F92A97916C6DC5EA9"
        + "68400000000000000C" + "7321ED01FA53FA5A7E77798F882ECE20B1ABC00BB358A9E55A202D0D0676BD0CE37A63"
        + "7440" + signature
        + "8114D28B177E48D9A8D057E70F7E464B498367281B98" + "83143E9D4A2B8AA0780F682D136F7A56D6724EF53754"
        + "F9EA7C0A746578742F706C61696E7D0E68656C6C6F206D656D6F20E29C937E18746578742F706C61696E3B636861727365743D7574662D38E1F1"

    /// The destination of the example: account ID 3E9D4A2B8AA0780F682D136F7A56D6724EF53754.
    static let destination = AddressCodec.encodeAccountID([
        0x3E, 0x9D, 0x4A, 0x2B, 0x8A, 0xA0, 0x78, 0x0F, 0x68, 0x2D, 0x13, 0x6F, 0x7A, 0x56, 0xD6, 0x72, 0x4E, 0xF5, 0x37, 0x54,
    ])

    static func unsignedPayment(wallet: Wallet) -> JSONValue {
        .object([
            "TransactionType": .string("Payment"), "Flags": .int(0), "Sequence": .int(7), "LastLedgerSequence": .int(1000),
            "Account": .string(wallet.address), "Destination": .string(destination),
            "Amount": .object(["currency": .string("USD"), "value": .string("1.5"), "issuer": .string("rf1BiGeXwwQoi8Z2ueFYTEXSwuJYfV2Jpn")]),
            "Fee": .string("12"),
            "Memos": .array([.object(["Memo": .object([
                "MemoType": .string(Hex.encode(Array("text/plain".utf8))),
                "MemoData": .string(Hex.encode(Array("hello memo ✓".utf8))),
                "MemoFormat": .string(Hex.encode(Array("text/plain;charset=utf-8".utf8))),
            ])])]),
        ])
    }

    @Test func signedPayment_matchesTheSpecBlobAndHash() throws {
        let wallet = try Wallet(seed: "sEdSKaCy2JT7JaM7v95H9SxkhP9wS2r")
        let signed = try TransactionSigner(codec: try BinaryCodec()).sign(Self.unsignedPayment(wallet: wallet), with: wallet)
        #expect(signed.txBlob == Self.expectedBlob)
        #expect(signed.hash == "1DD5B89A1B1AD735CCA735493B84CAF53A8F39CFFEDB56E2CE321DE070FA1E37")
    }

    @Test func signingData_isPrefixPlusBlobWithoutSignature() throws {
        let wallet = try Wallet(seed: "sEdSKaCy2JT7JaM7v95H9SxkhP9wS2r")
        guard case .object(var tx) = Self.unsignedPayment(wallet: wallet) else { return }
        tx["SigningPubKey"] = .string(wallet.publicKeyHex)
        let signing = try BinaryCodec().encodeForSigning(.object(tx))
        #expect(signing.count == 218)
        #expect(Hex.encode(signing.prefix(4)) == "53545800")
        let signatureField = "7440" + Self.signature
        let withoutSignature = Self.expectedBlob.split(separator: signatureField).joined()
        #expect(Hex.encode(signing.dropFirst(4)) == withoutSignature)
    }

    @Test func unsignedPayment_roundTripsThroughTheCodec() throws {
        let codec = try BinaryCodec()
        let wallet = try Wallet(seed: "sEdSKaCy2JT7JaM7v95H9SxkhP9wS2r")
        let blob = try codec.encode(Self.unsignedPayment(wallet: wallet))
        let decoded = try codec.decode(blob)
        #expect(decoded == Self.unsignedPayment(wallet: wallet))
        #expect(decoded["Amount"]?["value"]?.stringValue == "1.5")
    }
}
