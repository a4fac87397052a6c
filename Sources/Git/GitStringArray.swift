import CLibGit2
import Foundation

/// A `git_strarray` built from Swift strings, valid only inside ``with(_:_:)``.
enum GitStringArray {
    /// Lends `strings` to `body` as a `git_strarray` and frees the C copies afterwards.
    static func with<Result>(_ strings: [String], _ body: (inout git_strarray) throws -> Result) rethrows -> Result {
        var copies: [UnsafeMutablePointer<CChar>?] = strings.map { strdup($0) }
        defer { copies.forEach { free($0) } }
        return try copies.withUnsafeMutableBufferPointer { buffer in
            var array = git_strarray(strings: buffer.baseAddress, count: buffer.count)
            return try body(&array)
        }
    }
}
