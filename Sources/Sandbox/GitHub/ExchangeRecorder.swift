import Foundation
import JSON

/// Writes what the emulator answers and sends, as JSON lines, so a checker outside the process can hold them against
/// GitHub's published schemas: `rest.jsonl` (one line per REST response with a JSON body: `method`, `path`, `status`,
/// `body`) and `webhooks.jsonl` (one line per webhook delivery: `event`, `action`, `payload`).
actor ExchangeRecorder {
    private let rest: FileHandle
    private let webhooks: FileHandle

    /// Creates (or empties) both files in `directory`, creating the folder when missing.
    /// - Throws: `GitHubEmulatorError.recordingFailed` when the folder or a file cannot be written.
    init(directory: URL) throws {
        func open(_ name: String) throws -> FileHandle {
            let file = directory.appendingPathComponent(name)
            do {
                try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
                try Data().write(to: file)
                return try FileHandle(forWritingTo: file)
            } catch {
                throw GitHubEmulatorError.recordingFailed("cannot write \(file.path): \(error.localizedDescription)")
            }
        }
        rest = try open("rest.jsonl")
        webhooks = try open("webhooks.jsonl")
    }

    /// Records one REST response; answers without a JSON body (204, 304) are skipped.
    func recordResponse(method: String, path: String, status: Int, body: Data) {
        guard !body.isEmpty, let json = JSONValue.decode(body) else { return }
        append(["method": .string(method), "path": .string(path), "status": .int(status), "body": json], to: rest)
    }

    /// Records one webhook delivery's payload.
    func recordDelivery(event: String, payload: JSONValue) {
        append(["event": .string(event), "action": payload["action"] ?? .null, "payload": payload], to: webhooks)
    }

    private func append(_ line: JSONValue, to handle: FileHandle) {
        handle.write(line.encoded() + Data("\n".utf8))
    }
}
