import Foundation
import Logging
import Synchronization

/// pfbot's log output: one line per entry on standard error, `time level label: [key=value …] message`.
///
/// Unlike swift-log's `StreamLogHandler`, metadata is rendered when an entry is written, not when it is set:
/// the HTTP server sets a request id on every request's logger, and most requests log nothing.
public struct StandardErrorLogHandler: LogHandler {
    public var logLevel: Logger.Level = .info
    public var metadata: Logger.Metadata = [:]
    public var metadataProvider: Logger.MetadataProvider?
    private let label: String

    private static let output = Mutex(FileHandle.standardError)

    public init(label: String, metadataProvider: Logger.MetadataProvider? = nil) {
        self.label = label
        self.metadataProvider = metadataProvider
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(event: LogEvent) {
        let line = render(event, at: Date())
        // A log line that cannot be written (stderr closed, disk full) is dropped; logging never stops the process.
        Self.output.withLock { try? $0.write(contentsOf: Data(line.utf8)) }
    }

    /// The line written for `event`: the handler's metadata, then the provider's, then the entry's own (later
    /// ones win), sorted by key.
    func render(_ event: LogEvent, at time: Date) -> String {
        var merged = metadata
        if let provided = metadataProvider?.get() { merged.merge(provided) { _, new in new } }
        if let extra = event.metadata { merged.merge(extra) { _, new in new } }
        let rendered = merged.isEmpty ? "" : " [" + merged.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ") + "]"
        return "\(Self.timestamp(time)) \(event.level) \(label):\(rendered) \(event.message)\n"
    }

    private static func timestamp(_ time: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        formatter.timeZone = TimeZone(identifier: "UTC")
        return formatter.string(from: time)
    }
}
