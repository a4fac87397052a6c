import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// The failing test cases of a JUnit XML report (`<testcase>` elements holding `<failure>` or `<error>`).
struct JUnitReport {
    /// One failing test case.
    struct Failure: Equatable {
        /// `classname.name`, or the name alone.
        var test: String
        /// The `file` attribute, when the runner wrote one.
        var file: String?
        /// The `line` attribute, when the runner wrote one.
        var line: Int?
        /// The failure's message attribute, else its text.
        var message: String
    }

    /// The largest report read, in bytes.
    static let maximumBytes = 8_388_608

    /// The failing test cases, in document order.
    let failures: [Failure]

    /// Parses a report; `nil` when it is larger than ``maximumBytes`` or not well-formed XML.
    init?(_ data: Data) {
        guard data.count <= Self.maximumBytes else { return nil }
        let collector = FailureCollector()
        let parser = XMLParser(data: data)
        parser.shouldResolveExternalEntities = false
        parser.delegate = collector
        guard parser.parse() else { return nil }
        failures = collector.failures
    }
}

/// Collects failing test cases while XMLParser reads a report.
private final class FailureCollector: NSObject, XMLParserDelegate {
    var failures: [JUnitReport.Failure] = []
    private var testcase: [String: String]?
    private var failure: (message: String?, text: String)?
    private var failed = false

    func parser(_ parser: XMLParser, didStartElement element: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        switch element {
        case "testcase":
            testcase = attributes
            failed = false
        case "failure" where testcase != nil, "error" where testcase != nil:
            failure = (attributes["message"], "")
        default:
            break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if failure != nil, (failure?.text.count ?? 0) < 4000 { failure?.text += string }
    }

    func parser(_ parser: XMLParser, didEndElement element: String, namespaceURI: String?, qualifiedName: String?) {
        switch element {
        case "failure", "error":
            guard let attributes = testcase, let found = failure, !failed else { failure = nil; return }
            failed = true
            let name = attributes["name"] ?? "unnamed test"
            let test = attributes["classname"].map { $0.isEmpty ? name : "\($0).\(name)" } ?? name
            let text = found.text.trimmingCharacters(in: .whitespacesAndNewlines)
            let message = found.message.flatMap { $0.isEmpty ? nil : $0 } ?? (text.isEmpty ? "failed" : String(text.prefix(1000)))
            failures.append(.init(test: test, file: attributes["file"].flatMap { $0.isEmpty ? nil : $0 }, line: attributes["line"].flatMap { Int($0) },
                                  message: message))
            failure = nil
        case "testcase":
            testcase = nil
        default:
            break
        }
    }
}
