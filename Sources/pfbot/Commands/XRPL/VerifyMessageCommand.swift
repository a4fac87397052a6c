import ArgumentParser
import XRPL

/// `pfbot xrpl verify-message`: checks a message signature; exits 1 when it is invalid.
struct VerifyMessageCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify-message", abstract: "Verify a message signature; exit status 1 when invalid.")

    @Option(help: "33-byte public key as hex (ED… or 02/03…).")
    var publicKey: String

    @Option(help: "The message as hex.")
    var messageHex: String

    @Option(help: "The signature as hex.")
    var signature: String

    @OptionGroup var output: JSONOption

    func run() async throws {
        let message = try Hex.decode(messageHex)
        let valid = MessageSignature.verify(message: message, signature: (try? Hex.decode(signature)) ?? [], publicKeyHex: publicKey)
        if !output.json { SecretSource.printJSON(["valid": .bool(valid)]) }
        guard valid else {
            throw CommandFailure(code: "invalid_signature", message: "the signature does not match the message and the public key",
                                 hint: "check the message bytes (hex), the public key and the signature", result: try JSONText(["valid": false]))
        }
        if output.json { try Output.success(["valid": true]) }
    }
}
