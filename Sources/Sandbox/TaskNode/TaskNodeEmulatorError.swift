/// Why a test-driven change could not be made.
public enum TaskNodeEmulatorError: Error, Equatable, CustomStringConvertible {
    /// No task with this id.
    case unknownTask(String)
    /// The task is not in a state that allows the change.
    case wrongState(taskID: String, status: String)
    /// A seed document the emulator cannot read.
    case invalidSeed(String)

    public var description: String {
        switch self {
        case .unknownTask(let id): return "The emulator has no task \(id)."
        case .wrongState(let id, let status): return "Task \(id) is \(status); the requested change does not apply."
        case .invalidSeed(let why): return "Cannot seed the emulator: \(why)."
        }
    }
}
