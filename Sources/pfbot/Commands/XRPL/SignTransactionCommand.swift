import ArgumentParser
import JSON
import XRPL

/// `pfbot xrpl sign`: signs a complete transaction JSON from stdin offline.
struct SignTransactionCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sign", abstract: "Sign a transaction JSON from stdin (Sequence and Fee already set); prints tx_blob and hash.")

    @Option(help: "File holding a family seed.")
    var seedFile: String?

    @Option(help: "File holding a BIP39 mnemonic.")
    var mnemonicFile: String?

    @OptionGroup var output: JSONOption

    func run() async throws {
        let wallet = try SecretSource.wallet(seedFile: seedFile, mnemonicFile: mnemonicFile)
        let tx = try JSONValue.parse(StandardInput.readAll())
        guard tx["Sequence"] != nil, tx["Fee"] != nil else {
            throw ValidationError("The transaction must already carry Sequence and Fee.")
        }
        let signed = try TransactionSigner(codec: try BinaryCodec()).sign(tx, with: wallet)
        if output.json {
            try Output.success(["tx_blob": signed.txBlob, "hash": signed.hash])
        } else {
            SecretSource.printJSON(["tx_blob": .string(signed.txBlob), "hash": .string(signed.hash)])
        }
    }
}
