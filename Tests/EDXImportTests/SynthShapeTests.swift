import EDXImport
import EDXModel
import EDXSynth
import EDXTestSupport
import Foundation
import Testing

/// `edx synth` writes studies of every class and every hard shape, each labelled in its indication,
/// and every one imports without a diagnostic.
@Suite("edx synth: classes and shapes", .serialized)
struct SynthShapeTests {
    static let count = 300
    static let seed: UInt64 = 11
    /// The studies of `count` and `seed`, made in process: `edx synth` writes these.
    static let studies = Array(SyntheticStudies(seed: seed, count: count))
    static let genericLabels: Set<String> = ["Gastrocnemius", "Quadriceps", "Hamstrings", "Biceps Femoris"]

    static func temporaryDirectory() throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("edx-synth-shapes-\(UUID())").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    /// Runs the built `edx synth`; its exit status.
    static func synth(_ format: String, count: Int, out: String) throws -> Int32 {
        let binary = Fixtures.root() + "/.build/debug/edx"
        try #require(FileManager.default.isExecutableFile(atPath: binary), "build edx first: \(binary)")
        let arguments = [binary, "synth", "--count", "\(count)", "--seed", "\(seed)", "--format", format, "--out", out]
        return Shell.run(arguments.map { "'\($0)'" }.joined(separator: " ") + " 2>&1").status
    }

    /// The studies of `paths`, imported; records every diagnostic and rejection as an issue.
    static func importClean(_ paths: [String], sourceLocation: Testing.SourceLocation = #_sourceLocation) -> [Study] {
        var studies: [Study] = []
        for path in paths {
            let (imported, summary) = StudyImporter.importAll(at: path)
            #expect(
                summary.fileDiagnostics.isEmpty, "\(summary.fileDiagnostics.prefix(3))", sourceLocation: sourceLocation)
            for study in imported {
                #expect(study.status == .imported, "\(study.studyID ?? path) rejected", sourceLocation: sourceLocation)
                #expect(study.diagnostics.isEmpty, "\(study.diagnostics.prefix(3))", sourceLocation: sourceLocation)
                if let study = study.study { studies.append(study) }
            }
        }
        return studies
    }

    @Test("Every study of edx synth imports without a diagnostic, in every format")
    func importsCleanly() throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        for format in ["xml", "measurements-csv"] {
            let path = directory + "/synth-\(format)"
            #expect(try Self.synth(format, count: Self.count, out: path) == 0)
            #expect(Self.importClean([path]).count == Self.count, "\(format)")
        }
        // summary-csv holds one study per file: two of every class.
        let folder = directory + "/summary"
        let perClass = 2 * SyntheticLesion.allCases.count
        #expect(try Self.synth("summary-csv", count: perClass, out: folder) == 0)
        let files = try FileManager.default.contentsOfDirectory(atPath: folder).sorted().map { folder + "/" + $0 }
        #expect(files.count == perClass)
        #expect(Self.importClean(files).count == perClass)
    }

    @Test("300 studies from seed 11 hold every class and every shape, and state them in the indication")
    func coversEveryClassAndShape() throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/synth.xml"
        #expect(try Self.synth("xml", count: Self.count, out: path) == 0)
        let imported = Self.importClean([path])
        let labels = imported.compactMap(SyntheticLabel.init)
        #expect(labels.count == Self.count, "every study has a label")
        // The file holds the generator's studies, in order.
        #expect(imported.map(\.id) == Self.studies.map(\.id))
        #expect(labels == Self.studies.compactMap(SyntheticLabel.init))

        let perClass = Self.count / SyntheticLesion.allCases.count
        for lesion in SyntheticLesion.allCases {
            #expect(labels.filter { $0.lesion == lesion }.count == perClass, "\(lesion.rawValue)")
        }
        for shape in SyntheticShape.allCases {
            let with = labels.filter { $0.shapes.contains(shape) }
            #expect(with.contains { $0.lesion.isFocal }, "\(shape.rawValue) in a focal lesion")
            #expect(with.contains { !$0.lesion.isFocal }, "\(shape.rawValue) in a study without a side")
            // Each shape is drawn with probability >= 0.15: about 45 or more of 300 [P].
            #expect(with.count >= 20, "\(shape.rawValue): \(with.count)")
        }
        #expect(labels.contains { $0.shapes.isEmpty }, "some studies have the standard shape")
    }

    @Test("A label reads back from its indication, and the class names its diagnosis code")
    func labels() {
        for lesion in SyntheticLesion.allCases {
            for side in [Side.left, .right, nil] {
                let label = SyntheticLabel(lesion: lesion, side: side, shapes: [.cool, .oneSided])
                #expect(SyntheticLabel(indication: label.indication) == label)
                #expect(label.shapes == [.oneSided, .cool])
            }
            #expect(lesion.rawValue == lesion.code + (lesion.qualifier.map { "/" + $0 } ?? ""))
        }
        #expect(
            SyntheticLabel(indication: "synthetic: l5-radiculopathy; side: left; shape: one-sided, cool")
                == SyntheticLabel(lesion: .l5Root, side: .left, shapes: [.oneSided, .cool]))
        #expect(SyntheticLabel(indication: "synthetic: normal-study; side: bilateral; shape: standard")?.shapes == [])
        #expect(SyntheticLabel(indication: "Left leg weakness") == nil)
        #expect(SyntheticLabel(indication: "synthetic: l9-radiculopathy; side: left; shape: standard") == nil)
        #expect(SyntheticLabel(indication: "synthetic: l5-radiculopathy; side: up; shape: standard") == nil)
        #expect(SyntheticLabel(indication: "synthetic: l5-radiculopathy; side: left; shape: round") == nil)
        #expect(SyntheticLesion.medialPlantar.code == "tibial-neuropathy")
        #expect(SyntheticLesion.medialPlantar.qualifier == "medial-plantar")
        #expect(SyntheticLesion.l3Root.qualifier == nil)
    }

    @Test("Each shape is what its label says")
    func shapesHold() throws {
        for study in Self.studies {
            let label = try #require(SyntheticLabel(study), "\(study.id)")
            let name = "\(study.id) \(label.indication)"
            let legMotor = study.motor.filter { $0.nerve?.isLowerLimb ?? false }
            let legSensory = study.sensory.filter { $0.nerve?.isLowerLimb ?? false }
            let legSides = Set(legMotor.map(\.side) + legSensory.map(\.side) + study.fWaves.map(\.side))
            let feet = study.temperatures.filter { $0.site == "foot" }

            if label.shapes.contains(.oneSided) {
                #expect(legSides.count == 1 && feet.count == 1, "\(name)")
                if let side = label.side { #expect(legSides == [side], "\(name)") }
            } else {
                #expect(legSides == [.left, .right] && feet.count == 2, "\(name)")
            }

            if label.shapes.contains(.cool) {
                #expect(feet.allSatisfy { (26...29).contains($0.celsius) }, "\(name)")
            } else {
                #expect(feet.allSatisfy { $0.celsius >= 30 }, "\(name)")
            }

            let armStudies =
                study.motor.filter { !($0.nerve?.isLowerLimb ?? true) }.count
                + study.sensory.filter { !($0.nerve?.isLowerLimb ?? true) }.count
            let armMuscles = study.needle.filter { $0.muscle?.region == .cervical }.count
            if label.shapes.contains(.arms) {
                #expect(armStudies >= 2 && armMuscles >= 2, "\(name)")
                #expect(study.temperatures.contains { $0.site == "hand" }, "\(name)")
            } else {
                #expect(armStudies == 0 && armMuscles == 0, "\(name)")
            }

            let legMuscles = study.needle.filter { $0.muscle?.isLowerLimb ?? false }
            if label.shapes.contains(.sparse) {
                for side in Side.allCases {
                    let conduction =
                        legMotor.filter { $0.side == side }.count + legSensory.filter { $0.side == side }.count
                    #expect(conduction <= 2, "\(name)")
                    #expect(legMuscles.filter { $0.side == side }.count <= 5, "\(name)")
                }
                #expect(study.fWaves.isEmpty && study.hReflexes.isEmpty, "\(name)")
            } else {
                #expect(study.fWaves.count == legSides.count && study.hReflexes.count == legSides.count, "\(name)")
            }

            let generic = study.needle.filter { Self.genericLabels.contains($0.muscleLabel) }
            if label.shapes.contains(.genericNames) {
                #expect(!generic.isEmpty, "\(name)")
                // The canonical muscle is what the importer reads from the name.
                #expect(generic.allSatisfy { $0.muscle == Lexicon.muscle($0.muscleLabel) }, "\(name)")
            } else {
                #expect(generic.isEmpty, "\(name)")
            }
        }
    }

    @Test("The classes outside the lesion model and the new lesions carry their signature")
    func signatures() throws {
        func exams(_ study: Study, _ muscle: Muscle) -> [NeedleExam] { study.needle.filter { $0.muscle == muscle } }
        func active(_ exam: NeedleExam) -> Bool { (exam.fibrillations ?? .none) >= .one }
        for study in Self.studies {
            let label = try #require(SyntheticLabel(study))
            let name = "\(study.id) \(label.indication)"
            let sensoryAbsent = study.sensory.contains { $0.sites.contains(where: \.noResponse) }
            switch label.lesion {
            case .motorNeuronDisease:
                #expect(exams(study, .thoracicParaspinal).count == 1, "\(name)")
                #expect(study.needle.contains { $0.muscle?.region == .cervical && active($0) }, "\(name)")
                #expect(study.needle.contains { ($0.fasciculations ?? .none) >= .one }, "\(name)")
                #expect(!sensoryAbsent, "\(name)")
            case .myopathy:
                #expect(study.needle.contains { $0.recruitment == .early && $0.muapDuration == .decreased }, "\(name)")
            case .neuromuscularJunction:
                #expect(!study.needle.contains(where: active) && !sensoryAbsent, "\(name)")
            case .sacralRoots:
                let sphincter = exams(study, .externalAnalSphincter)
                #expect(sphincter.count == 1 && sphincter.first?.side == label.side, "\(name)")
            case .obturator:
                #expect(
                    study.needle.contains { [.adductorLongus, .gracilis, .adductorMagnus].contains($0.muscle) },
                    "\(name)")
            case .medialPlantar, .lateralPlantar, .saphenous, .lateralFemoralCutaneous, .sural:
                let nerve: Nerve =
                    switch label.lesion {
                    case .medialPlantar: .medialPlantar
                    case .lateralPlantar: .lateralPlantar
                    case .saphenous: .saphenous
                    case .lateralFemoralCutaneous: .lateralFemoralCutaneous
                    default: .sural
                    }
                #expect(study.sensory.contains { $0.nerve == nerve && $0.side == label.side }, "\(name)")
            default:
                break
            }
        }
    }
}
