// swift-tools-version: 6.1
import PackageDescription

// libFuzzer targets for the three readers, each driving the whole pipeline (import, interpretation,
// localization, the text report) with whatever bytes the fuzzer makes. Built only by
// scripts/fuzz.sh, with -sanitize=fuzzer,address; not part of the main build.
let package = Package(
    name: "edx-fuzz",
    platforms: [.macOS(.v15)],
    dependencies: [.package(name: "edx", path: "..")],
    targets: [
        .target(name: "FuzzSupport", dependencies: [.product(name: "EDX", package: "edx")]),
        .executableTarget(
            name: "fuzz-xml", dependencies: ["FuzzSupport"], path: "Sources/FuzzXML",
            swiftSettings: [.unsafeFlags(["-parse-as-library"])]),
        .executableTarget(
            name: "fuzz-measurements-csv", dependencies: ["FuzzSupport"], path: "Sources/FuzzMeasurementsCSV",
            swiftSettings: [.unsafeFlags(["-parse-as-library"])]),
        .executableTarget(
            name: "fuzz-summary-csv", dependencies: ["FuzzSupport"], path: "Sources/FuzzSummaryCSV",
            swiftSettings: [.unsafeFlags(["-parse-as-library"])]),
    ],
    swiftLanguageModes: [.v6]
)
