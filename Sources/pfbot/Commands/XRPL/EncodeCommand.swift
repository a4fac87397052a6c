import ArgumentParser
import JSON
import XRPL

/// `pfbot xrpl encode`: JSON on stdin → canonical binary hex on stdout.
struct EncodeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "encode", abstract: "Encode a JSON object from stdin as canonical hex.")

    func run() async throws {
        let codec = try BinaryCodec()
        print(try codec.encodeHex(try JSONValue.parse(StandardInput.readAll())))
    }
}
