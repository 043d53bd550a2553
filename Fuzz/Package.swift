// swift-tools-version:6.2
import PackageDescription

// A libFuzzer target for the eForms notice reader (TenderXML). A package of its own so the
// fuzzer's instrumentation flags never reach the product build; it uses the root package's
// TenderXML library through a path dependency. Build and run with Fuzz/run.sh
// (see Fuzz/README.md).
let package = Package(
    name: "tenderscreen-fuzz",
    dependencies: [
        .package(name: "tenderscreen", path: ".."),
    ],
    targets: [
        // Declares libFuzzer's LLVMFuzzerRunDriver for Swift.
        .target(name: "CFuzzerDriver"),
        .executableTarget(
            name: "NoticeReaderFuzzer",
            dependencies: [
                "CFuzzerDriver",
                .product(name: "TenderXML", package: "tenderscreen"),
                .product(name: "TenderModel", package: "tenderscreen"),
            ],
            swiftSettings: [.treatAllWarnings(as: .error)]
        ),
    ],
    swiftLanguageModes: [.v6]
)
