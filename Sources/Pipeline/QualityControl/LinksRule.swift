import Foundation

/// Every absolute link (a link or image with a scheme, outside code) is a well-formed http(s) URL.
struct LinksRule: QCRule {
    let name = "links"

    func evaluate(_ input: QCInput) -> QCRuleResult {
        var annotations: [QCAnnotation] = []
        var count = 0
        for (path, document) in input.taskMarkdownFiles {
            for link in document.links where link.destination.contains(":") && !link.destination.hasPrefix("mailto:") {
                count += 1
                let url = URL(string: link.destination)
                let scheme = url?.scheme?.lowercased()
                if scheme != "http" && scheme != "https" || url?.host?.isEmpty != false {
                    annotations.append(QCAnnotation(path: path, line: link.line, level: .failure,
                                                    message: "\(link.destination) is not a well-formed http(s) URL."))
                }
            }
        }
        return QCRuleResult(rule: name, passed: annotations.isEmpty, summary: "\(count) link(s), \(annotations.count) malformed", annotations: annotations)
    }
}
