import ArgumentParser
import XRPL

/// `pfbot xrpl keypair`: address, public key and key type of a wallet.
struct KeypairCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "keypair", abstract: "Print the address, public key and key type of a seed or mnemonic.")

    @Option(help: "File holding a family seed (s… or sEd…).")
    var seedFile: String?

    @Option(help: "File holding a BIP39 mnemonic (derived at m/44'/144'/0'/0/0).")
    var mnemonicFile: String?

    @OptionGroup var output: JSONOption

    func run() async throws {
        let wallet = try SecretSource.wallet(seedFile: seedFile, mnemonicFile: mnemonicFile)
        if output.json {
            try Output.success(["address": wallet.address, "public_key": wallet.publicKeyHex, "key_type": wallet.keyType.rawValue])
            return
        }
        SecretSource.printJSON([
            "address": .string(wallet.address), "publicKey": .string(wallet.publicKeyHex), "keyType": .string(wallet.keyType.rawValue),
        ])
    }
}
