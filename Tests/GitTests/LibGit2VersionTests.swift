import Foundation
import Git
import Testing

@Suite struct LibGit2VersionTests {
    /// `pkg-config --modversion libgit2`: the libgit2 the `CLibGit2` module was built against.
    private func installedVersion() throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["pkg-config", "--modversion", "libgit2"]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        try #require(process.terminationStatus == 0, "pkg-config does not know libgit2; install libgit2-dev")
        return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    @Test func current_reportsTheInstalledLibraryAsMajorMinorRevision() throws {
        let version = try LibGit2Version.current()
        #expect(version.description == "\(version.major).\(version.minor).\(version.revision)")
        #expect(version.description == (try installedVersion()))
        #expect(version.major >= 1)
    }

    @Test func current_listsHTTPSAmongTheFeatures() throws {
        // pfbot pushes to GitHub over HTTPS, and Debian's libgit2 is built with it (what `pfbot doctor` checks).
        let features = try LibGit2Version.current().features
        #expect(features.contains(.https))
        #expect(features.contains(.threads))
        #expect(!LibGit2Version.Features([.https]).contains(.ssh))
    }
}
