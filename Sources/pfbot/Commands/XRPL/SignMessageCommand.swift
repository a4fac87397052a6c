import ArgumentParser
import XRPL

/// `pfbot xrpl sign-message`: a ripple-keypairs signature over hex message bytes.
struct SignMessageCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sign-message", abstract: "Sign message bytes as ripple-keypairs does (secp256k1 over SHA-512Half).")

    @Option(help: "File holding a family seed.")
    var seedFile: String?

    @Option(help: "File holding a BIP39 mnemonic.")
    var mnemonicFile: String?

    @Option(help: "The message as hex.")
    var messageHex: String

    @OptionGroup var output: JSONOption

    func run() async throws {
        let wallet = try SecretSource.wallet(seedFile: seedFile, mnemonicFile: mnemonicFile)
        let signature = try wallet.sign(message: try Hex.decode(messageHex))
        if output.json {
            try Output.success(["signature": Hex.encode(signature)])
        } else {
            SecretSource.printJSON(["signature": .string(Hex.encode(signature))])
        }
    }
}
