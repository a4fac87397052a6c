import Foundation

/// Locates the shared fixture tree (`../shared/fixtures` beside the package root) for tests.
public enum Fixtures {
    /// The fixture root: `$PFBOT_FIXTURES` if set, else the first `shared/fixtures` found walking up from this file.
    public static func root(file: StaticString = #filePath) throws -> URL {
        if let override = ProcessInfo.processInfo.environment["PFBOT_FIXTURES"] {
            return URL(fileURLWithPath: override, isDirectory: true)
        }
        var dir = URL(fileURLWithPath: "\(file)").deletingLastPathComponent()
        while dir.path != "/" {
            let candidate = dir.appendingPathComponent("shared/fixtures", isDirectory: true)
            if FileManager.default.fileExists(atPath: candidate.path) { return candidate }
            dir.deleteLastPathComponent()
        }
        throw FixtureError.missing("no shared/fixtures folder beside the package root; set PFBOT_FIXTURES to its path")
    }

    /// The bytes of a fixture file given by its path below the fixture root, e.g. `xrpl/addresses.json`.
    public static func data(_ relativePath: String, file: StaticString = #filePath) throws -> Data {
        let url = try root(file: file).appendingPathComponent(relativePath)
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw FixtureError.missing("fixture \(relativePath) not found at \(url.path)")
        }
        return data
    }
}

/// A fixture that should exist but does not.
public enum FixtureError: Error, CustomStringConvertible {
    case missing(String)
    public var description: String { switch self { case .missing(let why): return "Missing fixture: \(why)" } }
}

extension Fixtures {
    /// The package root: the nearest folder above this file holding `Package.swift`.
    public static func packageRoot(file: StaticString = #filePath) throws -> URL {
        var dir = URL(fileURLWithPath: "\(file)").deletingLastPathComponent()
        while dir.path != "/" {
            if FileManager.default.fileExists(atPath: dir.appendingPathComponent("Package.swift").path) { return dir }
            dir.deleteLastPathComponent()
        }
        throw FixtureError.missing("no Package.swift above \(file)")
    }
}
