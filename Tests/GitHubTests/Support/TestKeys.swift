import _CryptoExtras
import Foundation

/// One RSA key pair per test process (generation is slow in debug builds).
enum TestKeys {
    struct Pair: Sendable {
        var privatePEM: String
        var publicPEM: String
    }

    private static let cached: Result<Pair, any Error> = Result {
        let key = try _RSA.Signing.PrivateKey(keySize: .bits2048)
        return Pair(privatePEM: key.pemRepresentation, publicPEM: key.publicKey.pemRepresentation)
    }

    static func shared() throws -> Pair { try cached.get() }
}
