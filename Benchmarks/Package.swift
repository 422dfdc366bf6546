// swift-tools-version: 6.1
// Benchmarks for swift-guardrails, in a package of their own so library users never build them.
// Run them with `Benchmarks/run` from the repository root (see docs/performance.md).
import PackageDescription

let package = Package(
    name: "GuardrailsBenchmarks",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(name: "swift-guardrails", path: ".."),
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
    ],
    targets: [
        // `swift package benchmark`: wall clock, throughput, instructions and mallocs per suite.
        .executableTarget(
            name: "GuardrailsBenchmarks",
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "Guardrails", package: "swift-guardrails"),
                .product(name: "GuardrailsTesting", package: "swift-guardrails"),
            ],
            path: "Benchmarks/GuardrailsBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
        // Writes the stream corpus and the policy's patterns for the Python baseline and the CLI runs.
        .executableTarget(
            name: "benchmark-corpus",
            dependencies: [
                .product(name: "Guardrails", package: "swift-guardrails"),
                .product(name: "GuardrailsTesting", package: "swift-guardrails"),
            ],
            path: "Sources/BenchmarkCorpus"
        ),
        // Engine against the naive pattern-by-pattern scan in one process, as ratios.
        .executableTarget(
            name: "throughput",
            dependencies: [
                .product(name: "Guardrails", package: "swift-guardrails"),
                .product(name: "GuardrailsTesting", package: "swift-guardrails"),
            ],
            path: "Sources/Throughput"
        ),
    ],
    swiftLanguageModes: [.v6]
)
