import EDXImport
import EDXModel
import Foundation
import Testing

/// Data that used to be lost or misread without a word: empty values, columns without a unit, units
/// in the wrong case, days that do not exist, repeated rows and demographics that disagree. Each is
/// now reported, and what is read is what the file says.
@Suite("Bad data is never accepted silently")
struct BadDataTests {
    static let measurementsHeader =
        "study_id,study_date,patient_id,age_years,sex,height_cm,kind,nerve,side,recording,site,segment_to,"
        + "parameter,value,unit,comment\n"

    /// Imports `text` written to a temporary file named `*.ext`.
    static func importText(_ text: String, ext: String) throws -> (
        studies: [ImportedStudy], summary: FileImportSummary
    ) {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("edx-bad-data-\(UUID()).\(ext)").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return StudyImporter.importAll(at: path)
    }

    /// Each diagnostic as `line severity code field`.
    static func render(_ diagnostics: [Diagnostic]) -> [String] {
        diagnostics.map { "\($0.location.line) \($0.severity.rawValue) \($0.code) \($0.field ?? "-")" }
    }

    static func all(_ result: (studies: [ImportedStudy], summary: FileImportSummary)) -> [Diagnostic] {
        result.studies.flatMap(\.diagnostics) + result.summary.fileDiagnostics
    }

    // MARK: 4. Days that do not exist

    @Test("a day the month does not have is value.bad-date, skipped, and the message never repeats the date")
    func impossibleDates() throws {
        let xml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <EDXArchive xmlns="urn:edx:study:1">
              <EDXStudy>
                <Patient><BirthDate>2023-02-29</BirthDate></Patient>
                <Study><ID>S-DATE-1</ID><Date>2025-02-30</Date></Study>
              </EDXStudy>
              <EDXStudy>
                <Patient><BirthDate>2000-02-29</BirthDate></Patient>
                <Study><ID>S-DATE-2</ID><Date>2024-02-29</Date></Study>
              </EDXStudy>
            </EDXArchive>
            """
        let archive = try Self.importText(xml, ext: "xml")
        #expect(archive.studies.map(\.status) == [.imported, .imported])
        #expect(
            Self.render(Self.all(archive)) == ["4 warning value.bad-date BirthDate", "5 warning value.bad-date Date"])
        #expect(
            Self.all(archive).map(\.message) == [
                "the birth date is not a valid calendar date; skipped",
                "the study date is not a valid calendar date; skipped",
            ])
        #expect(archive.studies[0].study?.date == nil && archive.studies[0].study?.patient.birthDate == nil)
        #expect(archive.studies[1].study?.date == "2024-02-29")
        #expect(archive.studies[1].study?.patient.birthDate == "2000-02-29")

        let measurements =
            Self.measurementsHeader + """
                D-1,2025-04-31,P-1,50,F,170,motor,Peroneal,L,EDB,Ankle,,latency,3.5,ms,
                D-1,2025-04-31,P-1,50,F,170,motor,Peroneal,L,EDB,Ankle,,amplitude,4.0,mV,
                D-2,1900-02-29,P-2,50,F,170,motor,Peroneal,L,EDB,Ankle,,latency,3.5,ms,
                D-3,31/04/2025,P-3,50,F,170,motor,Peroneal,L,EDB,Ankle,,latency,3.5,ms,

                """
        let rows = try Self.importText(measurements, ext: "csv")
        #expect(
            Self.render(Self.all(rows)) == [
                "2 warning value.bad-date study_date", "4 warning value.bad-date study_date",
                "5 warning value.bad-date study_date",
            ])
        #expect(rows.studies.allSatisfy { $0.status == .imported && $0.study?.date == nil })

        let summary = """
            Patient,Test Person,ID,P-5,Test Date,31.04.2025
            DOB,29.02.2023

            """
        let tables = try Self.importText(summary, ext: "csv")
        #expect(
            Self.render(Self.all(tables)) == ["1 warning value.bad-date Test Date", "2 warning value.bad-date DOB"])
        #expect(tables.studies.first?.study?.date == nil && tables.studies.first?.study?.patient.birthDate == nil)

        for diagnostic in Self.all(archive) + Self.all(rows) + Self.all(tables) {
            for text in ["2023", "2025", "1900", "02-29", "02-30", "04-31", "29.02", "31.04", "31/04"] {
                #expect(!diagnostic.message.contains(text), "\(diagnostic.message)")
            }
        }
    }
}
