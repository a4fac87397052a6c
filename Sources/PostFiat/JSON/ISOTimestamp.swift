import Foundation

/// Timestamps as JavaScript's `toISOString()` writes them: UTC, milliseconds, `Z`.
public enum ISOTimestamp {
    /// `2026-08-21T00:00:00.000Z` for `date`.
    public static func string(from date: Date) -> String {
        date.formatted(Date.ISO8601FormatStyle(includingFractionalSeconds: true, timeZone: .gmt))
    }

    /// Reads an ISO-8601 timestamp with or without fractional seconds; `nil` when it is not one.
    public static func date(from text: String) -> Date? {
        if let date = try? Date.ISO8601FormatStyle(includingFractionalSeconds: true, timeZone: .gmt).parse(text) {
            return date
        }
        return try? Date.ISO8601FormatStyle(timeZone: .gmt).parse(text)
    }
}
