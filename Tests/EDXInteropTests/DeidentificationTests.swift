import EDXInterop
import EDXReport
import EDXTestSupport
import Foundation
import Testing

/// A de-identified report keeps no name and no birth date in FHIR or HL7, even when the report value
/// still holds them (a caller that flags a report without clearing it), and uses the patient's code.
@Suite("De-identified output")
struct DeidentificationTests {
    /// The invented patient with every identifier filled in (Fixtures/privacy), flagged de-identified,
    /// with codes for its ids and without free text, as `EDXPrivacy` leaves them, but with its name and
    /// birth date left in.
    static func report() throws -> StudyReport {
        let reports = InteropFixtures.reports("privacy/Doe-Jane-1931-05-17.xml", deidentified: true)
        var report = try #require(reports.first)
        #expect(report.patient.name == "Jane Q. Doe")
        #expect(report.patient.birthDate == "1931-05-17")
        report.patient.id = "anon-K3M9"
        report.study.id = "study-5T7P"
        report.study.date = "2025"
        // EDXPrivacy drops free text, which can name people, unless asked to keep it (`keepFreeText`).
        report.study.indication = nil
        report.study.exportedImpression = nil
        for index in report.motor.indices { report.motor[index].comment = nil }
        for index in report.sensory.indices { report.sensory[index].comment = nil }
        for index in report.lateResponses.indices { report.lateResponses[index].comment = nil }
        for index in report.needle.indices { report.needle[index].comment = nil }
        return report
    }

    static let identifiers = ["Jane", "Doe", "1931", "MRN-0042", "0517", "DOE-20251103"]

    @Test("FHIR: the Patient has the code as identifier and no name or birth date")
    func fhir() throws {
        let report = try Self.report()
        let text = try FHIRExport.bundle(report, status: .final(signedBy: "Dr Ana Signer"))
        for identifier in Self.identifiers {
            #expect(!text.localizedCaseInsensitiveContains(identifier), "\(identifier) in the bundle")
        }
        let patient = try ParsedBundle(text).patient
        #expect((patient["identifier"] as? [[String: Any]])?.first?["value"] as? String == "anon-K3M9")
        #expect(patient["name"] == nil)
        #expect(patient["birthDate"] == nil)
        #expect(patient["gender"] as? String == "female")
        #expect(try ParsedBundle(text).report["effectiveDateTime"] as? String == "2025")
    }

    @Test("HL7: PID carries the code, as id and as pseudonym, and no birth date")
    func hl7() throws {
        let report = try Self.report()
        let text = try HL7Export.oru(report, status: .final(signedBy: "Dr Ana Signer"))
        for identifier in Self.identifiers {
            #expect(!text.localizedCaseInsensitiveContains(identifier), "\(identifier) in the message")
        }
        let message = ParsedMessage(text)
        #expect(message.field("PID", 3) == "anon-K3M9")
        #expect(message.field("PID", 5) == "anon-K3M9^^^^^^S")
        #expect(message.field("PID", 7)?.isEmpty ?? true)
        #expect(message.field("OBR", 3) == "study-5T7P^EDX")
    }

    @Test("The same report, not de-identified, does carry the name and birth date: the check above can fail")
    func identifiedCarriesThem() throws {
        var report = try Self.report()
        report.patient.deidentified = false
        let bundle = try FHIRExport.bundle(report)
        #expect(bundle.contains("Jane Q. Doe") && bundle.contains("1931-05-17"))
        let message = try HL7Export.oru(report)
        #expect(message.contains("Jane Q. Doe") && message.contains("19310517"))
    }
}
