import ArgumentParser
import XRPL

/// `pfbot xrpl decode`: canonical binary hex on stdin → JSON on stdout.
struct DecodeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "decode", abstract: "Decode canonical hex from stdin to JSON.")

    @OptionGroup var output: JSONOption

    func run() async throws {
        let hex = String(decoding: StandardInput.readAll(), as: UTF8.self).trimmingWhitespaceAndNewlines()
        guard !hex.isEmpty else {
            throw CommandFailure(code: "empty_input", message: "standard input holds no hex", hint: "pipe the transaction's canonical hex into `pfbot xrpl decode`")
        }
        let decoded = try BinaryCodec().decodeHex(hex).jsonString
        if output.json { Output.success(try JSONText(members: ["transaction": JSONText(verbatim: decoded)])) } else { Output.verbatim(decoded) }
    }
}
