import Foundation
import JSON
import PFBotTestSupport
import XRPL

/// Loads fixture files as `JSONValue`.
enum FixtureJSON {
    static func load(_ path: String) throws -> JSONValue {
        try JSONValue.parse(Array(try Fixtures.data(path)))
    }
}
