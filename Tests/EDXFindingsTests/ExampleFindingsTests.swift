import EDXFindings
import EDXImport
import EDXModel
import EDXReference
import EDXTestSupport
import Testing

/// The findings a neurologist would write for each shared example.
@Suite("Findings for the shared examples")
struct ExampleFindingsTests {
    func findings(_ name: String) throws -> [StudyFindings] {
        var studies: [Study] = []
        let summary = StudyImporter.importFile(at: Fixtures.bundledExample(name)) { imported in
            if let study = imported.study { studies.append(study) }
        }
        #expect(summary.isClean)
        return studies.map { Interpreter().interpret($0) }
    }

    func muscle(_ findings: StudyFindings, _ muscle: Muscle, _ side: Side) throws -> MuscleFinding {
        try #require(findings.muscles.first { $0.muscle == muscle && $0.side == side })
    }

    @Test("Left peroneal at the fibular head: block and focal slowing across the fibular head, axon loss below")
    func peronealFibularHead() throws {
        let findings = try #require(try findings("peroneal-fibular-head-left.xml").first)
        let abnormal = findings.nerves.filter { $0.kind.isAbnormal }
        // Conduction block across the fibular head, recorded at EDB and at tibialis anterior.
        let blocks = abnormal.filter { $0.kind == .conductionBlock }
        #expect(blocks.count == 2)
        #expect(blocks.allSatisfy { $0.side == .left && $0.location?.segment == .acrossFibularHead })
        #expect(blocks.allSatisfy { $0.grade?.description == "definite" })
        let edbBlock = try #require(blocks.first { $0.study.description == "peroneal-motor-edb" })
        #expect(edbBlock.values.amplitudeDropPercent.map { Int($0.rounded()) } == 61)
        // Focal slowing: 29 m/s across the fibular head against 47 m/s in the leg.
        let slowing = try #require(
            abnormal.first { $0.kind == .focalSlowing && $0.study.description == "peroneal-motor-edb" })
        #expect(slowing.values.slowingMS == 18)
        #expect(abnormal.contains { $0.kind == .focalSlowing && $0.study.description == "peroneal-motor-ta" })
        // Axon loss below the lesion: superficial peroneal SNAP a third of the right, denervation of
        // the deep and superficial peroneal muscles.
        let snap = try #require(abnormal.first { $0.kind == .axonLoss })
        #expect(
            snap.study.description == "superficial-peroneal-sensory" && snap.side == .left
                && snap.grade?.description == "moderate")
        for name in [Muscle.tibialisAnterior, .extensorHallucisLongus, .peroneusLongus] {
            let finding = try muscle(findings, name, .left)
            #expect(finding.activeDenervation)
            #expect(finding.acuity == .acute)
        }
        // Muscles outside the common peroneal nerve are normal.
        for name in [
            Muscle.tibialisPosterior, .gastrocnemiusMedial, .bicepsFemorisShortHead, .gluteusMedius, .paraspinalL5,
        ] {
            #expect(try !muscle(findings, name, .left).neurogenic)
        }
        // Sural, tibial and H reflex normal; distal EDB CMAP 39 % of the right, at the edge of the
        // 61 % side-to-side limit.
        #expect(
            !abnormal.contains {
                $0.study.description == "sural-sensory" || $0.study.description == "tibial-motor-ah"
                    || $0.study.description == "h-reflex"
            })
        let edb = try #require(
            findings.comparisons.first { $0.id.rawValue == "compare.peroneal-motor-edb.ankle.amplitude" })
        #expect(!edb.abnormal && edb.worseSide == .left)
    }

    @Test("Right L5 radiculopathy: normal sensory responses, active and chronic denervation in L5 muscles")
    func l5Radiculopathy() throws {
        for file in ["l5-radiculopathy-right.csv", "l5-radiculopathy-right-eu.csv"] {
            let findings = try #require(try findings(file).first)
            let sensory = findings.measurements.filter {
                $0.measure == .amplitude && ($0.nerve == .sural || $0.nerve == .superficialPeroneal)
            }
            #expect(sensory.count == 3)
            #expect(sensory.allSatisfy { $0.classification == .normal })
            #expect(findings.nerves.filter { $0.kind.isAbnormal }.isEmpty)
            for name in [Muscle.tibialisAnterior, .extensorHallucisLongus, .tibialisPosterior] {
                let finding = try muscle(findings, name, .right)
                #expect(finding.activeDenervation && finding.reinnervation)
                #expect(finding.acuity == .subacuteOrChronicActive)
            }
            for name in [Muscle.peroneusLongus, .gluteusMedius, .tensorFasciaeLatae, .paraspinalL5] {
                #expect(try muscle(findings, name, .right).activeDenervation)
            }
            for name in [Muscle.gastrocnemiusMedial, .bicepsFemorisShortHead, .vastusLateralis, .paraspinalS1] {
                #expect(try !muscle(findings, name, .right).neurogenic)
            }
            // The lab's limits are used where the export carries them.
            let edb = try #require(
                findings.measurements.first { $0.id.rawValue == "peroneal-motor-edb.R.ankle.amplitude" })
            #expect(edb.limit?.origin == .lab && edb.limit?.value == 2.0 && edb.alternativeLimit?.value == 1.1)
        }
    }

    @Test("Archive: the sciatic study shows peroneal and sural axon loss and short-head denervation")
    func archive() throws {
        let all = try findings("archive-three-studies.xml")
        #expect(all.map(\.studyID) == ["EX-2025-0003", "EX-2025-0004", "EX-2025-0002"])
        let sciatic = all[0]
        let axonLoss = sciatic.nerves.filter { $0.kind == .axonLoss && $0.side == .left }
        #expect(
            Set(axonLoss.map(\.study.description)) == [
                "peroneal-motor-edb", "sural-sensory", "superficial-peroneal-sensory",
            ])
        #expect(axonLoss.first { $0.study.description == "peroneal-motor-edb" }?.grade?.description == "severe")
        #expect(try muscle(sciatic, .bicepsFemorisShortHead, .left).activeDenervation)
        #expect(!sciatic.nerves.contains { $0.kind == .conductionBlock || $0.kind == .focalSlowing })
        #expect(sciatic.nerves.contains { $0.study.description == "h-reflex" && $0.side == .left })
        // The L5 study inside the archive gives the same findings as the CSV export of it.
        let csv = try #require(try findings("l5-radiculopathy-right.csv").first)
        func interpreted(_ muscles: [MuscleFinding]) -> [String] {
            muscles.map {
                "\($0.id) \(String(describing: $0.denervation)) \(String(describing: $0.acuity)) \($0.notes)"
            }
        }
        #expect(interpreted(all[2].muscles) == interpreted(csv.muscles))
    }
}
