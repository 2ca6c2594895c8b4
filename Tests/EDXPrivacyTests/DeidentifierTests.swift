import EDXImport
import EDXModel
import EDXTestSupport
import Foundation
import Testing

@testable import EDXPrivacy

/// The invented study with every identifier filled in.
func identifiedStudy() throws -> Study {
    let file = Fixtures.path("privacy/Doe-Jane-1931-05-17.xml")
    return try #require(StudyImporter.importAll(at: file).studies.first?.study)
}

@Suite("De-identification to HIPAA Safe Harbor")
struct DeidentifierTests {
    @Test("Names, birth date, examiner, referrer and free text go; ids become random codes; the year stays")
    func removesIdentifiers() throws {
        let study = try identifiedStudy()
        let clean = try Deidentifier().deidentify(study)
        #expect(clean.patient.name == nil && clean.patient.birthDate == nil)
        #expect(clean.examiner == nil && clean.referrer == nil)
        #expect(clean.indication == nil && clean.impression == nil)
        #expect(clean.needle.allSatisfy { $0.comment == nil })
        #expect(clean.date == "2025")
        #expect(clean.id.hasPrefix("study-") && clean.id.count == "study-".count + 12)
        #expect(try #require(clean.patient.id).hasPrefix("anon-"))
        // The measurements are untouched.
        #expect(
            clean.motor
                == study.motor.map {
                    var m = $0; m.comment = nil; return m
                })
    }

    @Test("An age over 89 becomes 90, marked as the category 90 or older")
    func topCodesAge() throws {
        let clean = try Deidentifier().deidentify(try identifiedStudy())
        #expect(clean.patient.ageYears == 90 && clean.patient.ageOver89 == true)
        var young = try identifiedStudy()
        young.patient.ageYears = 89
        #expect(try Deidentifier().deidentify(young).patient.ageYears == 89)
    }

    @Test("Codes are random, not derived from the identifier: two runs without a link file differ")
    func randomCodes() throws {
        let study = try identifiedStudy()
        let a = try Deidentifier().deidentify(study)
        let b = try Deidentifier().deidentify(study)
        #expect(a.id != b.id && a.patient.id != b.patient.id)
        // Sequential identifiers get unrelated codes.
        let privacy = try Deidentifier()
        let first = privacy.studyID("P-1001")
        let second = privacy.studyID("P-1002")
        let differing = zip(first, second).filter { $0 != $1 }.count
        #expect(differing > 3)
    }

    @Test("A link file keeps the codes and the date shift from run to run; it is private (0600)")
    func linkFile() throws {
        let folder = NSTemporaryDirectory() + "edx-link-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let link = folder + "/link.json"
        let study = try identifiedStudy()
        let policy = DeidentificationPolicy(dates: .shift)
        let first = try Deidentifier(policy: policy, linkFile: link)
        let a = first.deidentify(study)
        let source = first.source("/archive/Doe-Jane.xml")
        try first.save()
        let attributes = try FileManager.default.attributesOfItem(atPath: link)
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
        let second = try Deidentifier(policy: policy, linkFile: link)
        let b = second.deidentify(study)
        #expect(a == b)
        #expect(second.source("/archive/Doe-Jane.xml") == source)
        // The shift moves the date by whole days, never by zero, and keeps a valid date.
        let shifted = try #require(a.date)
        #expect(shifted != "2025-11-03" && CivilDate(shifted) != nil)
        let days = try #require(CivilDate(shifted)).serial - (try #require(CivilDate("2025-11-03"))).serial
        #expect(days != 0 && abs(days) <= 365)
    }

    @Test("A damaged link file is refused with its path, never overwritten")
    func damagedLinkFile() throws {
        let path = NSTemporaryDirectory() + "edx-link-\(UUID().uuidString).json"
        try "not json".write(toFile: path, atomically: false, encoding: .utf8)
        #expect(throws: LinkFileError.self) { try Deidentifier(linkFile: path) }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "not json")
    }

    @Test("Civil dates: day arithmetic across months, leap years and the epoch")
    func civilDates() throws {
        #expect(try #require(CivilDate("2024-02-28")).adding(days: 1).text == "2024-02-29")
        #expect(try #require(CivilDate("2025-02-28")).adding(days: 1).text == "2025-03-01")
        #expect(try #require(CivilDate("1970-01-01")).serial == 0)
        #expect(try #require(CivilDate("2025-01-01")).adding(days: -1).text == "2024-12-31")
    }

    @Test("Free text is kept only on request")
    func keepsFreeTextOnRequest() throws {
        let kept = try Deidentifier(policy: DeidentificationPolicy(keepFreeText: true)).deidentify(
            try identifiedStudy())
        #expect(kept.indication != nil && kept.impression != nil)
    }
}
