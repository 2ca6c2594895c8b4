import EDXImport
import EDXModel
import EDXTestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// The shared examples (`../shared/formats/examples`, bundled in `Fixtures/examples`) must import
/// with no diagnostics, and the canonical study must equal the file field by field.
@Suite("Shared examples")
struct ExampleImportTests {
    static let examples = [
        "peroneal-fibular-head-left.xml", "archive-three-studies.xml", "l5-radiculopathy-right.csv",
        "l5-radiculopathy-right-eu.csv", "archive-two-studies.csv",
    ]

    @Test("imports with no warnings", arguments: examples)
    func importsCleanly(_ name: String) {
        let (studies, summary) = StudyImporter.importAll(at: Fixtures.bundledExample(name))
        #expect(summary.fileDiagnostics.isEmpty)
        #expect(summary.isClean)
        #expect(!studies.isEmpty)
        for study in studies {
            #expect(study.status == .imported)
            #expect(study.diagnostics.isEmpty, "\(study.diagnostics)")
        }
    }

    /// The shared folder is beside the developers' checkout, not beside every clone: the comparison is
    /// skipped, visibly, where it is absent.
    static let sharedExamplesPresent = readBytes(Fixtures.example(examples[0])) != nil

    @Test(
        "bundled copies equal the shared examples",
        .enabled(if: sharedExamplesPresent, "../shared is not beside this clone"),
        arguments: examples)
    func bundledCopiesMatchShared(_ name: String) throws {
        let sharedBytes = try #require(readBytes(Fixtures.example(name)))
        #expect(readBytes(Fixtures.bundledExample(name)) == sharedBytes)
    }

    @Test("the left peroneal XML example, field by field")
    func peronealExample() throws {
        let study = try #require(
            StudyImporter.importAll(at: Fixtures.bundledExample("peroneal-fibular-head-left.xml")).studies.first?.study)
        #expect(study.id == "EX-2025-0001")
        #expect(study.date == "2025-09-18")
        #expect(study.patient.id == "P-1001")
        #expect(study.patient.ageYears == 64)
        #expect(study.patient.sex == .female)
        #expect(study.patient.heightCm == 165)
        #expect(study.indication == "Left foot drop after prolonged leg crossing")
        #expect(study.symptomDurationDays == 28)
        #expect(study.temperatures.map(\.celsius) == [31.5, 31.8])
        #expect(study.temperatures.map(\.side) == [.left, .right])
        #expect(study.temperatures.map(\.site) == ["foot", "foot"])

        #expect(study.motor.count == 4)
        let leftEDB = study.motor[0]
        #expect(leftEDB.nerve == .peroneal && leftEDB.side == .left && leftEDB.recording == .extensorDigitorumBrevis)
        #expect(leftEDB.sites.map(\.site) == [.ankle, .belowFibularHead, .aboveFibularHead])
        #expect(leftEDB.sites.map(\.latencyMs) == [5.2, 11.6, 15.0])
        #expect(leftEDB.sites.map(\.amplitudeMV) == [2.0, 1.8, 0.7])
        #expect(leftEDB.sites.map(\.durationMs) == [5.9, 6.1, 6.4])
        #expect(leftEDB.sites.map(\.distanceCm) == [8, nil, nil])
        #expect(leftEDB.segments.map(\.from) == [.belowFibularHead, .aboveFibularHead])
        #expect(leftEDB.segments.map(\.to) == [.ankle, .belowFibularHead])
        #expect(leftEDB.segments.map(\.distanceCm) == [30, 10])
        #expect(leftEDB.segments.map(\.velocityMS) == [47, 29])
        #expect(leftEDB.sites[0].source.line == 19 && leftEDB.sites[0].source.column == 7)

        let rightEDB = study.motor[1]
        #expect(rightEDB.side == .right)
        #expect(rightEDB.sites.map(\.amplitudeMV) == [5.1, 4.9, 4.8])
        #expect(rightEDB.segments.map(\.velocityMS) == [47, 56])

        let leftTA = study.motor[2]
        #expect(leftTA.recording == .tibialisAnterior)
        #expect(leftTA.sites.map(\.amplitudeMV) == [2.9, 1.1])
        #expect(leftTA.segments.map(\.velocityMS) == [40])

        let tibial = study.motor[3]
        #expect(tibial.nerve == .tibial && tibial.recording == .abductorHallucis)
        #expect(tibial.sites.map(\.site) == [.ankle, .poplitealFossa])
        #expect(tibial.sites.map(\.amplitudeMV) == [11.2, 9.6])

        #expect(study.sensory.count == 3)
        #expect(study.sensory.map(\.nerve) == [.sural, .superficialPeroneal, .superficialPeroneal])
        #expect(study.sensory.map(\.method) == [.antidromic, .antidromic, .antidromic])
        #expect(study.sensory.map(\.recording) == [.lateralMalleolus, .dorsumOfFoot, .dorsumOfFoot])
        #expect(study.sensory.map { $0.sites[0].amplitudeUV } == [14, 4.0, 11.0])
        #expect(study.sensory.map { $0.sites[0].peakLatencyMs } == [3.7, 3.6, 3.4])
        #expect(study.sensory.map { $0.sites[0].site } == [.calf, .lateralLeg, .lateralLeg])

        #expect(study.hReflexes.map(\.latencyMs) == [31.2, 31.0])
        #expect(study.hReflexes.map(\.side) == [.left, .right])
        #expect(study.fWaves.isEmpty)

        #expect(study.needle.count == 8)
        #expect(
            study.needle.map(\.muscle) == [
                .tibialisAnterior, .extensorHallucisLongus, .peroneusLongus, .tibialisPosterior, .gastrocnemiusMedial,
                .bicepsFemorisShortHead, .gluteusMedius, .paraspinalL5,
            ])
        let zero = SpontaneousGrade.none
        #expect(study.needle.map(\.fibrillations) == [.two, .one, .one, zero, zero, zero, zero, zero])
        #expect(study.needle.map(\.positiveSharpWaves) == [.two, .one, .one, zero, zero, zero, zero, zero])
        #expect(
            study.needle.map(\.recruitment) == [
                .reduced, .reduced, .reduced, .normal, .normal, .normal, .normal, .normal,
            ])
        #expect(study.needle[0].insertionalActivity == .increased)
        #expect(
            study.needle.allSatisfy {
                $0.muapAmplitude == .normal && $0.muapDuration == .normal && $0.polyphasia == .normal
            })
        #expect(study.needle.allSatisfy { $0.side == .left })
    }

    @Test("the right L5 summary-csv example, field by field")
    func l5SummaryExample() throws {
        let study = try #require(
            StudyImporter.importAll(at: Fixtures.bundledExample("l5-radiculopathy-right.csv")).studies.first?.study)
        #expect(study.id == "P-1002_2025-10-02")
        #expect(study.patient.name == "Case ex-l5-right")
        #expect(study.patient.ageYears == 52 && study.patient.sex == .male && study.patient.heightCm == 180)
        #expect(study.symptomDurationDays == 70)
        #expect(
            study.temperatures == [
                LimbTemperature(side: .right, site: "foot", celsius: 32, source: study.temperatures[0].source)
            ])
        #expect(study.motor.map(\.side) == [.right, .left, .right])
        #expect(study.motor.map(\.nerve) == [.peroneal, .peroneal, .tibial])
        let peroneal = study.motor[0]
        #expect(peroneal.sites.map(\.site) == [.ankle, .belowFibularHead, .aboveFibularHead])
        #expect(peroneal.sites.map(\.latencyMs) == [4.9, 12, 13.9])
        #expect(peroneal.sites.map(\.amplitudeMV) == [4.1, 3.9, 3.8])
        #expect(peroneal.sites[0].labLimits["latency"] == LabLimit(lower: nil, upper: 6.5, text: "<6.5"))
        #expect(peroneal.sites[0].labLimits["amplitude"] == LabLimit(lower: 2.0, upper: nil, text: ">2.0"))
        #expect(peroneal.segments.map(\.from) == [.belowFibularHead, .aboveFibularHead])
        #expect(peroneal.segments.map(\.to) == [.ankle, .belowFibularHead])
        #expect(peroneal.segments.map(\.distanceCm) == [32, 10])
        #expect(peroneal.segments.map(\.velocityMS) == [45, 53])
        #expect(peroneal.segments[0].labLimits["velocity"]?.lower == 44)
        #expect(study.motor[1].sites[0].distanceCm == 8)
        #expect(study.sensory.map(\.nerve) == [.sural, .superficialPeroneal, .superficialPeroneal])
        #expect(study.sensory.map(\.side) == [.right, .right, .left])
        #expect(study.sensory.map { $0.sites[0].amplitudeUV } == [12, 9, 10])
        #expect(study.sensory.map { $0.sites[0].velocityMS } == [45, 50, 52])
        #expect(study.sensory[0].sites[0].labLimits["amplitude"]?.lower == 6)
        #expect(study.fWaves.map(\.minLatencyMs) == [52, 50.9])
        #expect(study.hReflexes.map(\.latencyMs) == [31.9, 31.5])
        #expect(study.hReflexes.map(\.recording) == [.gastrocnemius, .gastrocnemius])
        #expect(study.needle.count == 11)
        #expect(study.needle.allSatisfy { $0.side == .right })
        #expect(
            study.needle.map(\.muscle) == [
                .tibialisAnterior, .extensorHallucisLongus, .peroneusLongus, .tibialisPosterior, .gluteusMedius,
                .tensorFasciaeLatae, .gastrocnemiusMedial, .bicepsFemorisShortHead, .vastusLateralis, .paraspinalL5,
                .paraspinalS1,
            ])
        #expect(study.needle[0].muapDuration == .increased)
        #expect(study.needle[0].polyphasia == .increased && study.needle[0].polyphasiaGrade == .two)
        #expect(study.needle[5].positiveSharpWaves == SpontaneousGrade.none && study.needle[5].fibrillations == .one)
    }

    @Test("the European dialect (';', decimal comma, Windows-1252, CRLF, D/I) equals the US file")
    func europeanDialectEqualsUS() throws {
        let us = try #require(
            StudyImporter.importAll(at: Fixtures.bundledExample("l5-radiculopathy-right.csv")).studies.first?.study)
        let eu = try #require(
            StudyImporter.importAll(at: Fixtures.bundledExample("l5-radiculopathy-right-eu.csv")).studies.first?.study)
        // The lab limits keep their text as exported ("<6,5" against "<6.5"); their values must agree.
        #expect(eu.withoutSourceLocations().withoutLimitTexts() == us.withoutSourceLocations().withoutLimitTexts())
        #expect(eu.motor[0].sites[0].labLimits["latency"]?.text == "<6,5")
    }

    @Test("the measurements-csv archive carries the same numbers as the XML archive")
    func measurementsArchiveEqualsXML() throws {
        let xml = StudyImporter.importAll(at: Fixtures.bundledExample("archive-three-studies.xml")).studies.compactMap(
            \.study)
        let csv = StudyImporter.importAll(at: Fixtures.bundledExample("archive-two-studies.csv")).studies.compactMap(
            \.study)
        #expect(xml.map(\.id) == ["EX-2025-0003", "EX-2025-0004", "EX-2025-0002"])
        #expect(csv.map(\.id) == ["EX-2025-0003", "EX-2025-0004"])
        for study in csv.map({ $0.withoutSourceLocations() }) {
            let twin = try #require(xml.first { $0.id == study.id }).withoutSourceLocations()
            // The CSV has no method attribute and no indication; everything measured must agree.
            #expect(study.patient == twin.patient)
            #expect(study.date == twin.date && study.symptomDurationDays == twin.symptomDurationDays)
            #expect(study.temperatures.map(\.celsius) == twin.temperatures.map(\.celsius))
            // Verbatim labels differ by design ("EDB" against "Ext Dig Brev"); the canonical content must not.
            #expect(study.motor.map(\.sites) == twin.motor.map(\.sites))
            #expect(study.motor.map(\.segments) == twin.motor.map(\.segments))
            #expect(study.motor.map(\.side) == twin.motor.map(\.side))
            #expect(study.motor.map(\.nerve) == twin.motor.map(\.nerve))
            #expect(
                study.sensory.map { $0.sites.map(\.amplitudeUV) } == twin.sensory.map { $0.sites.map(\.amplitudeUV) })
            #expect(study.sensory.map { $0.sites.map(\.noResponse) } == twin.sensory.map { $0.sites.map(\.noResponse) })
            #expect(study.hReflexes.map(\.latencyMs) == twin.hReflexes.map(\.latencyMs))
            #expect(study.fWaves.map(\.minLatencyMs) == twin.fWaves.map(\.minLatencyMs))
            #expect(study.needle == twin.needle)
        }
    }
}

func readBytes(_ path: String) -> [UInt8]? {
    guard let file = fopen(path, "rb") else { return nil }
    defer { fclose(file) }
    var bytes: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 65536)
    while true {
        let count = fread(&buffer, 1, buffer.count, file)
        if count <= 0 { break }
        bytes += buffer[0..<count]
    }
    return bytes
}

extension Study {
    fileprivate func withoutLimitTexts() -> Study {
        func strip(_ limits: [String: LabLimit]) -> [String: LabLimit] {
            limits.mapValues { LabLimit(lower: $0.lower, upper: $0.upper, text: "") }
        }
        var copy = self
        for m in copy.motor.indices {
            for s in copy.motor[m].sites.indices {
                copy.motor[m].sites[s].labLimits = strip(copy.motor[m].sites[s].labLimits)
            }
            for s in copy.motor[m].segments.indices {
                copy.motor[m].segments[s].labLimits = strip(copy.motor[m].segments[s].labLimits)
            }
        }
        for n in copy.sensory.indices {
            for s in copy.sensory[n].sites.indices {
                copy.sensory[n].sites[s].labLimits = strip(copy.sensory[n].sites[s].labLimits)
            }
        }
        return copy
    }
}
