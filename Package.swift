// swift-tools-version: 6.1
import PackageDescription

let settings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("InternalImportsByDefault"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

let package = Package(
    name: "swift-guardrails",
    products: [
        .library(name: "Guardrails", targets: ["Guardrails"]),
        .library(name: "GuardrailsTesting", targets: ["GuardrailsTesting"]),
        .executable(name: "guardrails", targets: ["GuardrailsCLI"]),
        .executable(name: "guardlint", targets: ["GuardLint"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
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

        // Executables
        .executableTarget(
            name: "GuardrailsCLI",
            dependencies: [
                "Guardrails",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: settings
        ),

        .executableTarget(
            name: "GuardLint",
            dependencies: [
                "Guardrails",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: settings
        ),

        // Tests
        .testTarget(
            name: "GuardrailsTests",
            dependencies: ["Guardrails", "GuardrailsTesting"],
            swiftSettings: settings
        ),
        .testTarget(
            name: "GuardrailsCLITests",
            dependencies: ["GuardrailsCLI", "GuardLint", "Guardrails"],
            swiftSettings: settings
        ),
    ],
    swiftLanguageModes: [.v6]
)
