// swift-tools-version: 6.1
import PackageDescription

// Layers, each depending only on the ones above it:
//   CLibXML2 (C, system library) -> XMLStreaming (the only Swift code that sees libxml2)
//   StrictCSV (RFC 4180 tokenizer and text decoding, no dependencies)
//   EDXModel (value types of a study, canonical vocabulary, diagnostics)
//   EDXImport (format detection and the three readers)
//   EDXReference (published limits, criteria thresholds, their sources; no dependencies)
//   EDXFindings (interpretation: each value against its limit, pathophysiology, needle acuity)
//   EDXAnatomy (the lower-limb nerve tree, muscles and roots, as sourced data)
//   EDXLabProfile (a lab's own names and limits, read from YAML with Yams)
//   EDXLocalization (hypotheses scored against the findings: ranked differential with evidence)
//   EDXReport (the signed report: text pages, Markdown, JSON with a schema; ICD-10-CM suggestions)
//   EDXOutput (files edx creates and standard output: refused targets, checked writes, folder locks)
//   EDXPrivacy (HIPAA Safe Harbor de-identification: random pseudonyms kept in a private link file)
//   EDXAudit (the append-only audit log, each entry chained to the previous by SHA-256)
//   EDXPDF (a small PDF 1.4 writer: standard fonts, text, vector graphics), EDXDiagram (the lesion
//   diagram drawn from the anatomy), EDXReportPDF (the report as PDF pages), EDXInterop (FHIR R4
//   and HL7 v2.5.1 for the record), EDXDocuments (every output format of a study in one place)
//   EDXViewer (edx serve: the local web viewer, on FlyingFox)
//   EDXBatch (archives on all cores: per-study reports, results.jsonl, summary.csv, index.sqlite)
//   EDXExport (studies written back in the three export formats) and EDXSynth (synthetic studies)
//   EDXCLI (commands) -> edx (entry point)
let package = Package(
    name: "edx",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "edx", targets: ["edx"]),
        .library(
            name: "EDX",
            targets: [
                "EDXModel", "EDXImport", "EDXReference", "EDXFindings", "EDXAnatomy", "EDXLocalization", "EDXReport",
            ]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-crypto", "3.12.3"..<"5.0.0"),
        .package(url: "https://github.com/swhitty/FlyingFox", from: "0.27.1"),
    ],
    targets: [
        // MARK: C interop: the only place libxml2 is declared.
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"]), .yum(["libxml2-devel"]), .brew(["libxml2"])]
        ),
        .target(name: "XMLStreaming", dependencies: ["CLibXML2"]),
        .target(name: "StrictCSV"),

        // MARK: Domain and import.
        .target(name: "EDXModel"),
        .target(name: "EDXImport", dependencies: ["EDXModel", "XMLStreaming", "StrictCSV"]),

        // MARK: Clinical knowledge and interpretation.
        .target(name: "EDXReference"),
        .target(name: "EDXFindings", dependencies: ["EDXModel", "EDXReference"]),
        .target(name: "EDXAnatomy", dependencies: ["EDXModel", "EDXReference"]),
        .target(
            name: "EDXLabProfile",
            dependencies: [
                "EDXModel", "EDXReference", "EDXFindings", "EDXImport", .product(name: "Yams", package: "Yams"),
            ]),
        .target(name: "EDXLocalization", dependencies: ["EDXModel", "EDXReference", "EDXFindings", "EDXAnatomy"]),
        .target(
            name: "EDXReport",
            dependencies: ["EDXModel", "EDXReference", "EDXFindings", "EDXAnatomy", "EDXLocalization"]),
        .target(name: "EDXOutput"),
        .target(name: "EDXPDF"),
        .target(
            name: "EDXDiagram",
            dependencies: ["EDXModel", "EDXReference", "EDXFindings", "EDXAnatomy", "EDXLocalization"]),
        .target(
            name: "EDXInterop",
            dependencies: ["EDXModel", "EDXReference", "EDXFindings", "EDXLocalization", "EDXReport"]),
        .target(
            name: "EDXDocuments",
            dependencies: [
                "EDXModel", "EDXFindings", "EDXLocalization", "EDXReport", "EDXPDF", "EDXDiagram", "EDXReportPDF",
                "EDXInterop",
            ]),
        .target(
            name: "EDXViewer",
            dependencies: [
                "EDXModel", "EDXImport", "EDXReport", "EDXDocuments", "EDXPrivacy", "EDXBatch", "EDXLabProfile",
                "EDXLocalization", "EDXFindings", "EDXOutput", .product(name: "FlyingFox", package: "FlyingFox"),
            ]),
        .target(
            name: "EDXReportPDF",
            dependencies: [
                "EDXModel", "EDXFindings", "EDXLocalization", "EDXReport", "EDXPDF", "EDXDiagram",
            ]),
        .target(name: "EDXPrivacy", dependencies: ["EDXModel", "EDXOutput"]),
        .target(name: "EDXAudit", dependencies: ["EDXOutput", .product(name: "Crypto", package: "swift-crypto")]),
        .target(
            name: "EDXBatch",
            dependencies: [
                "EDXModel", "EDXImport", "EDXReference", "EDXFindings", "EDXLocalization", "EDXReport", "StrictCSV",
                "EDXLabProfile", "EDXOutput", "EDXAudit", "EDXPrivacy", "EDXDocuments",
                .product(name: "GRDB", package: "GRDB.swift"),
            ]),
        .target(name: "EDXExport", dependencies: ["EDXModel", "StrictCSV"]),
        .target(name: "EDXSynth", dependencies: ["EDXModel", "EDXReference", "EDXAnatomy"]),
        .target(
            name: "EDXEvaluation",
            dependencies: ["EDXLocalization", "EDXImport", "EDXModel", "StrictCSV", "EDXLabProfile"]),

        // MARK: Command line.
        .target(
            name: "EDXCLI",
            dependencies: [
                "EDXModel", "EDXImport", "EDXReference", "EDXFindings", "EDXLocalization", "EDXEvaluation", "EDXReport",
                "EDXBatch", "EDXExport", "EDXSynth", "EDXLabProfile", "EDXOutput", "EDXAudit", "EDXPrivacy",
                "EDXDocuments", "EDXInterop", "EDXPDF", "EDXViewer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(name: "edx", dependencies: ["EDXCLI"]),

        // MARK: Tests.
        .target(
            name: "EDXTestSupport", dependencies: ["EDXModel", "EDXImport", "EDXSynth"], path: "Tests/EDXTestSupport"),
        .testTarget(name: "StrictCSVTests", dependencies: ["StrictCSV"]),
        .testTarget(name: "XMLStreamingTests", dependencies: ["XMLStreaming", "EDXTestSupport"]),
        .testTarget(
            name: "EDXImportTests",
            dependencies: ["EDXImport", "EDXModel", "StrictCSV", "EDXExport", "EDXSynth", "EDXTestSupport"]),
        .testTarget(
            name: "EDXFindingsTests",
            dependencies: ["EDXFindings", "EDXReference", "EDXImport", "EDXModel", "EDXTestSupport"]
        ),
        .testTarget(
            name: "EDXLocalizationTests",
            dependencies: [
                "EDXLocalization", "EDXEvaluation", "EDXImport", "EDXModel", "EDXFindings", "EDXReference",
                "EDXAnatomy",
                "EDXReport", "EDXSynth", "EDXPrivacy", "EDXTestSupport",
            ]
        ),
        .testTarget(
            name: "EDXReportTests",
            dependencies: [
                "EDXReport", "EDXLocalization", "EDXImport", "EDXModel", "EDXPrivacy", "EDXTestSupport",
            ]
        ),
        .testTarget(
            name: "EDXBatchTests",
            dependencies: ["EDXBatch", "EDXReport", "EDXOutput", "EDXPrivacy", "EDXDocuments", "EDXTestSupport"]),
        .testTarget(name: "EDXOutputTests", dependencies: ["EDXOutput", "EDXTestSupport"]),
        .testTarget(name: "EDXPDFTests", dependencies: ["EDXPDF", "EDXTestSupport"]),
        .testTarget(
            name: "EDXViewerTests",
            dependencies: [
                "EDXViewer", "EDXDocuments", "EDXReport", "EDXImport", "EDXModel", "EDXBatch", "EDXPrivacy",
                "EDXTestSupport",
            ]),
        .testTarget(
            name: "EDXDiagramTests",
            dependencies: ["EDXDiagram", "EDXImport", "EDXModel", "EDXLocalization", "EDXAnatomy", "EDXTestSupport"]),
        .testTarget(
            name: "EDXInteropTests",
            dependencies: [
                "EDXInterop", "EDXReport", "EDXImport", "EDXModel", "EDXLocalization", "EDXTestSupport",
            ]),
        .testTarget(
            name: "EDXReportPDFTests",
            dependencies: [
                "EDXReportPDF", "EDXDocuments", "EDXReport", "EDXImport", "EDXModel", "EDXPDF", "EDXPrivacy",
                "EDXTestSupport",
            ]),
        .testTarget(
            name: "EDXPrivacyTests", dependencies: ["EDXPrivacy", "EDXModel", "EDXImport", "EDXTestSupport"]),
        .testTarget(name: "EDXAuditTests", dependencies: ["EDXAudit", "EDXTestSupport"]),
        .testTarget(name: "EDXCLITests", dependencies: ["EDXCLI", "EDXOutput", "EDXTestSupport"]),
        .testTarget(
            name: "EDXLabProfileTests",
            dependencies: [
                "EDXLabProfile", "EDXImport", "EDXFindings", "EDXLocalization", "EDXReference", "EDXModel",
                "EDXTestSupport",
            ]),
    ],
    swiftLanguageModes: [.v6]
)

// Applied to every Swift target (pattern: swift-nio's standard cross-repo settings).
for target in package.targets where target.type != .system {
    var settings = target.swiftSettings ?? []
    settings.append(.enableUpcomingFeature("ExistentialAny"))
    settings.append(.enableUpcomingFeature("MemberImportVisibility"))
    settings.append(.enableUpcomingFeature("InternalImportsByDefault"))
    target.swiftSettings = settings
}
