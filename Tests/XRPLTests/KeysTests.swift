import Testing
@testable import XRPL

@Suite struct KeysTests {
    @Test func ripemd160_matchesThePaperVectors() {
        #expect(Hex.encode(RIPEMD160.hash([])) == "9C1185A5C5E9FC54612808977EE8F548B2258D31")
        #expect(Hex.encode(RIPEMD160.hash(Array("abc".utf8))) == "8EB208F7E05D987A9B044A8E98C6B087F15A0BFC")
        #expect(Hex.encode(RIPEMD160.hash(Array("message digest".utf8))) == "5D0689EF49D2FAE572B881B123A85FFA21595F36")
        let long = Array("12345678901234567890123456789012345678901234567890123456789012345678901234567890".utf8)
        #expect(Hex.encode(RIPEMD160.hash(long)) == "9B752E45573D4B39F4DBD3323CAB82BF63326BFB")
        let million = [UInt8](repeating: UInt8(ascii: "a"), count: 1_000_000)
        #expect(Hex.encode(RIPEMD160.hash(million)) == "52783243C1697BDBE16D37F97F68F08325DC1528")
    }

    @Test func keypairsFixture_seedsGiveFixtureKeysAddressesAndSignatures() throws {
        let fixture = try FixtureJSON.load("xrpl/keypairs-api.json")
        for name in ["secp256k1", "ed25519"] {
            let entry = try #require(fixture[name])
            let wallet = try Wallet(seed: try #require(entry["seed"]?.stringValue))
            #expect(wallet.keyType.rawValue == name)
            #expect(wallet.publicKeyHex == entry["keypair"]?["publicKey"]?.stringValue)
            #expect(wallet.address == entry["address"]?.stringValue)
            #expect(Hex.encode(wallet.privateKey.copy) == entry["keypair"]?["privateKey"]?.stringValue)
            let message = Array(try #require(entry["message"]?.stringValue).utf8)
            let signature = try wallet.sign(message: message)
            #expect(Hex.encode(signature) == entry["signature"]?.stringValue)
            #expect(MessageSignature.verify(message: message, signature: signature, publicKeyHex: wallet.publicKeyHex))
        }
    }

    @Test func masterPassphraseSeed_isTheGenesisAccount() throws {
        let entropy = Array(Hashing.sha512Half(Array("masterpassphrase".utf8)).prefix(16))
        let seed = try AddressCodec.encodeSeed(entropy, keyType: .secp256k1)
        #expect(seed == "snoPBrXtMeMyMHUVTgbuqAfg1SUTb")
        #expect(try Wallet(seed: seed).address == "rHb9CJAWyB4rj91VRWn96DkukG4bwdtyTh")
    }

    @Test func mnemonic_derivesTheSigningVectorKey() throws {
        let vectors = try FixtureJSON.load("postfiat/generated/signing_vectors.json")
        let key = try #require(vectors["vectors"]?["secp256k1_key"])
        let wallet = try Wallet(mnemonic: try #require(key["mnemonic"]?.stringValue))
        #expect(wallet.address == key["address"]?.stringValue)
        #expect(wallet.publicKeyHex == key["public_key"]?.stringValue)
        #expect(Hex.encode(wallet.privateKey.copy) == key["private_key"]?.stringValue)
    }

    @Test func mnemonic_withBadChecksumOrUnknownWord_isRejected() {
        let words = [String](repeating: "abandon", count: 24)
        #expect(throws: XRPLError.self) { try Wallet(mnemonic: words.joined(separator: " ")) }
        #expect(throws: XRPLError.self) { try Wallet(mnemonic: (words.dropLast() + ["xylophonez"]).joined(separator: " ")) }
        #expect(throws: XRPLError.self) { try Wallet(mnemonic: "abandon abandon art") }
    }

    @Test func seeds_withBadChecksumOrLength_areRejected() {
        #expect(throws: XRPLError.self) { try Wallet(seed: "sp5fghtJtpUorTwvof1NpDXAzNwf6") }
        #expect(throws: XRPLError.self) { try Wallet(seed: "sp5fghtJtpUorTwvof1NpDXAzNw") }
        #expect(throws: XRPLError.self) { try Wallet(seed: "sEdSKaCy2JT7JaM7v95H9SxkhP9wS2") }
        #expect(throws: XRPLError.self) { try Wallet(seed: "s0OIl") }
        #expect(throws: XRPLError.self) { try Wallet(seed: "") }
    }

    @Test func privateKey_descriptionsAreRedacted() throws {
        let wallet = try Wallet(seed: "sEdSKaCy2JT7JaM7v95H9SxkhP9wS2r")
        let key = wallet.privateKey
        #expect(key.description == "<redacted 33 bytes>")
        #expect(key.debugDescription == "<redacted 33 bytes>")
        #expect(!"\(wallet)".contains("B4C4E0"))
        #expect(!String(reflecting: wallet).contains("B4C4E0"))
    }

    @Test func addressesFixture_accountsAreValidAndSecretDerivesNothingElse() throws {
        let fixture = try FixtureJSON.load("xrpl/addresses.json")
        for key in ["ACCOUNT", "OTHER_ACCOUNT", "THIRD_ACCOUNT", "FOURTH_ACCOUNT", "ISSUER", "NOTFOUND", "SOURCE_LOW_FUNDS"] {
            let address = try #require(fixture[key]?.stringValue)
            #expect(AddressCodec.isValidClassicAddress(address), "\(key)")
            #expect(AddressCodec.encodeAccountID(try AddressCodec.decodeAccountID(address)) == address)
        }
        let account = try #require(fixture["ACCOUNT"]?.stringValue)
        let mainX = try AddressCodec.xAddress(classicAddress: account, tag: nil, isTest: false)
        #expect(mainX == fixture["ACCOUNT_X"]?.stringValue)
        let testX = try AddressCodec.xAddress(classicAddress: account, tag: nil, isTest: true)
        #expect(testX == fixture["ACCOUNT_T"]?.stringValue)
        #expect(try AddressCodec.decodeXAddress(testX).isTest)
        _ = try AddressCodec.decodeSeed(try #require(fixture["SECRET"]?.stringValue))
        #expect(!AddressCodec.isValidClassicAddress("r9cZA1mLK5R5Am25ArfXFmqgNwjZgnfk58"))
        #expect(!AddressCodec.isValidClassicAddress(mainX))
    }

    @Test func xAddress_roundTripsTagAndNetwork() throws {
        let classic = "r9cZA1mLK5R5Am25ArfXFmqgNwjZgnfk59"
        for tag: UInt32? in [nil, 0, 1, 4_294_967_295] {
            for isTest in [false, true] {
                let x = try AddressCodec.xAddress(classicAddress: classic, tag: tag, isTest: isTest)
                let decoded = try AddressCodec.decodeXAddress(x)
                #expect(decoded.classicAddress == classic && decoded.tag == tag && decoded.isTest == isTest)
            }
        }
        #expect(throws: XRPLError.self) { try AddressCodec.decodeXAddress("X7AcgcsBL6XDcUb289X4mJ8djcdyKaB5hJDWMArnXr61cqY") }
    }

    @Test func base58_roundTripsRandomBytesIncludingLeadingZeros() throws {
        var rng = SeededGenerator(state: 58)
        for _ in 0..<500 {
            let zeros = [UInt8](repeating: 0, count: Int.random(in: 0...3, using: &rng))
            let body = (0..<Int.random(in: 0...40, using: &rng)).map { _ in UInt8.random(in: 0...255, using: &rng) }
            let bytes = zeros + body
            #expect(try Base58.decode(Base58.encode(bytes)) == bytes)
        }
        #expect(Base58.encode([0]) == "r")
        #expect(Base58.encode([]) == "")
    }
}
