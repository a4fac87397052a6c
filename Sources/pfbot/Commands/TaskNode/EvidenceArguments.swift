import ArgumentParser
import Foundation
import PFBotCore
import PostFiat

/// Reads `--evidence` values: a URL → url, a GitHub commit URL → github_commit, `@path` → file, else text.
enum EvidenceArguments {
    static func parse(_ values: [String]) throws -> [Evidence] {
        try values.map { value in
            guard value.hasPrefix("@") else { return try Evidence.classify(value) }
            let path = String(value.dropFirst())
            guard let data = FileManager.default.contents(atPath: path) else {
                throw TaskNodeError.invalidEvidence("cannot read file \(path)")
            }
            guard let text = String(data: data, encoding: .utf8) else {
                throw TaskNodeError.invalidEvidence("\(path) is not UTF-8 text; publish it and submit its URL instead")
            }
            return try Evidence(type: .file, value: text, notes: "file: \(URL(fileURLWithPath: path).lastPathComponent)")
        }
    }
}
