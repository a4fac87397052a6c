import Foundation
import PFBotCore

/// The results folder of a steps job: for each request, `<key>/result.json` (how each command ended) and the files
/// it brought back below `<key>/files/`. The steps job writes it; the applying job reads it as untrusted input:
/// only the keys of its own plan are looked up, a result file is read only up to ``maximumResultBytes``, and the
/// files are read through the same filters as in a local run (declared paths only, regular files, size caps).
public struct StepResults: Sendable {
    /// The largest `result.json` read.
    static let maximumResultBytes = 2_000_000

    /// The folder.
    public let directory: URL
    /// The keys of the requests the trusted plan holds; results of others are never looked at.
    let planned: Set<String>
    /// The pipeline jobs the plan came from.
    let origins: [StepOrigin]

    /// The results in `directory` of the requests in `plan`.
    public init(directory: URL, plan: StepPlan) {
        self.directory = directory
        self.planned = Set(plan.requests.map(\.key))
        self.origins = plan.requests.map(\.origin)
    }

    /// Whether the plan holds a request of `kind` for `task` at `head`. The applying job runs only those: a job of
    /// another commit (one the reconciler of this job found) could not get its commands run here, and is left to
    /// the next workflow run, which plans them.
    func plans(_ kind: JobKind, of task: TaskID, head: String) -> Bool {
        origins.contains { $0.matches(kind, task: task, head: head) }
    }

    /// The outcomes recorded for `request`, one per command in order, and the folder of its files; `nil` when the
    /// plan does not hold the request or the steps job left no result that matches it.
    func outcomes(for request: StepRequest) -> (outcomes: [StepOutcome], files: URL)? {
        guard planned.contains(request.key) else { return nil }
        let folder = directory.appendingPathComponent(request.key, isDirectory: true)
        let file = folder.appendingPathComponent("result.json")
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: file.path),
              attributes[.type] as? FileAttributeType == .typeRegular, (attributes[.size] as? Int ?? .max) <= Self.maximumResultBytes,
              let data = try? Data(contentsOf: file), let recorded = try? JSONDecoder().decode(RecordedRun.self, from: data),
              recorded.outcomes.count == request.commands.count else { return nil }
        let tail = StepRunner.defaultTailBytes
        return (recorded.outcomes.map { $0.outcome(tailBytes: tail) }, folder.appendingPathComponent("files", isDirectory: true))
    }

    /// Records how the commands of `request` ended and copies what it collects out of `source` (the folder they ran in).
    func record(_ outcomes: [StepOutcome], for request: StepRequest, ranIn source: URL) throws {
        let folder = directory.appendingPathComponent(request.key, isDirectory: true)
        let files = folder.appendingPathComponent("files", isDirectory: true)
        try FileManager.default.createDirectory(at: files, withIntermediateDirectories: true)
        var collected = StepOutputs.read(request.collect, in: source)
        if let pattern = request.collectPattern { collected += StepOutputs.matching(pattern, in: source) }
        for (path, data) in collected {
            let target = files.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            try data.write(to: target)
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        try encoder.encode(RecordedRun(outcomes: outcomes.map(RecordedOutcome.init))).write(to: folder.appendingPathComponent("result.json"))
    }
}

/// `result.json`.
struct RecordedRun: Codable {
    var outcomes: [RecordedOutcome]
}

/// One ``StepOutcome`` as JSON.
struct RecordedOutcome: Codable {
    /// `exited`, `signalled`, `timedOut` or `notRun`.
    var status: String
    var code: Int32?
    var tail: String
    var outputBytes: Int
    var milliseconds: Int

    init(_ outcome: StepOutcome) {
        switch outcome.status {
        case .exited(let code): (status, self.code) = ("exited", code)
        case .signalled(let signal): (status, code) = ("signalled", signal)
        case .timedOut: (status, code) = ("timedOut", nil)
        case .notRun: (status, code) = ("notRun", nil)
        }
        tail = outcome.tail
        outputBytes = outcome.outputBytes
        milliseconds = Int(outcome.duration.inSeconds * 1000)
    }

    /// The outcome, with the tail cut to `tailBytes` (the file is untrusted).
    func outcome(tailBytes: Int) -> StepOutcome {
        let parsed: StepOutcome.Status = switch status {
        case "exited": .exited(code ?? -1)
        case "signalled": .signalled(code ?? 0)
        case "timedOut": .timedOut
        default: .notRun
        }
        return StepOutcome(status: parsed, tail: String(decoding: Array(tail.utf8.suffix(tailBytes)), as: UTF8.self),
                           outputBytes: max(0, outputBytes), duration: .milliseconds(max(0, milliseconds)))
    }
}
