import ArgumentParser
import XRPL

/// `pfbot xrpl decode`: canonical binary hex on stdin → JSON on stdout.
struct DecodeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "decode", abstract: "Decode canonical hex from stdin to JSON.")

    func run() async throws {
        let hex = String(decoding: StandardInput.readAll(), as: UTF8.self).trimmingWhitespaceAndNewlines()
        print(try BinaryCodec().decodeHex(hex).jsonString)
    }
}
