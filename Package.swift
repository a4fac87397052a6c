// swift-tools-version:6.2
//
// pfbot: a Post Fiat contributor's task stream, mirrored into GitHub.
// Module arrows point inward: pfbot → Pipeline → (PostFiat, GitHub, Git, Storage) → PFBotCore.
// PFBotCore imports nothing of ours; neither does JSON, the JSON value type GitHub, XRPL and the Sandbox share.

import PackageDescription

let package = Package(
    name: "pfbot",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "pfbot", targets: ["pfbot"]),
        .library(name: "PFBotCore", targets: ["PFBotCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/vapor/sql-kit", from: "3.36.0"),
        .package(url: "https://github.com/vapor/sqlite-kit", from: "4.5.2"),
        .package(url: "https://github.com/vapor/postgres-kit", from: "2.17.0"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-nio-extras", from: "1.35.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/apple/swift-metrics", from: "2.13.0"),
        // One trait only: SwiftPM 6.3 reorders several traits' defines and rebuilds Hummingbird (swift-stack notes, B1).
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1", traits: ["FullFoundation"]),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
        .package(url: "https://github.com/apple/swift-crypto", from: "4.5.2"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        .package(url: "https://github.com/vapor/jwt-kit", from: "5.8.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
    ],
    targets: [
        // MARK: - Domain

        .target(name: "PFBotCore"),

        // One JSON value type for GitHub, its emulator and XRPL.
        .target(name: "JSON"),

        // MARK: - Edges

        .target(
            name: "PFBotConfig",
            dependencies: [
                "PFBotCore",
                .product(name: "Yams", package: "Yams"),
            ]
        ),
        .target(
            name: "Storage",
            dependencies: [
                "PFBotCore",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "SQLKit", package: "sql-kit"),
                .product(name: "SQLiteKit", package: "sqlite-kit"),
                .product(name: "PostgresKit", package: "postgres-kit"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ]
        ),
        .systemLibrary(
            name: "CSecp256k1",
            pkgConfig: "libsecp256k1",
            providers: [.apt(["libsecp256k1-dev"])]
        ),
        .target(
            name: "XRPL",
            dependencies: [
                "CSecp256k1", "JSON",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOFoundationCompat", package: "swift-nio"),
            ],
            resources: [.copy("Resources/definitions.json")]
        ),
        .target(
            name: "PostFiat",
            dependencies: [
                "PFBotCore", "XRPL",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ]
        ),
        .target(
            name: "GitHub",
            dependencies: [
                "PFBotCore",
                "JSON",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "JWTKit", package: "jwt-kit"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ]
        ),
        .systemLibrary(
            name: "CLibGit2",
            pkgConfig: "libgit2",
            providers: [.apt(["libgit2-dev"]), .brew(["libgit2"])]
        ),
        .target(name: "Git", dependencies: ["CLibGit2"]),
        .systemLibrary(
            name: "CCmarkGFM",
            pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"]), .brew(["cmark-gfm"])]
        ),
        // GitHub Flavored Markdown read through cmark-gfm; no other module imports `CCmarkGFM`.
        .target(name: "Markdown", dependencies: ["CCmarkGFM"]),

        // MARK: - The pipeline

        // Outbound notifications (HTTP + HMAC), so the pipeline itself imports no HTTP client.
        .target(
            name: "Notifier",
            dependencies: [
                "PFBotCore",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "NIOCore", package: "swift-nio"),
            ]
        ),

        // The report behind the dashboard and `pfbot report`, and its renderers (the server serves it without the pipeline).
        .target(name: "Analytics", dependencies: ["PFBotCore"]),

        // The built-in template packs live at the repository root (`templates/<pack>/pack.yml` + files, `templates/common/`
        // for the files every pack renders), a resource bundle of their own.
        .target(
            name: "TemplateBundle",
            path: "templates",
            sources: ["TemplateBundle.swift"],
            resources: [
                .copy("code"), .copy("common"), .copy("data"), .copy("design"), .copy("docs"), .copy("other"), .copy("outreach"),
                .copy("research"),
            ]
        ),
        .target(
            name: "Pipeline",
            dependencies: [
                "PFBotCore",
                "PFBotConfig",
                "TemplateBundle",
                "Analytics",
                "Notifier",
                "Storage",
                "PostFiat",
                "XRPL",
                "JSON",
                "GitHub",
                "Git",
                "Markdown",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "Yams", package: "Yams"),
                .product(name: "Metrics", package: "swift-metrics"),
            ]
        ),

        // MARK: - Server

        .target(
            name: "Server",
            dependencies: [
                "Analytics",
                "GitHub",
                "Storage",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTPTypes", package: "swift-nio-extras"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),

        // MARK: - Sandbox (loopback emulators for tests and `pfbot demo`)

        .target(
            name: "Sandbox",
            dependencies: [
                "PostFiat", "XRPL", "JSON", "PFBotCore",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "JWTKit", package: "jwt-kit"),
                .product(name: "_CryptoExtras", package: "swift-crypto"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),

        .target(
            name: "SandboxWorld",
            dependencies: [
                "Sandbox", "Pipeline", "Server", "Analytics", "Storage", "Git", "GitHub", "PostFiat", "XRPL", "PFBotConfig", "PFBotCore",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Prometheus", package: "swift-prometheus"),
            ]
        ),

        // MARK: - Command line

        .executableTarget(
            name: "pfbot",
            dependencies: [
                "PFBotCore",
                "PFBotConfig",
                "Storage",
                "PostFiat",
                "XRPL",
                "JSON",
                "GitHub",
                "SandboxWorld",
                "Pipeline",
                "Analytics",
                "Server",
                "Git",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Hummingbird", package: "hummingbird"),
            ]
        ),

        // MARK: - Benchmarks (`scripts/bench NAME` builds this in release mode)

        .executableTarget(
            name: "PFBotBench",
            dependencies: [
                "XRPL", "JSON", "CSecp256k1", "Git", "Server", "Storage", "GitHub", "Sandbox", "SandboxWorld", "PFBotCore", "Pipeline", "Analytics", "PFBotTestSupport",
                .product(name: "SQLiteKit", package: "sqlite-kit"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
            ]
        ),

        // MARK: - Tests

        .target(name: "PFBotTestSupport", path: "Tests/PFBotTestSupport"),
        .testTarget(name: "PFBotCoreTests", dependencies: ["PFBotCore", "PFBotTestSupport"]),
        .testTarget(name: "PFBotConfigTests", dependencies: ["PFBotConfig", "PFBotCore", "PFBotTestSupport"]),
        .testTarget(
            name: "StorageTests",
            dependencies: [
                "Storage", "PFBotCore", "PFBotTestSupport",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "SQLiteKit", package: "sqlite-kit"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ]
        ),
        .testTarget(name: "PFBotCLITests", dependencies: ["PFBotTestSupport", "pfbot", "XRPL", "Storage", "PFBotCore"]),
        .testTarget(name: "XRPLTests", dependencies: ["XRPL", "JSON", "PFBotTestSupport"]),
        .testTarget(name: "GitTests", dependencies: ["Git", "Sandbox", "PFBotTestSupport"]),
        .testTarget(name: "MarkdownTests", dependencies: ["Markdown"]),
        .testTarget(
            name: "SandboxTests",
            dependencies: [
                "Sandbox", "XRPL", "JSON", "PFBotTestSupport",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ]
        ),
        .testTarget(
            name: "ServerTests",
            dependencies: [
                "Server", "Storage", "GitHub", "Analytics", "Pipeline", "PFBotTestSupport",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .testTarget(
            name: "PostFiatTests",
            dependencies: [
                "PostFiat", "Sandbox", "PFBotCore", "PFBotTestSupport", "XRPL", "pfbot",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        .testTarget(
            name: "GitHubTests",
            dependencies: [
                "GitHub", "Sandbox", "PFBotTestSupport",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "_CryptoExtras", package: "swift-crypto"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
            ]
        ),
        .testTarget(name: "PipelineTests", dependencies: ["Pipeline", "Analytics", "PFBotCore", "Storage", "PostFiat", "GitHub", "Sandbox", "XRPL", "PFBotTestSupport"]),
        .testTarget(
            name: "EndToEndTests",
            dependencies: [
                "SandboxWorld", "Sandbox", "Pipeline", "Storage", "Git", "GitHub", "JSON", "PostFiat", "PFBotCore", "PFBotTestSupport",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "_CryptoExtras", package: "swift-crypto"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
    ]
)
