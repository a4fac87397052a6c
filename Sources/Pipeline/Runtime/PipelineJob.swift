import Foundation
import PFBotCore
import Storage

/// A job of the pipeline: its kind and its typed payload. The one place where a job's stored form is made and
/// read: ``kind``, ``dedupeKey`` and the payload's encoding are derived here, never spelled by a caller.
public enum PipelineJob: Sendable, Equatable {
    /// Process a stored webhook delivery.
    case webhook(deliveryID: String)
    /// Open a proposal's issue and send the announcement.
    case announce(ObservedTaskJob)
    /// Accept the task on the Task Node.
    case accept(AcceptJob)
    /// Commit the templates to the task branch and open the draft pull request.
    case startWork(StartWorkJob)
    /// Relay the Task Node's verification question to the issue.
    case relayVerification(ObservedTaskJob)
    /// Record the decided or paid reward on the issue and close it.
    case recordReward(ObservedTaskJob)
    /// Label and close the issue of a task refused, cancelled, expired or rejected.
    case close(ObservedTaskJob)
    /// Rewrite the issue's body and labels from the task's state.
    case updateIssue(ObservedTaskJob)
    /// Run quality control on a head and publish the check run.
    case qualityControl(QualityControlJob)
    /// Run the template pack's steps on a commit of the task branch and commit their outputs.
    case runSteps(StepsJob)
    /// Submit the task's work to the Task Node, once QC and reviews allow.
    case submit(SubmissionJob)

    /// The job's kind.
    public var kind: JobKind {
        switch self {
        case .webhook: return .webhook
        case .announce: return .announce
        case .accept: return .accept
        case .startWork: return .startWork
        case .relayVerification: return .relayVerification
        case .recordReward: return .recordReward
        case .close: return .close
        case .updateIssue: return .updateIssue
        case .qualityControl: return .qualityControl
        case .runSteps: return .runSteps
        case .submit: return .submit
        }
    }

    /// The task the job is about; `nil` for a webhook delivery.
    public var task: TaskID? {
        switch self {
        case .webhook: return nil
        case .announce(let job), .relayVerification(let job), .recordReward(let job), .close(let job), .updateIssue(let job): return job.task
        case .accept(let job): return job.task
        case .startWork(let job): return job.task
        case .qualityControl(let job): return job.task
        case .runSteps(let job): return job.task
        case .submit(let job): return job.task
        }
    }

    /// At most one live job per key: reactions once per task and observed state, QC once per head (a request by a
    /// person once more), a submission once per commit, an accept once per task.
    public var dedupeKey: String {
        let prefix = kind.rawValue
        switch self {
        case .webhook(let delivery):
            return "delivery:\(delivery)"
        case .announce(let job), .relayVerification(let job), .recordReward(let job), .close(let job), .updateIssue(let job):
            return "\(prefix):\(job.task):\(job.observed.rawValue)"
        case .accept(let job):
            return "\(prefix):\(job.task)"
        case .startWork(let job):
            switch job.occasion {
            case .observed(let state): return "\(prefix):\(job.task):\(state.rawValue)"
            case .accepted: return "\(prefix):\(job.task)"
            case .requested(let at): return "\(prefix):\(job.task):manual:\(at.timeIntervalSince1970)"
            }
        case .qualityControl(let job):
            return job.requested ? "\(prefix):\(job.task):manual:\(job.head)" : "\(prefix):\(job.task):\(job.head)"
        case .runSteps(let job):
            return "\(prefix):\(job.task):\(job.head):\(job.step ?? "*")" + (job.requested ? ":manual" : "")
        case .submit(let job):
            return "\(prefix):\(job.task):\(job.commit)"
        }
    }

    /// The row to insert, due at `runAt`.
    func newJob(runAt: Date) -> NewJob {
        NewJob(kind: kind.rawValue, payload: encodedPayload(), dedupeKey: dedupeKey, runAt: runAt, maxAttempts: kind.maxAttempts)
    }

    private func encodedPayload() -> String {
        switch self {
        case .webhook(let delivery): return delivery
        case .announce(let job), .relayVerification(let job), .recordReward(let job), .close(let job), .updateIssue(let job): return Self.encode(job)
        case .accept(let job): return Self.encode(job)
        case .startWork(let job): return Self.encode(job)
        case .qualityControl(let job): return Self.encode(job)
        case .runSteps(let job): return Self.encode(job)
        case .submit(let job): return Self.encode(job)
        }
    }

    /// Reads a stored job.
    /// - Throws: ``MalformedJob`` (permanent) when its kind is not the pipeline's or its payload does not fit the kind.
    public init(_ job: Job) throws {
        guard let kind = JobKind(rawValue: job.kind) else { throw MalformedJob(job: job.id, kind: job.kind) }
        func payload<P: Decodable>(_ type: P.Type) throws -> P {
            let decoder = JSONDecoder()
            decoder.dateDecodingStrategy = .secondsSince1970
            guard let value = try? decoder.decode(P.self, from: Data(job.payload.utf8)) else { throw MalformedJob(job: job.id, kind: job.kind) }
            return value
        }
        switch kind {
        case .webhook: self = .webhook(deliveryID: job.payload)
        case .announce: self = .announce(try payload(ObservedTaskJob.self))
        case .accept: self = .accept(try payload(AcceptJob.self))
        case .startWork: self = .startWork(try payload(StartWorkJob.self))
        case .relayVerification: self = .relayVerification(try payload(ObservedTaskJob.self))
        case .recordReward: self = .recordReward(try payload(ObservedTaskJob.self))
        case .close: self = .close(try payload(ObservedTaskJob.self))
        case .updateIssue: self = .updateIssue(try payload(ObservedTaskJob.self))
        case .qualityControl: self = .qualityControl(try payload(QualityControlJob.self))
        case .runSteps: self = .runSteps(try payload(StepsJob.self))
        case .submit: self = .submit(try payload(SubmissionJob.self))
        }
    }

    private static func encode<P: Encodable>(_ payload: P) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        encoder.dateEncodingStrategy = .secondsSince1970
        return String(decoding: (try? encoder.encode(payload)) ?? Data("{}".utf8), as: UTF8.self)
    }
}

/// A job whose payload cannot be read; retrying will not help.
public struct MalformedJob: PermanentJobFailure, CustomStringConvertible {
    /// The job's row id.
    public var job: Int64
    /// The job's kind, as stored.
    public var kind: String
    /// Which job cannot be read, and why it probably cannot.
    public var description: String { "job \(job) (\(kind)) has a malformed payload; it was written by another pfbot version or by hand" }
}
