// swift-tools-version:6.2
import PackageDescription

/// Every target: Swift 6 language mode (strict concurrency) and no warnings.
let strict: [SwiftSetting] = [.treatAllWarnings(as: .error)]

let package = Package(
    name: "tenderscreen",
    products: [
        .executable(name: "tenderscreen", targets: ["tenderscreen"]),
        .library(name: "TenderModel", targets: ["TenderModel"]),
        .library(name: "TenderXML", targets: ["TenderXML"]),
        .library(name: "TenderAssembly", targets: ["TenderAssembly"]),
        .library(name: "TenderScreening", targets: ["TenderScreening"]),
        .library(name: "TenderReports", targets: ["TenderReports"]),
        .library(name: "TenderEngine", targets: ["TenderEngine"]),
        .library(name: "TenderGenerator", targets: ["TenderGenerator"]),
        .library(name: "TenderEvaluation", targets: ["TenderEvaluation"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    ],
    targets: [
        // libxml2, seen only by TenderXML.
        .systemLibrary(
            name: "CLibXML2",
            path: "Sources/CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),
        // Plain Sendable value types: notices, procedures, amounts, dates. No I/O.
        .target(name: "TenderModel", swiftSettings: strict),
        // XML notice readers: the only code that touches libxml2.
        .target(name: "TenderXML", dependencies: ["TenderModel", "CLibXML2"], swiftSettings: strict),
        // Joins notices into procedures and keys organisations. No I/O.
        .target(name: "TenderAssembly", dependencies: ["TenderModel"], swiftSettings: strict),
        // Red-flag indicators, scoring and ranking. No I/O: easy to test and to run in parallel.
        .target(name: "TenderScreening", dependencies: ["TenderModel"], swiftSettings: strict),
        // Renders procedures and reports. No file or network access of its own.
        .target(name: "TenderReports", dependencies: ["TenderModel", "TenderScreening"], swiftSettings: strict),
        // Finds input files and runs readers in parallel: the I/O layer the CLI drives.
        .target(
            name: "TenderEngine",
            dependencies: ["TenderModel", "TenderXML", "TenderAssembly", "TenderScreening", "TenderReports"],
            swiftSettings: strict
        ),
        // A synthetic procurement market with planted risk schemes, written as eForms XML.
        .target(name: "TenderGenerator", dependencies: ["TenderModel"], swiftSettings: strict),
        // Measures a screening ranking against a generator's truth: metrics (no I/O) and a
        // streaming reader for reports too large to hold in memory.
        .target(name: "TenderEvaluation", swiftSettings: strict),
        .executableTarget(
            name: "tenderscreen",
            dependencies: [
                "TenderEngine", "TenderXML", "TenderReports", "TenderScreening", "TenderGenerator", "TenderEvaluation",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strict
        ),
        // Leak-checker suppressions for Swift's tagged pointers: every test target is linked into
        // one test runner, so one dependency brings them in.
        .target(name: "LeakCheckSupport", path: "Tests/LeakCheckSupport"),
        .testTarget(name: "TenderModelTests", dependencies: ["TenderModel", "LeakCheckSupport"], swiftSettings: strict),
        .testTarget(
            name: "TenderGeneratorTests",
            dependencies: ["TenderGenerator", "TenderEngine", "TenderXML", "TenderAssembly", "TenderModel"],
            swiftSettings: strict
        ),
        .testTarget(name: "TenderScreeningTests", dependencies: ["TenderScreening", "TenderModel"], swiftSettings: strict),
        .testTarget(name: "TenderAssemblyTests", dependencies: ["TenderAssembly", "TenderModel"], swiftSettings: strict),
        .testTarget(name: "TenderEvaluationTests", dependencies: ["TenderEvaluation"], swiftSettings: strict),
        .testTarget(name: "TenderXMLTests", dependencies: ["TenderXML", "TenderModel"], swiftSettings: strict),
        // Runs the built executable: depends on it so `swift test` builds it first.
        .testTarget(name: "TenderscreenCLITests", dependencies: ["tenderscreen"], swiftSettings: strict),
        .testTarget(
            name: "TenderEngineTests",
            dependencies: ["TenderEngine", "TenderXML", "TenderAssembly", "TenderScreening", "TenderReports", "TenderModel"],
            exclude: ["Resources"],
            swiftSettings: strict
        ),
    ],
    swiftLanguageModes: [.v6]
)
