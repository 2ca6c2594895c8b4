import EDXInterop
import EDXReport
import EDXTestSupport
import Foundation
import Testing

@Suite("HL7 v2.5.1 ORU^R01")
struct HL7ExportTests {
    static let example = "examples/peroneal-fibular-head-left.xml"

    @Test("MSH, PID, OBR: the header, the patient, the study with its status")
    func segments() throws {
        let report = try InteropFixtures.report(Self.example)
        let text = try HL7Export.oru(report, messageTime: "2025-12-01T09:30:00Z")
        #expect(text.hasPrefix("MSH|^~\\&|EDX|"))
        #expect(text.hasSuffix("\r"))
        #expect(!text.contains("\n"))
        let message = ParsedMessage(text)
        #expect(message.segments.map { $0[0] }.prefix(3) == ["MSH", "PID", "OBR"])
        #expect(message.field("MSH", 7) == "20251201093000+0000")
        #expect(message.field("MSH", 9) == "ORU^R01^ORU_R01")
        #expect(message.field("MSH", 11) == "P")
        #expect(message.field("MSH", 12) == "2.5.1")
        #expect(message.field("MSH", 18) == "UNICODE UTF-8")
        let control = try #require(message.field("MSH", 10))
        #expect(control.count <= 20 && control.hasPrefix("EDX"))
        #expect(message.field("PID", 3) == report.patient.id)
        #expect(message.field("PID", 8) == "F")
        #expect(message.field("OBR", 3) == report.study.id + "^EDX")
        #expect(message.field("OBR", 4) == "18749-2^Electromyogram study^LN")
        #expect(message.field("OBR", 7) == "20250918")
        #expect(message.field("OBR", 24) == "EN")
        #expect(message.field("OBR", 25) == "P")
        #expect(message.field("OBR", 32) == nil)
        let obx = message.all("OBX")
        #expect(obx.map { $0[1] } == (1...obx.count).map(String.init))
        #expect(obx.allSatisfy { $0[11] == "P" })
        // The impression first, as formatted text, with paragraph breaks as \.br\.
        #expect(obx.first?[2] == "FT")
        #expect(obx.first?[3] == "impression^Impression^L")
        #expect(
            obx.first?[5].contains("\\.br\\\\.br\\")
                == (report.impression.paragraphs.count > 1 || report.impression.correlation != nil))
        // Each suggested ICD-10-CM code as a coded entry.
        let codes = obx.filter { $0[2] == "CE" }.map { $0[5].split(separator: "^").first.map(String.init) }
        #expect(codes == report.impression.codes.map(\.code))
    }

    @Test("Final: OBR-25 and every OBX-11 F, the signer in OBR-32; the PDF round-trips through the ED segment")
    func finalWithPDF() throws {
        let report = try InteropFixtures.report(Self.example)
        let text = try HL7Export.oru(
            report, pdf: InteropFixtures.pdf, status: .final(signedBy: "Dr Ana Signer"),
            messageTime: "2025-12-01T09:30:00Z")
        let message = ParsedMessage(text)
        #expect(message.field("OBR", 25) == "F")
        #expect(message.field("OBR", 32) == "&Dr Ana Signer")
        #expect(message.all("OBX").allSatisfy { $0[11] == "F" })
        let ed = try #require(message.all("OBX").first { $0[2] == "ED" })
        #expect(ed[3] == "report-pdf^The report as signed (PDF)^L")
        let parts = ed[5].split(separator: "^", omittingEmptySubsequences: false).map(String.init)
        #expect(parts.count == 5)
        #expect(Array(parts.prefix(4)) == ["", "AP", "PDF", "Base64"])
        let data = try #require(Data(base64Encoded: parts[4]))
        #expect(Array(data) == InteropFixtures.pdf)
        // A preliminary message of the same report has another control id.
        let draft = ParsedMessage(try HL7Export.oru(report, messageTime: "2025-12-01T09:30:00Z"))
        #expect(draft.field("MSH", 10) != message.field("MSH", 10))
    }

    @Test("Values: NM with UCUM units, the limit as the range, L/H/A/N flags, the row's context once")
    func values() throws {
        let report = try InteropFixtures.report(Self.example)
        let message = ParsedMessage(try HL7Export.oru(report, messageTime: "2025-12-01T09:30:00Z"))
        let obx = message.all("OBX")
        let amplitude = try #require(obx.first { $0[3].hasPrefix("98713-1^") })
        #expect(amplitude[2] == "NM")
        #expect(
            amplitude[3]
                == "98713-1^Compound muscle action potential amplitude Muscle^LN^cmap-amplitude^CMAP amplitude^L")
        #expect(amplitude[6] == "mV^mV^UCUM")
        #expect(amplitude[7] == ">1.1")
        #expect(amplitude[8] == "N")
        // The row's context once under the row's sub-ID, the value under the row's sub-ID and its place.
        let row = String(amplitude[4].split(separator: ".").first ?? "")
        #expect(amplitude[4].hasPrefix(row + "."))
        let context = obx.filter { $0[4] == row }.map { $0[3].split(separator: "^").first.map(String.init) ?? "" }
        #expect(context.starts(with: ["nerve", "side", "stimulation-site", "recording-site"]))
        #expect(context.filter { $0 == "nerve" }.count == 1)
        let snap = try #require(obx.first { $0[3].hasPrefix("snap-amplitude^") })
        #expect(snap[6] == "uV^µV^UCUM")
        let flags = Set(obx.map { $0.count > 8 ? $0[8] : "" }.filter { !$0.isEmpty })
        #expect(flags.isSubset(of: ["L", "H", "A", "N"]))
        #expect(flags.contains("A"))
        #expect(obx.filter { $0[3].hasPrefix("needle-examination^") }.count == report.needle.count)
    }

    @Test(
        "Delimiters and line breaks in text are escaped",
        arguments: [
            ("a|b", "a\\F\\b"), ("a^b", "a\\S\\b"), ("a&b", "a\\T\\b"), ("a~b", "a\\R\\b"), ("a\\b", "a\\E\\b"),
            ("a\nb", "a\\.br\\b"), ("a\r\nb", "a\\.br\\b"), ("a\rb", "a\\.br\\b"), ("\\F\\", "\\E\\F\\E\\"),
        ])
    func escaping(_ input: String, _ escaped: String) throws {
        var report = try InteropFixtures.report(Self.example)
        report.impression.paragraphs = ["Before " + input + " after"]
        report.impression.correlation = nil
        report.patient.name = "Name " + input
        let message = ParsedMessage(try HL7Export.oru(report, messageTime: "2025-12-01T09:30:00Z"))
        let impression = try #require(message.all("OBX").first { $0[3].hasPrefix("impression^") })
        #expect(impression[5] == "Before " + escaped + " after")
        // A name is not formatted text: a line break in it becomes a space.
        let name = escaped.replacingOccurrences(of: "\\.br\\", with: " ")
        #expect(message.field("PID", 5) == "Name " + name)
        // Escaping never breaks the structure: MSH, PID, OBR and the OBX segments keep their fields.
        #expect(message.segments.allSatisfy { ["MSH", "PID", "OBR", "OBX"].contains($0[0]) })
    }

    @Test("Name and birth date when present; none, and the code as a pseudonym, when de-identified")
    func patientIdentity() throws {
        var report = try InteropFixtures.report(Self.example)
        report.patient.name = "Jane Q. Doe"
        report.patient.birthDate = "1931-05-17"
        let message = ParsedMessage(try HL7Export.oru(report, messageTime: "2025-12-01T09:30:00Z"))
        #expect(message.field("PID", 5) == "Jane Q. Doe")
        #expect(message.field("PID", 7) == "19310517")
        report.patient.deidentified = true
        report.patient.id = "anon-7Q2K"
        let anonymous = ParsedMessage(try HL7Export.oru(report, messageTime: "2025-12-01T09:30:00Z"))
        #expect(anonymous.field("PID", 3) == "anon-7Q2K")
        #expect(anonymous.field("PID", 5) == "anon-7Q2K^^^^^^S")
        #expect(anonymous.field("PID", 7)?.isEmpty ?? true)
        report.patient.deidentified = false
        report.patient.name = nil
        #expect(ParsedMessage(try HL7Export.oru(report, messageTime: "2025-12-01T09:30:00Z")).field("PID", 5) == "\"\"")
    }

    @Test("MSH-7: the time given, else the generation time, else the study date; refused with none")
    func messageTime() throws {
        var report = try InteropFixtures.report(Self.example)
        #expect(ParsedMessage(try HL7Export.oru(report)).field("MSH", 7) == "20250918")
        report.generatedAt = "2025-12-02T08:00:00+01:00"
        #expect(ParsedMessage(try HL7Export.oru(report)).field("MSH", 7) == "20251202080000+0100")
        report.generatedAt = nil
        report.study.date = "2025"
        let yearOnly = ParsedMessage(try HL7Export.oru(report))
        #expect(yearOnly.field("MSH", 7) == "2025")
        #expect(yearOnly.field("OBR", 7) == "2025")
        report.study.date = nil
        #expect(throws: InteropError.noMessageTime) { try HL7Export.oru(report) }
        #expect(throws: InteropError.invalidTime("yesterday")) { try HL7Export.oru(report, messageTime: "yesterday") }
        #expect(throws: InteropError.emptySigner) { try HL7Export.oru(report, status: .final(signedBy: "")) }
    }

    @Test("The same report gives the same bytes")
    func deterministic() throws {
        let report = try InteropFixtures.report(Self.example)
        let first = try HL7Export.oru(report, pdf: InteropFixtures.pdf, status: .final(signedBy: "Dr A"))
        #expect(try HL7Export.oru(report, pdf: InteropFixtures.pdf, status: .final(signedBy: "Dr A")) == first)
    }
}
