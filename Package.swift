// swift-tools-version:6.1
import PackageDescription

let package = Package(
  name: "lisa",
  platforms: [.macOS(.v14)],
  products: [
    .executable(name: "lisa", targets: ["lisa"])
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
    .package(url: "https://github.com/apple/swift-crypto", from: "4.5.2"),
    .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
    .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
    .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.37.6"),
  ],
  targets: [
    .executableTarget(
      name: "lisa",
      dependencies: [
        "LisaCLI",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ],
      // swiftc exports every symbol of an executable (about 44,000 here), which the runtime's dladdr walks at
      // start-up; nothing loads lisa's symbols dynamically, and crash backtraces read the symbol table instead.
      linkerSettings: [.unsafeFlags(["-Xlinker", "--no-export-dynamic"], .when(platforms: [.linux]))]
    ),
    .target(
      name: "LisaCLI",
      dependencies: [
        "LisaKit",
        "LisaProcess",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
    ),
    .target(
      name: "LisaKit",
      dependencies: [
        "LisaProcess",
        .product(name: "Yams", package: "Yams"),
        .product(name: "GRDB", package: "GRDB.swift"),
        .product(name: "Crypto", package: "swift-crypto"),
        .product(name: "CryptoExtras", package: "swift-crypto"),
        .product(name: "AsyncHTTPClient", package: "async-http-client"),
        .product(name: "NIOCore", package: "swift-nio"),
        .product(name: "NIOHTTP1", package: "swift-nio"),
        .product(name: "NIOPosix", package: "swift-nio"),
        .product(name: "NIOSSL", package: "swift-nio-ssl"),
      ],
      // Compiled in as bytes: no resource bundle, so a static binary carries it.
      resources: [.embedInCode("Migration/UpgradeSteps.yaml")]
    ),
    // C: the commit a release build was made from (a build flag carries it) and whether stdin was open at start.
    .target(name: "LisaProcess"),
    .target(
      name: "LisaTestSupport", dependencies: ["LisaKit"], path: "Tests/Support",
      exclude: [
        "fake_lisa_http.py", "fake_lisa_model_rules.py", "fake_lisa_model_store.py", "fake_lisa_model_update.py",
        "fake_lisa_models.py", "fake_lisa_tokens.py", "fault_proxy.py",
        "token_tables.py", "tls_and_proxy.py", "fake_lisa_rag.py", "fake_lisa_rag_routes.py", "fake_lisa_rag_rules.py",
        "fake_lisa_rag_store.py", "fake_lisa_rag_listing.py", "fake_lisa_deployment.py", "cfn_stacks.py",
      ]),
    .testTarget(name: "LisaKitTests", dependencies: ["LisaKit", "LisaTestSupport"]),
    .testTarget(name: "LisaCLITests", dependencies: ["LisaCLI", "LisaKit", "LisaTestSupport"]),
    .testTarget(name: "EndToEndTests", dependencies: ["LisaKit", "LisaTestSupport"]),
  ]
)
