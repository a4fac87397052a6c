import Foundation

extension RecordedRequest {
    /// The method and route template, e.g. `GET /repos/{owner}/{repo}/issues/{number}`: the request's path with
    /// its owner, repository, numbers, names and SHAs replaced by placeholders, for counting calls by endpoint.
    public var route: String {
        "\(method) \(Self.template(of: path))"
    }

    /// Whether the request asks to change something (`POST`, `PATCH`, `PUT`, `DELETE`).
    public var isWrite: Bool {
        ["POST", "PATCH", "PUT", "DELETE"].contains(method)
    }

    /// `path` as a route template.
    static func template(of path: String) -> String {
        let segments = path.split(separator: "/").map(String.init)
        guard segments.count >= 3, segments[0] == "repos" else {
            return "/" + segments.map { Int($0) != nil ? "{id}" : $0 }.joined(separator: "/")
        }
        var template = ["repos", "{owner}", "{repo}"]
        let rest = Array(segments.dropFirst(3))
        for (index, segment) in rest.enumerated() {
            let parent = index > 0 ? rest[index - 1] : ""
            switch parent {
            case "issues" where segment == "comments": template.append(segment)
            case "issues", "pulls": template.append("{number}")
            case "comments", "check-runs": template.append("{id}")
            case "labels": template.append("{name}")
            case "statuses": template.append("{sha}")
            case "collaborators": template.append("{username}")
            default: template.append(segment)
            }
        }
        return "/" + template.joined(separator: "/")
    }
}
