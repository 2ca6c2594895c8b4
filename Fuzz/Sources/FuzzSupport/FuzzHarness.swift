public import EDXImport
import EDXLocalization
import EDXModel
import EDXReport
import Foundation

/// One fuzz input through the pipeline. Any crash, and any broken promise of the importer, is a
/// finding: a rejected study without an error, an imported study with an impossible value, or a
/// report line wider than the page.
public enum FuzzHarness {
    /// Runs libFuzzer's driver on `argc`/`argv` with the callback of a format. SwiftPM links an
    /// executable target's entry point as `<module>_main`, so each target defines that symbol and
    /// hands over to the driver here (libFuzzer's own `main` is then not linked).
    public static func main(
        _ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>,
        _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
    ) -> CInt {
        var count = argc
        var arguments: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = argv
        return runDriver(&count, &arguments, callback)
    }

    public static func run(_ bytes: UnsafePointer<UInt8>, _ count: Int, as format: ExportFormat) {
        let path = NSTemporaryDirectory() + "edx-fuzz-\(getpid())"
        FileManager.default.createFile(atPath: path, contents: Data(bytes: bytes, count: count))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let summary = StudyImporter.importFile(at: path, as: format) { imported in
            check(imported)
        }
        if summary.unreadable && summary.fileDiagnostics.isEmpty {
            fatalError("unreadable file without a diagnostic")
        }
    }

    static func check(_ imported: ImportedStudy) {
        switch imported.status {
        case .rejected:
            guard imported.diagnostics.contains(where: { $0.severity == .error }) else {
                fatalError("a study was rejected without an error diagnostic")
            }
        case .imported:
            guard let study = imported.study else { fatalError("an imported study without its study") }
            for site in study.motor.flatMap(\.sites) {
                if let latency = site.latencyMs, !(latency > 0 && latency <= 200) { fatalError("impossible latency") }
                if let amplitude = site.amplitudeMV, !(amplitude >= 0) { fatalError("negative amplitude") }
            }
            let report = ReportRendering.report(for: study)
            let text = TextReport.render(report, options: TextLayoutOptions(width: 60, pageLength: 20))
            for page in text.split(separator: "\u{0C}") {
                for line in page.split(separator: "\n") where line.count > 60 {
                    fatalError("a report line wider than the page: \(line)")
                }
            }
            _ = ReportRendering.json(report, pretty: false)
        }
    }
}

@_silgen_name("LLVMFuzzerRunDriver")
private func runDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
) -> CInt
