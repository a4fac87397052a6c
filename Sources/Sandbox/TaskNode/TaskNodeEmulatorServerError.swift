import Foundation
import Hummingbird
import NIOCore

/// The emulator server failed to start.
public enum TaskNodeEmulatorServerError: Error, CustomStringConvertible {
    /// No port was reported.
    case didNotStart

    public var description: String { "The Task Node emulator did not start on a loopback port." }
}
