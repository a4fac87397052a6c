import Foundation

/// Locates the fixture tree the tests read: `Tests/Fixtures` in this repository (copies of public test data, each
/// source with its LICENSE and SOURCE), or `$PFBOT_FIXTURES`.
public enum Fixtures {
    /// The fixture root: `$PFBOT_FIXTURES` if set, else `Tests/Fixtures` of the package this file belongs to.
    public static func root(file: StaticString = #filePath) throws -> URL {
        if let override = ProcessInfo.processInfo.environment["PFBOT_FIXTURES"], !override.isEmpty {
            return URL(fileURLWithPath: override, isDirectory: true)
        }
        let candidate = try packageRoot(file: file).appendingPathComponent("Tests/Fixtures", isDirectory: true)
        guard FileManager.default.fileExists(atPath: candidate.path) else {
            throw FixtureError.missing("no Tests/Fixtures folder at \(candidate.path); restore it from git or set PFBOT_FIXTURES to a fixture tree")
        }
        return candidate
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
