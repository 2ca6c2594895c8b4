import EDXFindings
import EDXImport
import EDXLabProfile
import EDXLocalization
import EDXModel
import EDXReference
import EDXTestSupport
import Testing

@Suite("Lab profile limits in the interpretation")
struct LabProfileLimitTests {
    static let label = "lab profile Example Hospital EMG lab"

    static func profile() throws -> LabProfile {
        try LabProfile.load(path: Fixtures.path("profiles/example-lab.yaml"))
    }

    /// The study of `file`, read with the profile's names.
    static func study(_ file: String) throws -> Study {
        let imported = StudyImporter.importAll(at: Fixtures.path(file), names: try profile().names)
        return try #require(imported.studies.first?.study)
    }

    static func measurement(_ findings: StudyFindings, _ id: String) throws -> MeasurementFinding {
        try #require(findings.measurements.first { $0.id.rawValue == id }, "\(id)")
    }

    @Test("A profile limit classifies a value as a lab limit, with the profile's name and age band")
    func classifies() throws {
        let study = try Self.study("profiles/lab-names.xml")
        let findings = Interpreter(labLimits: try Self.profile().limits).interpret(study)

        let amplitude = try Self.measurement(findings, "peroneal-motor-edb.L.ankle.amplitude")
        #expect(amplitude.classification == .low)
        let limit = try #require(amplitude.limit)
        #expect(limit.origin == .lab && limit.bound == .lower && limit.value == 2.5 && limit.unit == "mV")
        #expect(limit.label == "\(Self.label): >= 2.5 mV")
        #expect(limit.band == "age 40-79 y")
        #expect(amplitude.alternativeLimit?.origin == .published)

        // No published lower limit exists for the femoral CMAP: the profile's is the only one.
        let femoral = try Self.measurement(findings, "femoral-motor-rectus-femoris.L.inguinal.amplitude")
        #expect(femoral.classification == .low)
        #expect(femoral.limit?.origin == .lab && femoral.limit?.label == "\(Self.label): >= 7 mV")
        #expect(femoral.alternativeLimit == nil)

        // 5 uV in the profile is 5 µV.
        let sural = try Self.measurement(findings, "sural-sensory.L.calf.amplitude")
        #expect(sural.limit?.label == "\(Self.label): >= 5 µV" && sural.classification == .normal)
        #expect(findings.technical.contains { $0.limitsUsed.map { $0.lab == 5 } ?? false })
    }

    @Test("Without a profile the same study is judged as before: published limits, femoral unclassified")
    func withoutProfile() throws {
        let study = try Self.study("profiles/lab-names.xml")
        let findings = Interpreter().interpret(study)
        #expect(findings.measurements.allSatisfy { $0.limit?.origin != .lab })
        let femoral = try Self.measurement(findings, "femoral-motor-rectus-femoris.L.inguinal.amplitude")
        #expect(femoral.classification == .unclassified)
        #expect(StudyAnalysis.analyze(study) == StudyAnalysis.analyze(study, labLimits: nil))
    }

    @Test("--limits published puts the published limit first and shows the profile's beside it")
    func publishedFirst() throws {
        let study = try Self.study("profiles/lab-names.xml")
        let findings = Interpreter(preference: .published, labLimits: try Self.profile().limits).interpret(study)
        let amplitude = try Self.measurement(findings, "peroneal-motor-edb.L.ankle.amplitude")
        #expect(amplitude.limit?.origin == .published)
        #expect(amplitude.alternativeLimit?.label == "\(Self.label): >= 2.5 mV")
        #expect(amplitude.classification == .normal)
        // Where no published limit exists, the profile's is used even so.
        let femoral = try Self.measurement(findings, "femoral-motor-rectus-femoris.L.inguinal.amplitude")
        #expect(femoral.limit?.origin == .lab)
    }

    @Test("A limit the export carries wins over the profile's; the profile fills the values without one")
    func exportedLimitWins() throws {
        let study = try #require(
            StudyImporter.importAll(at: Fixtures.bundledExample("l5-radiculopathy-right.csv")).studies.first?.study)
        let findings = Interpreter(labLimits: try Self.profile().limits).interpret(study)
        // Norm O-P Amp ">2.0" is exported for the peroneal CMAP, Norm P-T Amp ">6" for the sural SNAP.
        #expect(try Self.measurement(findings, "peroneal-motor-edb.R.ankle.amplitude").limit?.label == "lab limit >2.0")
        #expect(try Self.measurement(findings, "sural-sensory.R.calf.amplitude").limit?.label == "lab limit >6")
        // The sural onset latency has no Norm column: the profile's limit judges it.
        let onset = try Self.measurement(findings, "sural-sensory.R.calf.onset-latency")
        #expect(onset.limit?.label == "\(Self.label): <= 4 ms" && onset.limit?.origin == .lab)
        // The H-reflex limit was written in seconds.
        let reflex = try Self.measurement(findings, "h-reflex.R.h-reflex.h-latency")
        #expect(reflex.limit?.label == "\(Self.label): <= 34 ms")
    }

    @Test("The age band applies to its ages; other ages, or none, take the limit without a band")
    func ageBands() throws {
        var study = try Self.study("profiles/lab-names.xml")
        let limits = try Self.profile().limits
        for age in [30.0, 80, nil] {
            study.patient.ageYears = age
            let findings = Interpreter(labLimits: limits).interpret(study)
            let amplitude = try Self.measurement(findings, "peroneal-motor-edb.L.ankle.amplitude")
            #expect(amplitude.limit?.value == 2 && amplitude.limit?.band == nil, "age \(String(describing: age))")
            #expect(amplitude.classification == .normal)
        }
        study.patient.ageYears = 79.9
        let findings = Interpreter(labLimits: limits).interpret(study)
        #expect(try Self.measurement(findings, "peroneal-motor-edb.L.ankle.amplitude").limit?.value == 2.5)
    }

    @Test("An entry for the study's recording goes before one for any recording")
    func recordingFirst() {
        let limits = LabProfileLimits(
            profileName: "L",
            entries: [
                .init(kind: .motor, nerve: .peroneal, measure: .amplitude, bound: .lower, value: 3),
                .init(
                    kind: .motor, nerve: .peroneal, recording: .extensorDigitorumBrevis, measure: .amplitude,
                    bound: .lower, value: 2),
                .init(kind: .hReflex, nerve: .tibial, measure: .hLatency, bound: .upper, value: 35),
            ])
        let source = SourceLocation(file: "t", line: 1)
        let edb = StudyKey(
            MotorStudy(
                nerve: .peroneal, nerveLabel: "", side: .left, recording: nil, recordingLabel: "", source: source))
        let ta = StudyKey(
            MotorStudy(
                nerve: .peroneal, nerveLabel: "", side: .left, recording: .tibialisAnterior, recordingLabel: "",
                source: source))
        #expect(limits.entry(for: edb, measure: .amplitude, ageYears: 50)?.value == 2)
        #expect(limits.entry(for: ta, measure: .amplitude, ageYears: 50)?.value == 3)
        #expect(limits.entry(for: ta, measure: .distalLatency, ageYears: 50) == nil)
        // An H reflex of unstated nerve is the tibial nerve's, as for the published limits.
        let reflex = StudyKey(
            HReflexStudy(nerve: nil, nerveLabel: "", side: .left, recording: nil, recordingLabel: "", source: source))
        #expect(limits.entry(for: reflex, measure: .hLatency, ageYears: nil)?.value == 35)
    }

    @Test("StudyAnalysis passes the profile's limits to the interpretation")
    func analysis() throws {
        let study = try Self.study("profiles/lab-names.xml")
        let analysis = StudyAnalysis.analyze(study, labLimits: try Self.profile().limits)
        let amplitude = try Self.measurement(analysis.findings, "peroneal-motor-edb.L.ankle.amplitude")
        #expect(amplitude.limit?.label == "\(Self.label): >= 2.5 mV")
    }
}
