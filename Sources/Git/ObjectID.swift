import CLibGit2

/// Conversions between `git_oid` and 40-hex SHA strings.
enum ObjectID {
    /// The 40-hex form of an object id.
    static func hex(_ oid: git_oid) -> String {
        var copy = oid
        var buffer = [CChar](repeating: 0, count: 41)
        _ = buffer.withUnsafeMutableBufferPointer { git_oid_tostr($0.baseAddress, 41, &copy) }
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// Parses a 40-hex SHA.
    static func parse(_ hex: String) throws -> git_oid {
        var oid = git_oid()
        try LibGit2Runtime.check(git_oid_fromstr(&oid, hex), "parse object id \(hex)")
        return oid
    }
}
