import ArgumentParser
import JSON
import XRPL

/// `pfbot xrpl encode`: JSON on stdin → canonical binary hex on stdout.
struct EncodeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "encode", abstract: "Encode a JSON object from stdin as canonical hex.")

    @OptionGroup var output: JSONOption

    func run() async throws {
        let codec = try BinaryCodec()
        let hex = try codec.encodeHex(try JSONValue.parse(StandardInput.readAll()))
        if output.json { try Output.success(["hex": hex]) } else { Output.verbatim(hex) }
    }
}
