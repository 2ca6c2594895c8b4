import EDXImport
import EDXModel
import EDXReport
import EDXTestSupport
import Foundation

/// Reports of fixture files for the interoperability tests, and the pieces they share.
enum InteropFixtures {
    /// Every study file of Fixtures/examples and Fixtures/cases, relative to Fixtures/.
    static func studyFiles() throws -> [String] {
        var files: [String] = []
        for folder in ["examples", "cases"] {
            let names = try FileManager.default.contentsOfDirectory(atPath: Fixtures.path(folder))
            files += names.filter { ($0.hasSuffix(".xml") || $0.hasSuffix(".csv")) && $0 != "expected.csv" }
                .map { folder + "/" + $0 }
        }
        return files.sorted()
    }

    /// The reports of a fixture file (rejected studies left out), with the checkout's path removed from
    /// their source so that output does not depend on where the checkout lives.
    static func reports(_ relative: String, deidentified: Bool = false) -> [StudyReport] {
        var studies: [Study] = []
        _ = StudyImporter.importFile(at: Fixtures.path(relative)) { imported in
            if let study = imported.study { studies.append(study) }
        }
        let root = Fixtures.root() + "/"
        return studies.map { study in
            var report = ReportRendering.report(for: study, deidentified: deidentified, generator: "edx test")
            if report.study.source.hasPrefix(root) { report.study.source.removeFirst(root.count) }
            return report
        }
    }

    /// The one report of a single-study fixture.
    static func report(_ relative: String) throws -> StudyReport {
        let reports = reports(relative)
        guard reports.count == 1, let report = reports.first else { throw FixtureError.notOneStudy(relative) }
        return report
    }

    enum FixtureError: Error { case notOneStudy(String) }

    /// A small, well-formed PDF (one empty page), standing in for the report's PDF: the writers only
    /// carry the bytes.
    static let pdf: [UInt8] = {
        var body = "%PDF-1.4\n"
        var offsets: [Int] = []
        let objects = [
            "<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>",
        ]
        for (index, object) in objects.enumerated() {
            offsets.append(body.utf8.count)
            body += "\(index + 1) 0 obj\n\(object)\nendobj\n"
        }
        let table = body.utf8.count
        body += "xref\n0 \(objects.count + 1)\n0000000000 65535 f \n"
        for offset in offsets {
            let digits = String(offset)
            body += String(repeating: "0", count: 10 - digits.count) + digits + " 00000 n \n"
        }
        body += "trailer\n<< /Size \(objects.count + 1) /Root 1 0 R >>\nstartxref\n\(table)\n%%EOF\n"
        return Array(body.utf8)
    }()

    /// The Python of the validators' virtual environment (scripts/interop-validators.sh).
    static var validatorPython: String { Fixtures.root() + "/.build/interop-venv/bin/python" }

    static var validatorsInstalled: Bool { FileManager.default.isExecutableFile(atPath: validatorPython) }

    /// A JSON document as nested dictionaries and arrays.
    static func json(_ text: String) throws -> [String: Any] {
        guard let object = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any] else {
            throw FixtureError.notOneStudy("not a JSON object")
        }
        return object
    }
}

/// A parsed FHIR bundle: its resources by type, in entry order.
struct ParsedBundle {
    let bundle: [String: Any]
    let entries: [[String: Any]]

    init(_ text: String) throws {
        bundle = try InteropFixtures.json(text)
        entries = (bundle["entry"] as? [[String: Any]]) ?? []
    }

    func resources(_ type: String) -> [[String: Any]] {
        entries.compactMap { $0["resource"] as? [String: Any] }.filter { $0["resourceType"] as? String == type }
    }

    var report: [String: Any] { resources("DiagnosticReport").first ?? [:] }
    var patient: [String: Any] { resources("Patient").first ?? [:] }
}

/// A parsed HL7 v2 message: segments split at carriage returns, fields at `|`.
struct ParsedMessage {
    let segments: [[String]]

    init(_ text: String) {
        segments = text.split(separator: "\r").map { segment in
            segment.split(separator: "|", omittingEmptySubsequences: false).map(String.init)
        }
    }

    /// Field `number` of the first segment named `name` (MSH counts its field separator as field 1).
    func field(_ name: String, _ number: Int) -> String? {
        guard let segment = segments.first(where: { $0.first == name }) else { return nil }
        let index = name == "MSH" ? number - 1 : number
        return index < segment.count ? segment[index] : nil
    }

    func all(_ name: String) -> [[String]] { segments.filter { $0.first == name } }
}
