// swift-tools-version: 6.1
import PackageDescription

let settings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("InternalImportsByDefault"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

let package = Package(
    name: "swift-guardrails",
    platforms: [.macOS(.v15)],  // Synchronization's Mutex
    products: [
        .library(name: "Guardrails", targets: ["Guardrails"]),
        .library(name: "GuardrailsTesting", targets: ["GuardrailsTesting"]),
        .library(name: "GuardrailsOps", targets: ["GuardrailsOps"]),
        .executable(name: "guardrails", targets: ["GuardrailsCLI"]),
        .executable(name: "guardlint", targets: ["guardlint"]),
        .plugin(name: "GuardlintBuildPlugin", targets: ["GuardlintBuildPlugin"]),
        .plugin(name: "GuardlintCommand", targets: ["GuardlintCommand"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/apple/swift-metrics", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
    ],
    targets: [
        // C
        .systemLibrary(
            name: "CPCRE2",
            pkgConfig: "libpcre2-8",
            providers: [.apt(["libpcre2-dev"]), .brew(["pcre2"])]
        ),

        // Libraries
        .target(
            name: "Guardrails",
            dependencies: [
                "CPCRE2",
                .product(name: "Yams", package: "Yams"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            resources: [.embedInCode("Resources/default.yaml")],
            swiftSettings: settings
        ),
        .target(
            name: "GuardrailsTesting",
            dependencies: ["Guardrails"],
            swiftSettings: settings
        ),
        // The LLMOps adapters: apps that only want the engine never build this. HTTP goes through
        // Foundation's URLSession, so it adds no networking package to the build.
        .target(
            name: "GuardrailsOps",
            dependencies: [
                "Guardrails",
                .product(name: "Yams", package: "Yams"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Metrics", package: "swift-metrics"),
            ],
            resources: [.embedInCode("Resources/prices.yaml")],
            swiftSettings: settings
        ),

        // Executables
        .executableTarget(
            name: "GuardrailsCLI",
            dependencies: [
                "Guardrails",
                "GuardrailsOps",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: settings
        ),

        // The target is named like its product: SwiftPM plugins cannot use an executable target whose
        // product has another name (swiftlang/swift-package-manager#8831).
        .executableTarget(
            name: "guardlint",
            dependencies: [
                "Guardrails",
                "GuardrailsOps",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            path: "Sources/GuardLint",
            swiftSettings: settings
        ),

        // Plugins
        .plugin(name: "GuardlintBuildPlugin", capability: .buildTool(), dependencies: ["guardlint"]),
        .plugin(
            name: "GuardlintCommand",
            capability: .command(
                intent: .custom(verb: "guardlint", description: "Validate the package's guardrail policies")),
            dependencies: ["guardlint"]
        ),

        // Tests
        .testTarget(
            name: "GuardrailsTests",
            dependencies: ["Guardrails", "GuardrailsTesting", .product(name: "Yams", package: "Yams")],
            swiftSettings: settings
        ),
        .testTarget(
            name: "GuardrailsOpsTests",
            dependencies: [
                "GuardrailsOps",
                "GuardrailsTesting",
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
            ],
            swiftSettings: settings
        ),
        .testTarget(
            name: "GuardrailsCLITests",
            dependencies: ["GuardrailsCLI", "guardlint", "Guardrails", "GuardrailsTesting"],
            swiftSettings: settings
        ),
    ],
    swiftLanguageModes: [.v6]
)
