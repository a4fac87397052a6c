import Foundation

/// `pfbot report --format json` and `GET /dashboard.json`: the report with ISO 8601 dates and sorted keys.
public enum AnalyticsJSON {
    /// Encodes the report as pretty-printed JSON with sorted keys and ISO 8601 dates.
    /// - Parameter report: the report to encode.
    /// - Returns: the UTF-8 JSON document.
    /// - Throws: an `EncodingError` when a value cannot be encoded (a non-finite number).
    public static func encode(_ report: AnalyticsReport) throws -> Data {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        return try encoder.encode(report)
    }
}
