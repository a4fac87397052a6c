import Foundation

/// Every absolute link is a well-formed http(s) URL.
struct LinksRule: QCRule {
    let name = "links"

    func evaluate(_ input: QCInput) -> QCRuleResult {
        var annotations: [QCAnnotation] = []
        var count = 0
        for file in input.taskTextFiles where file.path.lowercased().hasSuffix(".md") {
            for link in MarkdownLinks.find(in: file.text) where link.target.contains(":") && !link.target.hasPrefix("mailto:") {
                count += 1
                let url = URL(string: link.target)
                let scheme = url?.scheme?.lowercased()
                if scheme != "http" && scheme != "https" || url?.host?.isEmpty != false {
                    annotations.append(QCAnnotation(path: file.path, line: link.line, level: .failure,
                                                    message: "\(link.target) is not a well-formed http(s) URL."))
                }
            }
        }
        return QCRuleResult(rule: name, passed: annotations.isEmpty, summary: "\(count) link(s), \(annotations.count) malformed", annotations: annotations)
    }
}
