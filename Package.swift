// swift-tools-version: 6.0
import PackageDescription

// Module picture (imports point down only):
//
//   language column                                             API column
//   AstSyntax <- AstRuntime <- AstBuiltins (pure data commands)     AsteroidModels <- AsteroidClient
//                AstRuntime <- AstHost (session, file, terminal)    AsteroidModels <- AsteroidSandbox
//                  AstBuiltins, AstHost <- AstCommands (binds the API into the language)
//                                          |
//                                       AstREPL (line reader seam, history, completion; CLibEdit)
//                                          |
//                                         ast (thin executable)  <- AstConfig (profiles, config.toml; TOMLKit)
//
//   AstTime (RFC 3339 and durations; imports nothing) sits under both columns: AstSyntax, AstRuntime and
//   AsteroidModels import it, and AsteroidModels re-exports it.
//
//   AstEngine (library product: the language hosted by a Swift program) sits beside `ast`, over AstREPL,
//   AstCommands and AsteroidSandbox; a host depends on it with one line and imports it alone.
let package = Package(
    name: "ast",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "ast", targets: ["ast"]),
        .library(name: "AsteroidClient", targets: ["AsteroidClient"]),
        .library(name: "AsteroidModels", targets: ["AsteroidModels"]),
        .library(name: "AsteroidSandbox", targets: ["AsteroidSandbox"]),
        .library(name: "AstEngine", targets: ["AstEngine"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        .package(url: "https://github.com/apple/swift-nio-extras", from: "1.35.2"),
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
    ],
    targets: [
        // MARK: time (leaf: RFC 3339 and durations, shared by both columns)
        .target(name: "AstTime"),

        // MARK: API column
        .target(name: "AsteroidModels", dependencies: ["AstTime"]),
        .target(
            name: "AsteroidClient",
            dependencies: [
                "AsteroidModels",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ]
        ),
        .target(
            name: "AsteroidSandbox",
            dependencies: [
                "AsteroidModels",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                // The JSON body of the 400 for bytes that are not HTTP (ParseErrorBody.swift) sits below the router.
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTPTypes", package: "swift-nio-extras"),
            ]
        ),

        // MARK: language column
        .target(name: "AstSyntax", dependencies: ["AstTime"]),
        .target(name: "AstRuntime", dependencies: ["AstSyntax", "AstTime"]),
        .target(name: "AstBuiltins", dependencies: ["AstSyntax", "AstRuntime"]),
        // Session, file and terminal commands: what reaches past the values in the pipeline.
        .target(name: "AstHost", dependencies: ["AstSyntax", "AstRuntime"]),
        .target(
            name: "AstCommands",
            dependencies: ["AstSyntax", "AstRuntime", "AstBuiltins", "AstHost", "AsteroidModels", "AsteroidClient"]
        ),

        // MARK: interactive prompt
        .systemLibrary(
            name: "CLibEdit",
            pkgConfig: "libedit",
            providers: [.apt(["libedit-dev"]), .brew(["libedit"])]
        ),
        .target(
            name: "AstREPL",
            dependencies: ["CLibEdit", "AstSyntax", "AstRuntime", "AstBuiltins", "AstHost", "AstCommands"]
        ),

        // MARK: user configuration (profiles in config.toml; imports nothing of ours)
        .target(name: "AstConfig", dependencies: [.product(name: "TOMLKit", package: "TOMLKit")]),

        // MARK: executable
        .executableTarget(
            name: "ast",
            dependencies: [
                "AstREPL", "AstCommands", "AstBuiltins", "AstHost", "AstRuntime", "AstSyntax",
                "AsteroidClient", "AsteroidSandbox", "AstConfig",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOCore", package: "swift-nio"),
            ]
        ),

        // MARK: embedding (docs/embedding.md)
        .target(
            name: "AstEngine",
            dependencies: [
                "AstSyntax", "AstRuntime", "AstBuiltins", "AstCommands", "AstREPL", "AsteroidModels",
                "AsteroidClient", "AsteroidSandbox",
            ]
        ),

        // MARK: fuzzer (scripts/fuzz)
        .executableTarget(
            name: "ast-fuzz",
            dependencies: [
                "AstSyntax", "AstRuntime", "AstBuiltins", "AstHost", "AsteroidModels", "AsteroidSandbox",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
            ]
        ),

        // MARK: tests
        .testTarget(name: "AsteroidModelsTests", dependencies: ["AsteroidModels"], resources: [.copy("Fixtures")]),
        .testTarget(
            name: "AsteroidClientTests",
            dependencies: ["AsteroidClient", "AsteroidModels", "AsteroidSandbox"],
        ),
        .testTarget(
            name: "AsteroidSandboxTests",
            dependencies: [
                "AsteroidSandbox", "AsteroidModels",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "GRDB", package: "GRDB.swift"),
            ]
        ),
        // Snapshot files are read from the source tree (#filePath), so they can be re-recorded in place.
        .target(name: "SnapshotSupport", path: "Tests/SnapshotSupport"),
        .testTarget(name: "AstSyntaxTests", dependencies: ["AstSyntax", "SnapshotSupport"], exclude: ["Snapshots"]),
        .testTarget(
            name: "AstRuntimeTests",
            dependencies: ["AstSyntax", "AstRuntime", "AstBuiltins", "AstHost", "SnapshotSupport", "AstTime"],
            exclude: ["Snapshots"]),
        .testTarget(
            name: "AstCommandsTests",
            dependencies: [
                "AstCommands", "AstBuiltins", "AstRuntime", "AstSyntax", "AsteroidSandbox", "AsteroidClient",
                "AsteroidModels", "SnapshotSupport",
            ],
            resources: [.copy("Golden")]
        ),
        .testTarget(name: "AstConfigTests", dependencies: ["AstConfig"]),
        .testTarget(name: "AstTimeTests", dependencies: ["AstTime", "SnapshotSupport"]),
        // Imports only the public product (and Hummingbird, for the example endpoint of docs/embedding.md).
        .testTarget(
            name: "AstEngineTests",
            dependencies: [
                "AstEngine",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
            ]
        ),
        // Compiles only while no public name of the products collides with Foundation, ArgumentParser or Hummingbird.
        .testTarget(
            name: "PublicSurfaceTests",
            dependencies: [
                "AstEngine", "AsteroidSandbox",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "NIOCore", package: "swift-nio"),
            ]
        ),
        .testTarget(
            name: "AstREPLTests",
            dependencies: ["AstREPL", "AstCommands", "AstBuiltins", "AstHost", "AstRuntime", "AstSyntax", "CLibEdit"]),
    ],
    swiftLanguageModes: [.v6]
)
