import Crypto

/// BIP39 mnemonics (English wordlist) and BIP32 derivation to the XRPL path m/44'/144'/0'/0/0.
enum BIP39 {
    private static let wordIndex: [String: Int] = {
        var map = [String: Int]()
        for (i, w) in BIP39Wordlist.english.enumerated() { map[w] = i }
        return map
    }()

    /// The entropy of `mnemonic`, after checking the words and the checksum.
    static func entropy(mnemonic: String) throws -> [UInt8] {
        let words = normalizedWords(mnemonic)
        guard [12, 15, 18, 21, 24].contains(words.count) else {
            throw XRPLError.invalidMnemonic("expected 12, 15, 18, 21 or 24 words, got \(words.count)")
        }
        var bits = [Bool]()
        for (position, word) in words.enumerated() {
            guard let index = wordIndex[word] else {
                throw XRPLError.invalidMnemonic("word \(position + 1) is not in the English BIP39 wordlist")
            }
            for b in (0..<11).reversed() { bits.append(index >> b & 1 == 1) }
        }
        let checksumBits = bits.count / 33
        let entropyBits = bits.count - checksumBits
        var entropy = [UInt8](repeating: 0, count: entropyBits / 8)
        for i in 0..<entropyBits where bits[i] { entropy[i / 8] |= 0x80 >> UInt8(i % 8) }
        let hash = Hashing.sha256(entropy)
        for i in 0..<checksumBits where bits[entropyBits + i] != (hash[i / 8] & (0x80 >> UInt8(i % 8)) != 0) {
            throw XRPLError.invalidMnemonic("checksum mismatch")
        }
        return entropy
    }

    /// PBKDF2-HMAC-SHA512(mnemonic, "mnemonic" + passphrase, 2048) → 64-byte seed.
    static func seed(mnemonic: String, passphrase: String = "") -> [UInt8] {
        let password = Array(normalizedWords(mnemonic).joined(separator: " ").utf8)
        return pbkdf2SHA512(password: password, salt: Array("mnemonic\(passphrase)".utf8), rounds: 2048, length: 64)
    }

    /// The 32-byte secp256k1 secret at m/44'/144'/0'/0/0.
    static func xrplSecret(mnemonic: String) throws -> [UInt8] {
        _ = try entropy(mnemonic: mnemonic)
        let hardened: UInt32 = 0x8000_0000
        return try derivePath(seed: seed(mnemonic: mnemonic), path: [44 | hardened, 144 | hardened, hardened, 0, 0])
    }

    /// BIP32 private derivation along `path` from a BIP39 seed.
    static func derivePath(seed: [UInt8], path: [UInt32]) throws -> [UInt8] {
        let master = hmacSHA512(key: Array("Bitcoin seed".utf8), data: seed)
        var key = Array(master.prefix(32))
        var chain = Array(master.suffix(32))
        guard Secp256k1.isValidSecret(key) else { throw XRPLError.invalidMnemonic("master key out of range") }
        for index in path {
            var data: [UInt8]
            if index & 0x8000_0000 != 0 {
                data = [0] + key
            } else {
                data = try Secp256k1.publicKey(secret: key)
            }
            data += KeyDerivation.bigEndian(index)
            let child = hmacSHA512(key: chain, data: data)
            key = try Secp256k1.addSecrets(key, Array(child.prefix(32)))
            chain = Array(child.suffix(32))
        }
        return key
    }

    private static func normalizedWords(_ mnemonic: String) -> [String] {
        mnemonic.lowercased().split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "\r" }).map(String.init)
    }

    static func hmacSHA512(key: [UInt8], data: [UInt8]) -> [UInt8] {
        Array(HMAC<SHA512>.authenticationCode(for: data, using: SymmetricKey(data: key)))
    }

    static func pbkdf2SHA512(password: [UInt8], salt: [UInt8], rounds: Int, length: Int) -> [UInt8] {
        let key = SymmetricKey(data: password)
        var output = [UInt8]()
        var block: UInt32 = 1
        while output.count < length {
            var u = Array(HMAC<SHA512>.authenticationCode(for: salt + KeyDerivation.bigEndian(block), using: key))
            var t = u
            for _ in 1..<max(rounds, 1) {
                u = Array(HMAC<SHA512>.authenticationCode(for: u, using: key))
                for i in 0..<t.count { t[i] ^= u[i] }
            }
            output += t
            block += 1
        }
        return Array(output.prefix(length))
    }
}
