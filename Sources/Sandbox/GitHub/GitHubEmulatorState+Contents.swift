import Foundation
import JSON

extension GitHubEmulatorState {
    /// `GET /repos/{owner}/{repo}/contents/{path}?ref=`: a file as GitHub's `content-file` (base64 in lines of 60
    /// characters, as GitHub sends it); 404 when the ref or the file does not exist. Folders are not served.
    func getContents(_ call: RepoCall) async -> GitHubEmulatorResponse {
        guard let repo = repositories[call.key] else { return .notFound() }
        let path = call.rest.dropFirst().joined(separator: "/")
        guard !path.isEmpty else { return .error(404, "This emulator serves files only; name one.") }
        let ref = call.query["ref"] ?? repo.defaultBranch
        guard let file = try? await host.file(owner: repo.owner.login, name: repo.name, ref: ref, path: path) else { return .notFound() }
        let base64 = file.content.base64EncodedString()
        let lines = stride(from: 0, to: base64.count, by: 60).map { offset -> String in
            let start = base64.index(base64.startIndex, offsetBy: offset)
            return String(base64[start..<(base64.index(start, offsetBy: 60, limitedBy: base64.endIndex) ?? base64.endIndex)])
        }
        let api = "\(payloads.apiBase)/repos/\(repo.fullName)"
        let selfURL = "\(api)/contents/\(path)?ref=\(ref)"
        let gitURL = "\(api)/git/blobs/\(file.blobSHA)"
        let htmlURL = "\(payloads.webBase)/\(repo.fullName)/blob/\(ref)/\(path)"
        return .json(200, [
            "type": "file", "encoding": "base64", "size": .int(file.content.count), "name": .string(path.split(separator: "/").last.map(String.init) ?? path),
            "path": .string(path), "content": .string(lines.joined(separator: "\n") + (lines.isEmpty ? "" : "\n")), "sha": .string(file.blobSHA),
            "url": .string(selfURL), "git_url": .string(gitURL), "html_url": .string(htmlURL),
            "download_url": .string("\(payloads.webBase)/\(repo.fullName)/raw/\(ref)/\(path)"),
            "_links": ["self": .string(selfURL), "git": .string(gitURL), "html": .string(htmlURL)],
        ])
    }
}
