import EDXTestSupport
import Foundation
import Testing

/// The interpreter of the validators' virtual environment (scripts/interop-validators.sh).
let validatorPython = Fixtures.root() + "/.build/interop-venv/bin/python"
let validatorsInstalled = FileManager.default.isExecutableFile(atPath: validatorPython)

/// JSON without the spaces after colons, to look for a key and value.
func squeezedJSON(_ text: String) -> String { text.replacingOccurrences(of: "\": ", with: "\":") }

/// Issue 16's gate: every fixture and every development case gives, through `edx report`, a PDF
/// that qpdf accepts, a FHIR R4 Bundle and an HL7 v2.5.1 message (both carrying that PDF) that the
/// validators accept.
@Suite("Every study in every record format", .serialized)
struct RecordFormatTests {
    /// Writes the three formats of every study file in `folder` and validates them.
    func validate(_ files: [String], signed: Bool) throws {
        let out = try scratchFolder("edx-cli")
        let status = signed ? ["--status", "final", "--signed-by", "Dr Test Examiner"] : []
        for format in ["pdf", "fhir", "hl7"] {
            let outcome = edx(["report", "--format", format, "--out", out + "/\(format)/"] + status + files)
            // Rejected studies of the import fixtures are not in the corpora used here: every file reads.
            #expect(outcome.status == 0, "\(format): \(outcome.error)")
        }
        let pdfs = listing(out + "/pdf")
        #expect(pdfs.count == listing(out + "/fhir").count && pdfs.count == listing(out + "/hl7").count)
        for name in pdfs {
            let check = Shell.run("qpdf --check \(quoted(out + "/pdf/" + name)) 2>&1")
            #expect(check.status == 0, "\(name): \(check.output)")
        }
        let validation = Shell.run(
            "\(quoted(validatorPython)) \(quoted(Fixtures.root() + "/scripts/validate_interop.py")) "
                + "\(quoted(out + "/fhir")) \(quoted(out + "/hl7")) 2>&1")
        #expect(validation.status == 0, "\(validation.output)")
        // The FHIR bundles and HL7 messages carry the PDF.
        for name in listing(out + "/fhir") {
            let text = squeezedJSON(try String(contentsOfFile: out + "/fhir/" + name, encoding: .utf8))
            #expect(text.contains("\"contentType\":\"application/pdf\""), "\(name)")
            #expect(text.contains(signed ? "\"status\":\"final\"" : "\"status\":\"preliminary\""), "\(name)")
        }
        for name in listing(out + "/hl7") {
            let text = try String(contentsOfFile: out + "/hl7/" + name, encoding: .utf8)
            #expect(text.contains("|ED|"))
            // OBR-24 EN, then OBR-25: F when signed, else P (the last field of the segment when unsigned).
            let status = signed ? "|EN|F" : "|EN|P"
            #expect(text.contains(status + "|") || text.contains(status + "\r"), "\(name)")
        }
    }

    static let tools = validatorsInstalled && Shell.run("command -v qpdf >/dev/null").status == 0

    @Test(
        "Fixtures (examples and cases): PDF, FHIR and HL7 accepted by qpdf, fhir.resources and hl7apy",
        .enabled(if: tools, "needs scripts/bootstrap.sh pdf interop"))
    func fixtures() throws {
        let folders = ["examples", "cases"].map(Fixtures.path)
        let files = folders.flatMap { folder in
            listing(folder).filter { $0.hasSuffix(".xml") || ($0.hasSuffix(".csv") && $0 != "expected.csv") }
                .map { folder + "/" + $0 }
        }
        #expect(files.count > 90)
        try validate(files, signed: false)
        try validate(files.prefix(10).map { $0 }, signed: true)
    }

    @Test(
        "The third-party development set: PDF, FHIR and HL7 accepted by the validators",
        .enabled(if: tools, "needs scripts/bootstrap.sh pdf interop"),
        .enabled(if: Corpus.devAvailable, "the development set is not beside this checkout (../shared)"))
    func developmentSet() throws {
        let files = listing(Corpus.devDirectory).filter { $0.hasSuffix(".xml") }.map { Corpus.devDirectory + "/" + $0 }
        #expect(files.count >= 35)
        try validate(files, signed: false)
    }
}
