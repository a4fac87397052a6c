import Foundation
import PFBotTestSupport
import XRPL

/// Loads fixture files as `LedgerJSON`.
enum FixtureJSON {
    static func load(_ path: String) throws -> LedgerJSON {
        try LedgerJSON.parse(Array(try Fixtures.data(path)))
    }
}

extension LedgerJSON {
    var stringValue: String? {
        if case .string(let s) = self { return s }
        return nil
    }

    var arrayValue: [LedgerJSON] {
        if case .array(let a) = self { return a }
        return []
    }
}
