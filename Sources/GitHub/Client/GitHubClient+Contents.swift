import Foundation

extension GitHubClient {
    /// `GET /repos/{owner}/{repo}/contents/{path}?ref=`; nil on 404.
    public func repositoryFile(_ repo: RepositoryRef, path: String, ref: String) async throws -> RepositoryFile? {
        let encoded = path.split(separator: "/").map { $0.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? String($0) }.joined(separator: "/")
        do {
            return try await get(RepositoryFile.self, "\(repo.apiPath)/contents/\(encoded)", query: [("ref", ref)])
        } catch let error as GitHubError where error.status == 404 {
            return nil
        }
    }
}
