import Foundation
import PFBotCore
import Synchronization

/// The commands a run of `pfbot action --plan-steps` left for the workflow's separate, read-only steps job: the job
/// that handles the event (with the write token and the wallet) runs no repository code; it plans it. The steps job
/// (`pfbot action --run-steps`) runs the plan without secrets and uploads the results, and a third job
/// (`pfbot action --apply-steps`) with the write token finishes each request's pipeline job with them. The plan
/// travels from the first job to the others as a job output, so the steps job cannot change what the third applies.
public struct StepPlan: Codable, Sendable, Equatable {
    /// The largest plan read, in bytes (GitHub keeps at most 1 MB of a job's outputs).
    public static let maximumBytes = 900_000

    /// The requests, in the order they were planned.
    public var requests: [StepRequest]

    /// Creates a plan.
    public init(requests: [StepRequest]) {
        self.requests = requests
    }

    /// The plan as one line of JSON.
    public func encoded() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(self), as: UTF8.self)
    }

    /// Reads a plan written by ``encoded()``.
    /// - Throws: ``StepPlanError`` when the text is too large or not a plan.
    public static func decode(_ text: String) throws -> StepPlan {
        guard text.utf8.count <= maximumBytes else { throw StepPlanError.tooLarge(text.utf8.count) }
        do {
            return try JSONDecoder().decode(StepPlan.self, from: Data(text.utf8))
        } catch {
            throw StepPlanError.unreadable(String(describing: error))
        }
    }
}

/// Collects the requests the pipeline's jobs plan during one run (``StepHost/Mode/plan(_:)``).
public final class StepPlanRecorder: Sendable {
    private let requests = Mutex<[StepRequest]>([])

    /// An empty recorder.
    public init() {}

    /// Adds a request; one already planned for the same origin is replaced.
    func add(_ request: StepRequest) {
        requests.withLock { requests in
            requests.removeAll { $0.origin == request.origin }
            requests.append(request)
        }
    }

    /// Whether a QC request for `task` at `head` is planned already (a second QC job of the same head in one run
    /// then has nothing to add).
    func plansQualityControl(of task: TaskID, head: String) -> Bool {
        requests.withLock { $0.contains { $0.origin.matches(.qualityControl, task: task, head: head) } }
    }

    /// What was planned so far.
    public var plan: StepPlan { StepPlan(requests: requests.withLock { $0 }) }
}

/// Why a step plan cannot be used.
public enum StepPlanError: Error, CustomStringConvertible {
    /// The plan has this many bytes, more than ``StepPlan/maximumBytes``.
    case tooLarge(Int)
    /// The text is not a plan; the decoder's reason.
    case unreadable(String)

    /// What went wrong and what to do.
    public var description: String {
        switch self {
        case .tooLarge(let bytes):
            return "the steps plan is \(bytes) bytes, more than \(StepPlan.maximumBytes); pass the planning job's `plan` output unchanged"
        case .unreadable(let why):
            return "the steps plan is not one pfbot wrote (\(why)); pass the planning job's `plan` output (PFBOT_STEPS_PLAN) unchanged"
        }
    }
}
