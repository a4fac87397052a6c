import Foundation
import PFBotTestSupport
import Testing
@testable import pfbot

/// Output follows the terminal: colour only on a terminal without `NO_COLOR`, ASCII stand-ins for ✓ ✗ ▶ outside a
/// UTF-8 locale.
@Suite struct TerminalOutputTests {
    @Test func style_followsTheTerminalNoColorAndTheLocale() {
        let utf8 = ["LANG": "en_US.UTF-8"]
        #expect(TerminalStyle(environment: utf8, isTerminal: true) == TerminalStyle(colour: true, unicode: true))
        #expect(TerminalStyle(environment: utf8, isTerminal: false) == TerminalStyle(colour: false, unicode: true))
        #expect(TerminalStyle(environment: utf8.merging(["NO_COLOR": "1"]) { $1 }, isTerminal: true).colour == false)
        #expect(TerminalStyle(environment: utf8.merging(["NO_COLOR": ""]) { $1 }, isTerminal: true).colour == true)
        #expect(TerminalStyle(environment: utf8.merging(["TERM": "dumb"]) { $1 }, isTerminal: true).colour == false)
        #expect(TerminalStyle(environment: [:], isTerminal: false).unicode == false)
        #expect(TerminalStyle(environment: ["LANG": "C"], isTerminal: false).unicode == false)
        #expect(TerminalStyle(environment: ["LANG": "C.utf8"], isTerminal: false).unicode == true)
        #expect(TerminalStyle(environment: ["LANG": "en_US.UTF-8", "LC_ALL": "C"], isTerminal: false).unicode == false)
        #expect(TerminalStyle(environment: ["LANG": "C", "LC_CTYPE": "de_DE.UTF-8"], isTerminal: false).unicode == true)
    }

    @Test func render_drawsTheSymbols() {
        let text = "✓ ok ✗ failed ▶ next — café"
        #expect(TerminalStyle(colour: false, unicode: true).render(text) == text)
        #expect(TerminalStyle(colour: false, unicode: false).render(text) == "[ok] ok [x] failed > next - café")
        #expect(TerminalStyle(colour: true, unicode: true).render("✓ a ✗ b") == "\u{1B}[32m✓\u{1B}[0m a \u{1B}[31m✗\u{1B}[0m b")
        #expect(TerminalStyle(colour: true, unicode: false).render("✗ b") == "\u{1B}[31m[x]\u{1B}[0m b")
    }

    @Test func cLocale_printsASCIIStandIns() throws {
        let directory = try TemporaryDirectory(prefix: "pfbot-tty")
        defer { directory.remove() }
        let runner = try CommandRunner()
        let ascii = try runner.run(["config", "validate"], in: directory.path, environment: ["LANG": "C", "PFBOT_DATA_DIR": directory.file("data")])
        #expect(ascii.status == 0, "\(ascii.standardError)")
        #expect(ascii.standardOutput.contains("[ok] configuration: no file; using embedded defaults"))
        #expect(ascii.standardOutput.unicodeScalars.allSatisfy { $0.isASCII }, "\(ascii.standardOutput)")
        let failing = try runner.run(["config", "validate", "--config", "missing.yml"], in: directory.path, environment: ["LC_ALL": "POSIX"])
        #expect(failing.status == 1)
        #expect(failing.standardError.hasPrefix("[x] "), "\(failing.standardError)")
        let unicode = try runner.run(["config", "validate"], in: directory.path, environment: ["LANG": "C.UTF-8", "PFBOT_DATA_DIR": directory.file("data")])
        #expect(unicode.standardOutput.contains("✓ configuration"))
        #expect(!unicode.standardOutput.contains("\u{1B}["), "colour written to a pipe")
    }

    @Test func terminal_isColouredUnlessNoColor() throws {
        let directory = try TemporaryDirectory(prefix: "pfbot-tty")
        defer { directory.remove() }
        let environment = ["LANG": "C.UTF-8", "PFBOT_DATA_DIR": directory.file("data")]
        let coloured = try PseudoTerminal.run(["config", "validate"], in: directory.path, environment: environment)
        #expect(coloured.contains("\u{1B}[32m✓\u{1B}[0m configuration"), "\(coloured)")
        let plain = try PseudoTerminal.run(["config", "validate"], in: directory.path, environment: environment.merging(["NO_COLOR": "1"]) { $1 })
        #expect(plain.contains("✓ configuration"), "\(plain)")
        #expect(!plain.contains("\u{1B}["), "\(plain)")
    }
}

/// Runs `pfbot` with its standard output on a pseudo-terminal, as in an interactive shell.
enum PseudoTerminal {
    static func run(_ arguments: [String], in directory: String, environment: [String: String]) throws -> String {
        // posix_openpt and friends are not in Swift's Glibc module; they are found in the C library at run time.
        typealias OpenPT = @convention(c) (Int32) -> Int32
        typealias OnPT = @convention(c) (Int32) -> Int32
        typealias NamePT = @convention(c) (Int32) -> UnsafeMutablePointer<CChar>?
        guard let library = dlopen(nil, RTLD_NOW), let open = dlsym(library, "posix_openpt"), let grant = dlsym(library, "grantpt"),
              let unlock = dlsym(library, "unlockpt"), let namer = dlsym(library, "ptsname")
        else { throw FixtureError.missing("the C library has no posix_openpt") }
        let master = unsafeBitCast(open, to: OpenPT.self)(O_RDWR | O_NOCTTY)
        guard master >= 0, unsafeBitCast(grant, to: OnPT.self)(master) == 0, unsafeBitCast(unlock, to: OnPT.self)(master) == 0,
              let name = unsafeBitCast(namer, to: NamePT.self)(master)
        else { throw FixtureError.missing("cannot open a pseudo-terminal (errno \(errno))") }
        defer { close(master) }
        let terminal = try FileHandle(forUpdating: URL(fileURLWithPath: String(cString: name)))
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try CommandRunner().executable)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        process.environment = CommandRunner.processEnvironment(environment)
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = terminal
        process.standardError = FileHandle.nullDevice
        try process.run()
        try terminal.close()
        var output = Data()
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = read(master, &buffer, buffer.count)
            guard count > 0 else { break }
            output.append(contentsOf: buffer[0..<count])
        }
        process.waitUntilExit()
        return String(decoding: output, as: UTF8.self)
    }
}
