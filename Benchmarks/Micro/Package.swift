// swift-tools-version:6.2
import PackageDescription

// Micro-benchmarks of the parser and the screening core, kept out of the main package so
// `swift test` never builds them. Run: swift run -c release --package-path Benchmarks/Micro
let package = Package(
    name: "tenderscreen-micro",
    dependencies: [.package(name: "tenderscreen", path: "../..")],
    targets: [
        .executableTarget(
            name: "tenderscreen-micro",
            dependencies: [
                .product(name: "TenderModel", package: "tenderscreen"),
                .product(name: "TenderXML", package: "tenderscreen"),
                .product(name: "TenderAssembly", package: "tenderscreen"),
                .product(name: "TenderScreening", package: "tenderscreen"),
                .product(name: "TenderReports", package: "tenderscreen"),
            ],
            swiftSettings: [.treatAllWarnings(as: .error)]
        ),
    ],
    swiftLanguageModes: [.v6]
)
