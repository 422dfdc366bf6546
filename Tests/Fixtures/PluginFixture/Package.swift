// swift-tools-version: 6.1
// A package that applies GuardlintBuildPlugin, built by scripts/test-plugins: its policies are validated
// on every build. scripts/test-plugins puts this package next to a link named swift-guardrails.
import PackageDescription

let package = Package(
    name: "PluginFixture",
    dependencies: [.package(path: "../swift-guardrails")],
    targets: [
        .executableTarget(
            name: "App",
            plugins: [.plugin(name: "GuardlintBuildPlugin", package: "swift-guardrails")]
        )
    ]
)
