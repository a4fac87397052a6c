import Foundation

/// `pfbot report --format json` and `GET /dashboard.json`: the report with ISO 8601 dates and sorted keys.
public enum AnalyticsJSON {
    public static func encode(_ report: AnalyticsReport) throws -> Data {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        return try encoder.encode(report)
    }
}
