/// The repository's build toolchain, detected from the files at its root, and where it keeps sources and tests.
/// The code pack scaffolds a source file and a failing-until-done test in this layout.
public struct Toolchain: Sendable, Equatable {
    /// The toolchain's name: `swift`, `node`, `python`, `go`, `rust` or `make`.
    public var name: String
    /// The file that identified it (`Package.swift`).
    public var marker: String
    /// The command that runs the repository's tests.
    public var testCommand: String
    /// The scaffolded source file's path.
    public var sourcePath: String
    /// The scaffolded test's path.
    public var testPath: String
    /// The module, package or crate the source belongs to.
    public var moduleName: String
    /// The type or function name derived from the task title (`OnboardingGuide` / `onboarding_guide`).
    public var symbolName: String

    /// Detects the toolchain from the repository's file paths (all of them, so layouts such as `Sources/<Module>/`
    /// are found); `nil` when no known marker file is at the root.
    /// - Parameters:
    ///   - paths: every file path on the default branch.
    ///   - stem: the task's slug without its hash, e.g. `onboarding-guide`.
    public static func detect(paths: [String], stem: String) -> Toolchain? {
        let root = Set(paths.filter { !$0.contains("/") })
        let parts = stem.split(separator: "-").map(String.init).filter { !$0.isEmpty }
        let words = parts.isEmpty ? ["task"] : parts
        let camel = words.map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
        let type = camel.first?.isLetter == true ? camel : "Task" + camel
        let snake = (words.first?.first?.isLetter == true ? "" : "task_") + words.joined(separator: "_")
        if root.contains("Package.swift") {
            let module = firstFolder(under: "Sources/", in: paths) ?? type
            return Toolchain(name: "swift", marker: "Package.swift", testCommand: "swift test", sourcePath: "Sources/\(module)/\(type).swift",
                             testPath: "Tests/\(module)Tests/\(type)Tests.swift", moduleName: module, symbolName: type)
        }
        if root.contains("package.json") {
            let kebab = words.joined(separator: "-")
            return Toolchain(name: "node", marker: "package.json", testCommand: "npm test", sourcePath: "src/\(kebab).js",
                             testPath: "test/\(kebab).test.js", moduleName: kebab, symbolName: type.prefix(1).lowercased() + type.dropFirst())
        }
        if let marker = ["pyproject.toml", "setup.cfg", "setup.py"].first(where: root.contains) {
            let package = firstFolder(under: "src/", in: paths.filter { $0.hasSuffix("/__init__.py") })
            let source = package.map { "src/\($0)/\(snake).py" } ?? "\(snake).py"
            return Toolchain(name: "python", marker: marker, testCommand: "python -m pytest", sourcePath: source,
                             testPath: "tests/test_\(snake).py", moduleName: package.map { "\($0).\(snake)" } ?? snake, symbolName: snake)
        }
        if root.contains("go.mod") {
            let package = snake.replacingOccurrences(of: "_", with: "")
            return Toolchain(name: "go", marker: "go.mod", testCommand: "go test ./...", sourcePath: "internal/\(package)/\(package).go",
                             testPath: "internal/\(package)/\(package)_test.go", moduleName: package, symbolName: type)
        }
        if root.contains("Cargo.toml") {
            return Toolchain(name: "rust", marker: "Cargo.toml", testCommand: "cargo test", sourcePath: "src/\(snake).rs",
                             testPath: "tests/\(snake).rs", moduleName: snake, symbolName: snake)
        }
        if let marker = ["Makefile", "GNUmakefile", "makefile"].first(where: root.contains) {
            return Toolchain(name: "make", marker: marker, testCommand: "make test", sourcePath: "src/\(snake).sh",
                             testPath: "tests/test_\(snake).sh", moduleName: snake, symbolName: snake)
        }
        return nil
    }

    /// The first folder name directly below `prefix` (sorted), e.g. the first target under `Sources/`.
    private static func firstFolder(under prefix: String, in paths: [String]) -> String? {
        paths.filter { $0.hasPrefix(prefix) }.compactMap { path -> String? in
            let rest = path.dropFirst(prefix.count).split(separator: "/")
            return rest.count >= 2 ? String(rest[0]) : nil
        }.filter { PackPaths.isSafeRelativePath($0) && $0.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" } }.sorted().first
    }
}
