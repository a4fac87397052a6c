import _CryptoExtras
import Foundation

/// Makes a second, unrelated private key.
enum StrangerKey {
    static func make() throws -> String {
        try _RSA.Signing.PrivateKey(keySize: .bits2048).pemRepresentation
    }
}
