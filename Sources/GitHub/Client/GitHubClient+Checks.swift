import Foundation

extension GitHubClient {
    /// GitHub's limit on a check run summary or text, in characters.
    public static let checkRunTextLimit = 65_535
    /// GitHub's limit on annotations per request.
    public static let annotationsPerRequest = 50

    /// `POST /repos/{owner}/{repo}/check-runs`; annotations past the first 50 follow in PATCHes of 50.
    public func createCheckRun(_ repo: RepositoryRef, _ request: CheckRunRequest) async throws -> CheckRun {
        let batches = Self.annotationBatches(request.output?.annotations ?? [])
        var created = try await write(CheckRun.self, "POST", "\(repo.apiPath)/check-runs", body: CheckRunBody(request, annotations: batches.first ?? []))
        for batch in batches.dropFirst() {
            created = try await patchAnnotations(repo, id: created.id, output: request.output, batch: batch)
        }
        return created
    }

    /// `PATCH /repos/{owner}/{repo}/check-runs/{id}`; annotations in batches of 50.
    public func updateCheckRun(_ repo: RepositoryRef, id: Int, _ request: CheckRunRequest) async throws -> CheckRun {
        let batches = Self.annotationBatches(request.output?.annotations ?? [])
        var updated = try await write(CheckRun.self, "PATCH", "\(repo.apiPath)/check-runs/\(id)", body: CheckRunBody(request, annotations: batches.first ?? []))
        for batch in batches.dropFirst() {
            updated = try await patchAnnotations(repo, id: id, output: request.output, batch: batch)
        }
        return updated
    }

    /// `POST /repos/{owner}/{repo}/statuses/{sha}`; the description is cut to GitHub's 140 characters.
    public func createCommitStatus(
        _ repo: RepositoryRef, sha: String, state: CommitState, context: String, description: String?, targetURL: String?
    ) async throws -> CommitStatus {
        struct Status: Encodable {
            var state: CommitState
            var context: String
            var description: String?
            var targetUrl: String?
        }
        let body = Status(state: state, context: context, description: description.map { String($0.prefix(140)) }, targetUrl: targetURL)
        return try await write(CommitStatus.self, "POST", "\(repo.apiPath)/statuses/\(sha.pathEscaped)", body: body)
    }

    /// Cuts `text` to GitHub's limit, ending with a note that says it was cut and how long it was.
    public static func truncatedForCheckRun(_ text: String, limit: Int = checkRunTextLimit) -> String {
        guard text.count > limit else { return text }
        let note = "\n\n… truncated by pfbot: the full text has \(text.count) characters; GitHub shows at most \(limit)."
        return String(text.prefix(max(0, limit - note.count))) + note
    }

    static func annotationBatches(_ annotations: [CheckAnnotation]) -> [[CheckAnnotation]] {
        stride(from: 0, to: annotations.count, by: annotationsPerRequest).map {
            Array(annotations[$0..<min($0 + annotationsPerRequest, annotations.count)])
        }
    }

    private func patchAnnotations(_ repo: RepositoryRef, id: Int, output: CheckRunOutput?, batch: [CheckAnnotation]) async throws -> CheckRun {
        let request = CheckRunRequest(output: output)
        return try await write(CheckRun.self, "PATCH", "\(repo.apiPath)/check-runs/\(id)", body: CheckRunBody(request, annotations: batch))
    }
}
