import Foundation

/// The JSON body of a check run create or update.
struct CheckRunBody: Encodable {
    struct Output: Encodable {
        var title: String
        var summary: String
        var text: String?
        var annotations: [CheckAnnotation]?
    }

    var name: String?
    var headSha: String?
    var status: String?
    var conclusion: String?
    var externalId: String?
    var detailsUrl: String?
    var startedAt: Date?
    var completedAt: Date?
    var output: Output?

    init(_ request: CheckRunRequest, annotations: [CheckAnnotation]) {
        name = request.name
        headSha = request.headSha
        status = request.status?.rawValue
        conclusion = request.conclusion?.rawValue
        externalId = request.externalId
        detailsUrl = request.detailsUrl
        startedAt = request.startedAt
        completedAt = request.completedAt
        output = request.output.map {
            Output(
                title: $0.title, summary: GitHubClient.truncatedForCheckRun($0.summary),
                text: $0.text.map { GitHubClient.truncatedForCheckRun($0) }, annotations: annotations.isEmpty ? nil : annotations)
        }
    }
}
