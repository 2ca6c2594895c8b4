import EDXInterop
import EDXReport
import EDXTestSupport
import Foundation
import Testing

/// Every study of Fixtures/examples and Fixtures/cases, written as FHIR and HL7 v2 and checked by the
/// independent validators of scripts/validate_interop.py: fhir.resources (R4 models) and hl7apy
/// (v2.5.1, STRICT). Skipped, visibly, where scripts/interop-validators.sh has not installed them.
@Suite(
    "FHIR and HL7 output against real validators",
    .enabled(
        if: InteropFixtures.validatorsInstalled,
        "the validators are not installed: run scripts/interop-validators.sh"))
struct ValidatorTests {
    /// `EDX_INTEROP_OUTPUT=FOLDER` keeps the files written, for reading them or validating them by hand.
    @Test("Every fixture study, preliminary and final, with and without PDF, de-identified too, validates")
    func everyFixtureValidates() throws {
        let kept = ProcessInfo.processInfo.environment["EDX_INTEROP_OUTPUT"].map { URL(fileURLWithPath: $0) }
        let folder =
            kept
            ?? FileManager.default.temporaryDirectory.appendingPathComponent(
                "edx-interop-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { if kept == nil { try? FileManager.default.removeItem(at: folder) } }

        var written = 0
        for (position, file) in try InteropFixtures.studyFiles().enumerated() {
            // Alternate the variants across files, so that every one meets many different reports.
            let signed = position % 2 == 1
            for (index, report) in InteropFixtures.reports(file, deidentified: position % 5 == 0).enumerated() {
                let status: ReportStatus = signed ? .final(signedBy: "Dr Ana Fixture-Signer") : .preliminary
                let pdf = signed ? InteropFixtures.pdf : nil
                let time = position % 3 == 0 ? nil : "2025-12-01T09:30:00Z"
                let name = file.replacingOccurrences(of: "/", with: "_") + ".\(index)"
                let bundle = try FHIRExport.bundle(report, pdf: pdf, status: status, issued: time)
                let message = try HL7Export.oru(
                    report, pdf: pdf, status: status, messageTime: time ?? "2025-12-01T09:30:00Z")
                try Data(bundle.utf8).write(to: folder.appendingPathComponent(name + ".json"))
                try Data(message.utf8).write(to: folder.appendingPathComponent(name + ".hl7"))
                written += 2
            }
        }
        try #require(written >= 2 * Fixtures.caseCount, "fewer reports than the cases of Fixtures/cases")

        let script = Fixtures.root() + "/scripts/validate_interop.py"
        let (status, output) = Shell.run("'\(InteropFixtures.validatorPython)' '\(script)' '\(folder.path)' 2>&1")
        #expect(status == 0, "\(output)")
        // The script counts what it read: every file written was validated.
        #expect(output.contains("\(written) of \(written) files valid"), "\(output)")
    }

    @Test("The validators reject what is wrong: a broken bundle and broken messages fail")
    func validatorsCatchErrors() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "edx-interop-bad-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let report = try InteropFixtures.report("examples/peroneal-fibular-head-left.xml")
        // A gender outside its required binding, an Observation without its required status, and a
        // result that references no entry of the bundle.
        var bundle = try InteropFixtures.json(try FHIRExport.bundle(report))
        var entries = try #require(bundle["entry"] as? [[String: Any]])
        for position in entries.indices {
            guard var resource = entries[position]["resource"] as? [String: Any] else { continue }
            switch resource["resourceType"] as? String {
            case "Patient"?: resource["gender"] = "F"
            case "Observation"?: resource["status"] = nil
            case "DiagnosticReport"?:
                var results = (resource["result"] as? [[String: Any]]) ?? []
                results.append(["reference": "urn:uuid:00000000-0000-8000-8000-000000000000"])
                resource["result"] = results
            default: break
            }
            entries[position]["resource"] = resource
        }
        bundle["entry"] = entries
        try JSONSerialization.data(withJSONObject: bundle).write(to: folder.appendingPathComponent("bad.json"))
        // A PID without the patient name v2.5.1 requires; and a message with line feeds after its segments.
        let message = try HL7Export.oru(report)
        let withoutName = message.split(separator: "\r").map { segment in
            segment.hasPrefix("PID|") ? "PID|1||P-1001" : String(segment)
        }
        try Data(withoutName.joined(separator: "\r").utf8).write(to: folder.appendingPathComponent("bad-pid.hl7"))
        try Data(message.replacingOccurrences(of: "\r", with: "\r\n").utf8).write(
            to: folder.appendingPathComponent("bad-lf.hl7"))

        let script = Fixtures.root() + "/scripts/validate_interop.py"
        let (status, output) = Shell.run("'\(InteropFixtures.validatorPython)' '\(script)' '\(folder.path)' 2>&1")
        #expect(status == 1, "\(output)")
        #expect(output.contains("0 of 3 files valid"), "\(output)")
        #expect(output.contains("(Patient).gender: 'F' is not one of"), "\(output)")
        #expect(output.contains("status\n  field required"), "\(output)")
        #expect(output.contains("resolves to no entry"), "\(output)")
        #expect(output.contains("Missing required child PID.PID_5"), "\(output)")
        #expect(output.contains("line feed"), "\(output)")
    }
}
