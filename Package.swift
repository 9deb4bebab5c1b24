// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "curriculum",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "CurriculumDSL", targets: ["CurriculumDSL"]),
        .library(name: "Eligibility", targets: ["Eligibility"]),
        .library(name: "Application", targets: ["Application"]),
        .library(name: "CurriculumData", targets: ["CurriculumData"]),
        .executable(name: "curriculum-lint", targets: ["curriculum-lint"]),
        .executable(name: "curriculum", targets: ["curriculum"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
        // `swift package generate-documentation` (the DocC catalogs of CurriculumDSL and Eligibility).
        .package(url: "https://github.com/swiftlang/swift-docc-plugin", from: "1.5.0"),
    ],
    targets: [
        // Debian's libyaml (apt: libyaml-dev, Homebrew: libyaml).
        .systemLibrary(
            name: "CLibYAML",
            pkgConfig: "yaml-0.1",
            providers: [.apt(["libyaml-dev"]), .brew(["libyaml"])]
        ),
        // YAML reading, the DSL, diagnostics and the curriculum graph. Knows nothing of transcripts.
        .target(name: "CurriculumDSL", dependencies: ["CLibYAML"]),
        // Graduation audits over the graph.
        .target(name: "Eligibility", dependencies: ["CurriculumDSL"]),
        // The online graduation application: states, events, the registration form (docs/application.md).
        .target(name: "Application", dependencies: ["CurriculumDSL", "Eligibility"]),
        // The bundled curricula (curricula/ at the package root), for programs that embed the libraries.
        .target(name: "CurriculumData", dependencies: ["CurriculumDSL"]),
        .executableTarget(
            name: "curriculum-lint",
            dependencies: ["CurriculumDSL", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        .executableTarget(
            name: "curriculum",
            dependencies: [
                "CurriculumDSL", "Eligibility", "Application", "CurriculumData",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Benchmarks: programs that print figures.
        .executableTarget(
            name: "generate-curriculum",
            dependencies: ["CurriculumDSL"],
            path: "Benchmarks/generate-curriculum"
        ),
        .executableTarget(
            name: "load-benchmark",
            dependencies: ["CurriculumDSL", "CLibYAML"],
            path: "Benchmarks/load-benchmark"
        ),
        .executableTarget(
            name: "findings-benchmark",
            dependencies: ["CurriculumDSL"],
            path: "Benchmarks/findings-benchmark"
        ),
        // A seeded mutation fuzzer for the YAML reader + loader and the transcript readers (docs/fuzzing.md).
        .executableTarget(
            name: "fuzz",
            dependencies: ["CurriculumDSL", "Eligibility"],
            path: "Benchmarks/fuzz"
        ),
        .executableTarget(
            name: "audit-benchmark",
            dependencies: ["Eligibility"],
            path: "Benchmarks/audit-benchmark"
        ),
        .testTarget(
            name: "CurriculumDSLTests",
            dependencies: ["CurriculumDSL"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "CurriculumLintTests",
            dependencies: ["CurriculumDSL"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "CurriculumCLITests",
            dependencies: ["Eligibility"],
            resources: [.copy("Expected")]
        ),
        .testTarget(
            name: "ApplicationTests",
            dependencies: ["Application", "Eligibility", .product(name: "PropertyBased", package: "swift-property-based")]
        ),
        .testTarget(
            name: "EligibilityTests",
            dependencies: ["Eligibility", "CurriculumData", .product(name: "PropertyBased", package: "swift-property-based")],
            resources: [.copy("Golden")]
        ),
    ],
    swiftLanguageModes: [.v6]
)
