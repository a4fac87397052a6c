/// The Task Node's full task identifier (`taskId`/`fullId`, e.g. `task_<32 hex>`).
///
/// Task ids come from outside (the Task Node, comments, files), so they are validated once here and are
/// safe to use in branch names, labels and hidden markers afterwards.
public struct TaskID: Hashable, Sendable, Codable, CustomStringConvertible, Comparable {
    /// The id exactly as the Task Node spells it.
    public let rawValue: String

    /// The longest id accepted; real ids are 37 characters.
    public static let maximumLength = 128

    /// Validates an id: 1–128 characters of `A–Z a–z 0–9 _ - .`, not starting with `.` or `-`.
    /// - Throws: ``DomainError/invalidTaskID(_:)`` naming the offending value.
    public init(_ rawValue: String) throws {
        guard TaskID.isValid(rawValue) else { throw DomainError.invalidTaskID(rawValue) }
        self.rawValue = rawValue
    }

    /// Whether `value` is an acceptable task id.
    public static func isValid(_ value: String) -> Bool {
        guard let first = value.unicodeScalars.first, value.utf8.count <= maximumLength else { return false }
        guard first != ".", first != "-" else { return false }
        return value.unicodeScalars.allSatisfy { scalar in
            switch scalar {
            case "a"..."z", "A"..."Z", "0"..."9", "_", "-", ".": return true
            default: return false
            }
        }
    }

    /// The short form the Task Node shows (first 12 characters), for display only.
    public var shortForm: String { String(rawValue.prefix(12)) }

    public var description: String { rawValue }

    public static func < (lhs: TaskID, rhs: TaskID) -> Bool { lhs.rawValue < rhs.rawValue }

    public init(from decoder: any Decoder) throws {
        let value = try decoder.singleValueContainer().decode(String.self)
        try self.init(value)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}
