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

    // MARK: 1. Empty values

    @Test("study-xml: an element without a value is reported, naming it; inside a no-response site it is not")
    func emptyXMLElements() throws {
        let xml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <EDXStudy xmlns="urn:edx:study:1" schemaVersion="1.0">
              <Patient>
                <ID>P-EMPTY</ID>
                <Age unit="years"></Age>
                <Sex/>
                <Height unit="cm"/>
                <Weight unit="kg">  </Weight>
              </Patient>
              <Study>
                <ID>S-EMPTY</ID>
                <Date></Date>
                <Examiner/>
                <Temperature side="L" site="foot" unit="C"/>
              </Study>
              <NerveConduction>
                <Motor nerve="Peroneal" side="L" recording="EDB">
                  <Site name="Ankle">
                    <Latency unit="ms">3.5</Latency>
                    <Amplitude unit="mV"></Amplitude>
                    <Duration unit="ms"/>
                  </Site>
                  <Site name="Below fibular head" noResponse="true">
                    <Amplitude unit="mV"/>
                  </Site>
                </Motor>
                <Sensory nerve="Sural" side="L" recording="Lateral malleolus">
                  <Site name="Calf"><Amplitude unit="uV"/></Site>
                </Sensory>
                <FWave nerve="Tibial" side="L" recording="AH"><MinLatency unit="ms"/></FWave>
                <FWave nerve="Tibial" side="R" recording="AH" noResponse="true"><MinLatency unit="ms"/></FWave>
              </NerveConduction>
              <NeedleEMG>
                <Muscle name="Tibialis anterior" side="L">
                  <Fibrillations></Fibrillations>
                  <Recruitment>Normal</Recruitment>
                  <Comment/>
                </Muscle>
              </NeedleEMG>
            </EDXStudy>
            """
        let result = try Self.importText(xml, ext: "xml")
        #expect(result.studies.map(\.status) == [.imported])
        #expect(
            Self.render(Self.all(result)) == [
                "5 warning value.empty Age", "6 warning value.empty Sex", "7 warning value.empty Height",
                "8 warning value.empty Weight", "12 warning value.empty Date", "14 warning value.empty Temperature",
                "20 warning value.empty Amplitude", "21 warning value.empty Duration",
                "28 warning value.empty Amplitude", "30 warning value.empty MinLatency",
                "35 warning value.empty Fibrillations",
            ])
        #expect(Self.all(result).allSatisfy { $0.message == "the element has no value; skipped" })
        let study = try #require(result.studies.first?.study)
        #expect(study.motor[0].sites[0].latencyMs == 3.5 && study.motor[0].sites[0].amplitudeMV == nil)
        #expect(study.needle[0].recruitment == .normal && study.needle[0].fibrillations == nil)
    }

    @Test("measurements-csv: a row whose value cell is empty is reported, naming its parameter")
    func emptyMeasurementCells() throws {
        let csv =
            Self.measurementsHeader + """
                E-1,2025-01-02,P-1,50,F,170,motor,Peroneal,L,EDB,Ankle,,latency,,ms,
                E-1,2025-01-02,P-1,50,F,170,motor,Peroneal,L,EDB,Ankle,,amplitude,4.0,mV,
                E-1,2025-01-02,P-1,50,F,170,needle,Tibialis anterior,L,,,,fibrillations,,,
                E-1,2025-01-02,P-1,50,F,170,sensory,Sural,L,Lat Mall,Calf,,no_response,,,
                E-1,2025-01-02,P-1,50,F,170,needle,Tibialis anterior,L,,,,comment,,,
                E-1,,,,,,demographic,,,,,,weight,,kg,
                E-1,,,,,,fwave,Tibial,L,AH,,,min_latency,,ms,

                """
        let result = try Self.importText(csv, ext: "csv")
        #expect(result.studies.map(\.status) == [.imported])
        #expect(
            Self.render(Self.all(result)) == [
                "2 warning value.empty latency", "4 warning value.empty fibrillations",
                "5 warning value.empty no_response", "7 warning value.empty weight",
                "8 warning value.empty min_latency",
            ])
        #expect(Self.all(result).allSatisfy { $0.message == "the row has no value; skipped" })
        let study = try #require(result.studies.first?.study)
        #expect(study.motor[0].sites[0].latencyMs == nil && study.motor[0].sites[0].amplitudeMV == 4.0)
        // Empty demographic cells (age, sex, height on rows 7 and 8) are no loss: they repeat the first row's.
        #expect(study.patient.ageYears == 50 && study.patient.sex == .female && study.patient.heightCm == 170)
    }

    @Test("summary-csv: an empty cell means not measured, as the tables print it, and is not reported")
    func emptySummaryCellsAreQuiet() throws {
        let csv = """
            Patient,Test Person,ID,P-2,Test Date,2025-01-02
            Age,50,Sex,Female,Height,

            Motor Summary Table
            Site,NR,Onset (ms),Norm Onset (ms),O-P Amp (mV),Norm O-P Amp,Neg Dur (ms),Site1,Site2,Delta-0 (ms),Dist (cm),Vel (m/s),Norm Vel (m/s)
            Left Peroneal Motor (Ext Dig Brev)
            Ankle,,4.9,,,,,,,,8,,

            """
        let result = try Self.importText(csv, ext: "csv")
        #expect(result.studies.map(\.status) == [.imported])
        #expect(Self.all(result).isEmpty)
        let site = try #require(result.studies.first?.study?.motor.first?.sites.first)
        #expect(site.latencyMs == 4.9 && site.amplitudeMV == nil && site.distanceCm == 8)
    }

    // MARK: 2. summary-csv columns without a unit

    @Test(
        "summary-csv: a value column without a unit is skipped with unit.missing; a Norm column takes its value's unit")
    func unitlessSummaryColumns() throws {
        let csv = """
            Patient,Test Person,ID,P-3,Test Date,2025-01-02

            Motor Summary Table
            Site,NR,Onset,Norm Onset,O-P Amp (mV),Norm O-P Amp,Dist,Vel (m/s),Site1,Site2
            Left Peroneal Motor (Ext Dig Brev)
            Ankle,,4.9,<6.5,4.1,>2.0,8,,,
            B Fib,,12,,3.9,,30,45,B Fib,Ankle

            """
        let result = try Self.importText(csv, ext: "csv")
        #expect(result.studies.map(\.status) == [.imported])
        #expect(
            Self.render(Self.all(result)) == [
                "4 warning unit.missing Onset", "4 warning unit.missing Dist", "4 warning unit.missing Norm Onset",
            ])
        #expect(Self.all(result).first?.message.contains("the column's values are skipped") == true)
        let motor = try #require(result.studies.first?.study?.motor.first)
        #expect(motor.sites.map(\.latencyMs) == [nil, nil])
        #expect(motor.sites.map(\.amplitudeMV) == [4.1, 3.9])
        #expect(motor.sites[0].labLimits["amplitude"]?.lower == 2.0)
        #expect(motor.sites[0].labLimits["latency"] == nil && motor.sites[0].distanceCm == nil)
        #expect(motor.segments.map(\.velocityMS) == [45] && motor.segments.map(\.distanceCm) == [nil])
    }

    // MARK: 3. Units in the wrong case

    @Test("study-xml: MV, MS and Ms are mega, never read as milli; UV and mv are read, with a warning")
    func unitCaseXML() throws {
        let xml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <EDXStudy xmlns="urn:edx:study:1" schemaVersion="1.0">
              <Study><ID>S-CASE</ID></Study>
              <NerveConduction>
                <Motor nerve="Peroneal" side="L" recording="EDB">
                  <Site name="Ankle">
                    <Latency unit="MS">3.5</Latency>
                    <Amplitude unit="MV">4.1</Amplitude>
                    <Duration unit="Ms">6</Duration>
                  </Site>
                </Motor>
                <Sensory nerve="Sural" side="L" recording="Lateral malleolus">
                  <Site name="Calf"><Amplitude unit="UV">12</Amplitude></Site>
                </Sensory>
                <Sensory nerve="Sural" side="R" recording="Lateral malleolus">
                  <Site name="Calf"><Amplitude unit="UV">14</Amplitude></Site>
                </Sensory>
                <Sensory nerve="Superficial peroneal" side="L" recording="Dorsum of foot">
                  <Site name="Lateral leg"><Amplitude unit="µV">9</Amplitude></Site>
                </Sensory>
                <Sensory nerve="Superficial peroneal" side="R" recording="Dorsum of foot">
                  <Site name="Lateral leg"><Amplitude unit="μV">10</Amplitude></Site>
                </Sensory>
                <HReflex nerve="Tibial" side="L" recording="Soleus"><Amplitude unit="mv">2</Amplitude></HReflex>
              </NerveConduction>
            </EDXStudy>
            """
        let result = try Self.importText(xml, ext: "xml")
        #expect(result.studies.map(\.status) == [.imported])
        // UV is reported once for the study, though two values are written in it.
        #expect(
            Self.render(Self.all(result)) == [
                "7 warning unit.case Latency", "8 warning unit.case Amplitude", "9 warning unit.case Duration",
                "13 warning unit.case Amplitude", "24 warning unit.case Amplitude",
            ])
        let messages = Self.all(result).map(\.message)
        try #require(messages.count == 5)
        #expect(messages[1] == "unit \"MV\" is not mV: a capital M is mega, not milli; value skipped")
        #expect(messages[3].hasPrefix("unit \"UV\" is written in the wrong case; read as uV"))
        let study = try #require(result.studies.first?.study)
        #expect(study.motor[0].sites[0].latencyMs == nil && study.motor[0].sites[0].amplitudeMV == nil)
        #expect(study.motor[0].sites[0].durationMs == nil)
        #expect(study.sensory.map { $0.sites[0].amplitudeUV } == [12, 14, 9, 10])
        #expect(study.hReflexes[0].amplitudeMV == 2)
    }

    @Test("measurements-csv and summary-csv: MV is skipped, UV read, each with unit.case")
    func unitCaseCSV() throws {
        let measurements =
            Self.measurementsHeader + """
                U-1,2025-01-02,P-1,50,F,170,motor,Peroneal,L,EDB,Ankle,,amplitude,4.1,MV,
                U-1,2025-01-02,P-1,50,F,170,motor,Peroneal,L,EDB,Ankle,,latency,3.5,ms,
                U-1,2025-01-02,P-1,50,F,170,sensory,Sural,L,Lat Mall,Calf,,amplitude,12,UV,

                """
        let rows = try Self.importText(measurements, ext: "csv")
        #expect(Self.render(Self.all(rows)) == ["2 warning unit.case amplitude", "4 warning unit.case amplitude"])
        let study = try #require(rows.studies.first?.study)
        #expect(study.motor[0].sites[0].amplitudeMV == nil && study.motor[0].sites[0].latencyMs == 3.5)
        #expect(study.sensory[0].sites[0].amplitudeUV == 12)

        let summary = """
            Patient,Test Person,ID,P-4,Test Date,2025-01-02

            Motor Summary Table
            Site,NR,Onset (ms),O-P Amp (MV)
            Left Peroneal Motor (Ext Dig Brev)
            Ankle,,4.9,4.1

            Anti Sensory Summary Table
            Site,NR,Peak (ms),P-T Amp (UV)
            Left Sural Anti Sensory (Lat Mall)
            Calf,,3.8,12

            """
        let tables = try Self.importText(summary, ext: "csv")
        #expect(
            Self.render(Self.all(tables)) == ["4 warning unit.case O-P Amp (MV)", "9 warning unit.case P-T Amp (UV)"])
        let tableStudy = try #require(tables.studies.first?.study)
        #expect(tableStudy.motor[0].sites[0].amplitudeMV == nil && tableStudy.motor[0].sites[0].latencyMs == 4.9)
        #expect(tableStudy.sensory[0].sites[0].amplitudeUV == 12)
    }

    @Test("UnitConversion (lab profiles) reads units in their own case only")
    func unitConversionCase() {
        #expect(UnitConversion.convert(4, unit: "MV", to: "mV") == nil)
        #expect(UnitConversion.convert(4, unit: "MS", to: "ms") == nil)
        #expect(UnitConversion.convert(12, unit: "UV", to: "µV") == nil)
        #expect(UnitConversion.convert(4, unit: "mV", to: "mV") == 4)
        #expect(UnitConversion.convert(12, unit: "uV", to: "µV") == 12)
        #expect(UnitConversion.convert(12, unit: "μV", to: "µV") == 12)
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

    // MARK: 5. The same measurements-csv row twice

    @Test("measurements-csv: a row identical to an earlier row of its study is value.duplicate")
    func duplicateRows() throws {
        let csv =
            Self.measurementsHeader + """
                R-1,2025-01-02,P-1,50,F,170,motor,Peroneal,L,EDB,Ankle,,latency,5.0,ms,
                R-1,2025-01-02,P-1,50,F,170,motor,Peroneal,L,EDB,Ankle,,amplitude,4.0,mV,
                R-1,2025-01-02,P-1,50,F,170,motor,Peroneal,L,EDB,Ankle,,latency,5.0,ms,
                R-1,2025-01-02,P-1,50,F,170,motor,Peroneal,L,EDB,Ankle,,latency,5.0,ms,a comment
                R-2,2025-01-02,P-2,50,F,170,motor,Peroneal,L,EDB,Ankle,,latency,5.0,ms,

                """
        let result = try Self.importText(csv, ext: "csv")
        #expect(result.studies.map(\.status) == [.imported, .imported])
        // Row 5 differs in its comment: not the same row, and the same latency is no conflict.
        #expect(Self.render(Self.all(result)) == ["4 warning value.duplicate latency"])
        #expect(
            Self.all(result).first?.message == "row given twice with the same values (first at line 2); the copy is "
                + "ignored")
        #expect(result.studies.map { $0.study?.motor.first?.sites.first?.latencyMs } == [5.0, 5.0])
    }

    // MARK: 6. Demographics that disagree

    @Test("measurements-csv: a second age, sex, height, weight or date keeps the first, with value.conflict")
    func conflictingMeasurementDemographics() throws {
        let csv =
            Self.measurementsHeader + """
                C-1,2025-01-02,P-1,50,F,170,motor,Peroneal,L,EDB,Ankle,,latency,5.0,ms,
                C-1,2025-01-02,P-1,51,F,170,motor,Peroneal,L,EDB,Ankle,,amplitude,4.0,mV,
                C-1,2025-01-02,P-1,50,M,170,motor,Peroneal,L,EDB,Ankle,,duration,6.0,ms,
                C-1,2025-01-02,P-1,50,F,175,motor,Peroneal,L,EDB,Ankle,,area,20,mVms,
                C-1,2025-01-03,P-1,50,F,170,motor,Peroneal,L,EDB,Ankle,,distance,8,cm,
                C-1,2025-01-02,P-1,50,F,170,demographic,,,,,,weight,70,kg,
                C-1,2025-01-02,P-1,50,F,170,demographic,,,,,,weight,72,kg,
                C-2,2025-01-02,P-2,50,F,170,motor,Peroneal,L,EDB,Ankle,,latency,5.0,ms,
                C-2,2025-01-02,P-3,50,F,170,motor,Peroneal,L,EDB,Ankle,,amplitude,4.0,mV,

                """
        let result = try Self.importText(csv, ext: "csv")
        #expect(result.studies.map(\.status) == [.imported, .rejected])
        #expect(
            Self.render(Self.all(result)) == [
                "3 warning value.conflict age_years", "4 warning value.conflict sex",
                "5 warning value.conflict height_cm", "6 warning value.conflict study_date",
                "8 warning value.conflict weight",
                "10 error value.conflict patient_id",  // two patients in one study: it cannot be trusted
            ])
        #expect(
            result.studies[0].diagnostics.first?.message
                == "given again with a different value (first given at line 2); the first is kept")
        let study = try #require(result.studies.first?.study)
        #expect(study.patient.ageYears == 50 && study.patient.sex == .female && study.patient.heightCm == 170)
        #expect(study.date == "2025-01-02" && study.patient.weightKg == 70)
    }

    @Test("summary-csv: a header key repeated with another value keeps the first, with value.conflict")
    func conflictingSummaryHeader() throws {
        let csv = """
            Patient,Test Person,ID,P-6,Test Date,2025-01-02
            Age,50,Sex,Female,Height,170 cm
            Age,60,Sex,Male,Height,170 cm
            Test Date,2025-01-03,Weight,70 kg
            Weight,72 kg

            """
        let result = try Self.importText(csv, ext: "csv")
        #expect(result.studies.map(\.status) == [.imported])
        #expect(
            Self.render(Self.all(result)) == [
                "3 warning value.conflict Age", "3 warning value.conflict Sex", "4 warning value.conflict Test Date",
                "5 warning value.conflict Weight",
            ])
        let study = try #require(result.studies.first?.study)
        #expect(study.patient.ageYears == 50 && study.patient.sex == .female && study.patient.heightCm == 170)
        #expect(study.date == "2025-01-02" && study.patient.weightKg == 70)

        let twoPatients = try Self.importText("Patient,Test Person,ID,P-6\nID,P-7\n", ext: "csv")
        #expect(twoPatients.studies.map(\.status) == [.rejected])
        #expect(Self.render(Self.all(twoPatients)) == ["2 error value.conflict ID"])
    }

    @Test("study-xml: a second <Age>, <Sex>, <Height> or <Date> keeps the first, with value.conflict")
    func conflictingXMLDemographics() throws {
        let xml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <EDXArchive xmlns="urn:edx:study:1">
              <EDXStudy>
                <Patient>
                  <Age unit="years">50</Age> <Sex>F</Sex> <Height unit="cm">170</Height>
                  <Age unit="years">60</Age> <Sex>M</Sex> <Height unit="in">70</Height> <Age unit="years">50</Age>
                </Patient>
                <Study><ID>S-CONFLICT</ID><Date>2025-01-02</Date><Date>2025-01-03</Date></Study>
              </EDXStudy>
              <EDXStudy>
                <Patient><ID>P-8</ID><ID>P-9</ID></Patient>
                <Study><ID>S-TWO-PATIENTS</ID></Study>
              </EDXStudy>
            </EDXArchive>
            """
        let result = try Self.importText(xml, ext: "xml")
        #expect(result.studies.map(\.status) == [.imported, .rejected])
        #expect(
            Self.render(Self.all(result)) == [
                "6 warning value.conflict Age", "6 warning value.conflict Sex", "6 warning value.conflict Height",
                "8 warning value.conflict Date", "11 error value.conflict Patient/ID",
            ])
        #expect(
            result.studies[0].diagnostics.first?.message
                == "given again with a different value (first given at line 5); the first is kept")
        let study = try #require(result.studies.first?.study)
        #expect(study.patient.ageYears == 50 && study.patient.sex == .female && study.patient.heightCm == 170)
        #expect(study.date == "2025-01-02")
    }
}
