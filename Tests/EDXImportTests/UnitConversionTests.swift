import EDXImport
import EDXModel
import EDXTestSupport
import Testing

@Suite("Units and dialects")
struct UnitConversionTests {
    @Test("inches, pounds, °F, mm, µV, weeks are converted to canonical units")
    func fullXMLStudy() throws {
        let study = try #require(
            StudyImporter.importAll(at: Fixtures.path("import/xml/full-study.xml")).studies.first?.study)
        #expect(abs((study.patient.heightCm ?? 0) - 165.1) < 1e-9)
        #expect(abs((study.patient.weightKg ?? 0) - 69.853) < 0.001)
        #expect(abs((study.temperatures[0].celsius) - 31.5) < 0.01)
        #expect(study.symptomDurationDays == 28)
        #expect(study.motor[0].sites[0].distanceCm == 8)
        #expect(study.motor[0].sites[0].areaMVms == 7.1)
        #expect(study.motor[0].sites[1].amplitudeMV == 1.8)
        #expect(study.motor[0].sites[2].noResponse)
        #expect(study.sensory[0].sites[0].amplitudeUV == 14)
        #expect(study.fWaves.map(\.noResponse) == [false, true])
        #expect(study.fWaves[0].persistencePercent == 90)
        #expect(study.hReflexes[0].amplitudeMV == 2.9)
        #expect(study.needle[0].polyphasiaGrade == .two && study.needle[0].positiveSharpWaves == .equivocal)
        #expect(study.impression == "Left peroneal neuropathy at the fibular head.")
    }

    @Test(
        "every encoding of the full XML study gives the same study",
        arguments: [
            "xml/no-namespace.xml", "xml/utf16le-bom.xml", "xml/windows-1252.xml", "xml/crlf-greek-mu.xml",
        ])
    func xmlDialects(_ file: String) throws {
        var reference = try #require(
            StudyImporter.importAll(at: Fixtures.path("import/xml/full-study.xml")).studies.first?.study)
        let study = try #require(StudyImporter.importAll(at: Fixtures.path("import/" + file)).studies.first?.study)
        reference.id = study.id
        if file.contains("1252") { reference.needle[0].comment = "Très bien, 5µV" }
        #expect(study.withoutSourceLocations() == reference.withoutSourceLocations())
    }

    @Test(
        "every summary-csv dialect gives the example's numbers",
        arguments: [
            "summary/utf8-bom-crlf.csv", "summary/utf16le-bom.csv", "summary/spanish-sides-comma.csv",
            "summary/mm-and-mu-spellings.csv", "summary/semicolon-decimal-comma-cp1252.csv",
        ])
    func summaryDialects(_ file: String) throws {
        let reference = try #require(
            StudyImporter.importAll(at: Fixtures.path("import/summary/comma-utf8.csv")).studies.first?.study)
        let study = try #require(StudyImporter.importAll(at: Fixtures.path("import/" + file)).studies.first?.study)
        #expect(study.motor.map { $0.sites.map(\.amplitudeMV) } == reference.motor.map { $0.sites.map(\.amplitudeMV) })
        #expect(
            study.motor.map { $0.segments.map(\.distanceCm) } == reference.motor.map { $0.segments.map(\.distanceCm) })
        #expect(study.motor.map(\.side) == reference.motor.map(\.side))
        #expect(
            study.sensory.map { $0.sites.map(\.amplitudeUV) } == reference.sensory.map { $0.sites.map(\.amplitudeUV) })
        #expect(
            study.sensory.map { $0.sites.map(\.distanceCm) } == reference.sensory.map { $0.sites.map(\.distanceCm) })
        #expect(study.needle.map(\.fibrillations) == reference.needle.map(\.fibrillations))
        #expect(study.needle.map(\.side) == reference.needle.map(\.side))
        #expect(study.temperatures.map(\.side) == [.right])
    }

    @Test(
        "every measurements-csv dialect gives the example's numbers",
        arguments: [
            "measurements/semicolon-decimal-comma.csv", "measurements/utf8-bom-crlf.csv",
            "measurements/utf16be-bom.csv",
            "measurements/windows-1252.csv",
        ])
    func measurementDialects(_ file: String) throws {
        let reference = StudyImporter.importAll(at: Fixtures.path("import/measurements/comma.csv")).studies.compactMap(
            \.study)
        let studies = StudyImporter.importAll(at: Fixtures.path("import/" + file)).studies.compactMap(\.study)
        #expect(studies.map { $0.withoutSourceLocations() } == reference.map { $0.withoutSourceLocations() })
    }

    @Test("column order, extra columns, quoting, Spanish sides and mm")
    func measurementVariants() throws {
        let single = try #require(
            StudyImporter.importAll(at: Fixtures.path("import/measurements/single-study-units.csv")).studies.first?
                .study)
        var reordered = try #require(
            StudyImporter.importAll(at: Fixtures.path("import/measurements/reordered-extra-columns.csv")).studies.first?
                .study)
        reordered.id = single.id
        #expect(reordered.withoutSourceLocations() == single.withoutSourceLocations())
        #expect(single.motor[0].sites[0].amplitudeMV == 4.1)
        #expect(single.motor[0].sites[1].noResponse)
        #expect(single.hReflexes[0].noResponse)
        #expect(abs(single.temperatures[0].celsius - 32) < 1e-9)
        #expect(single.symptomDurationDays == 42 && single.patient.weightKg == 70)

        let quoted = try #require(
            StudyImporter.importAll(at: Fixtures.path("import/measurements/quoted.csv")).studies.first?.study)
        #expect(quoted.needle[0].fibrillations == .two && quoted.motor[0].sites[0].amplitudeMV == 4.5)

        let spanish = try #require(
            StudyImporter.importAll(at: Fixtures.path("import/measurements/spanish-sides-mm.csv")).studies.first?.study)
        #expect(spanish.motor[0].side == .left && spanish.sensory[0].side == .right)
        #expect(spanish.motor[0].sites[0].distanceCm == 8 && spanish.motor[0].segments[0].distanceCm == 30)
        #expect(spanish.motor[0].segments[0].from == .belowFibularHead)
        #expect(spanish.sensory[0].sites[0].distanceCm == 14)
    }

    @Test("summary-csv layouts: reordered columns, quoting, ortho sensory, NR")
    func summaryVariants() throws {
        let reordered = try #require(
            StudyImporter.importAll(at: Fixtures.path("import/summary/reordered-columns.csv")).studies.first?.study)
        #expect(reordered.id == "FX-SUM-REORDER")
        #expect(abs((reordered.patient.weightKg ?? 0) - 59.874) < 0.001)
        #expect(reordered.symptomDurationDays == 91.3125)
        #expect(reordered.motor[0].recording == .tibialisAnterior)
        #expect(reordered.motor[0].sites.map(\.amplitudeMV) == [3.0, 1.2])
        #expect(reordered.motor[0].sites[0].distanceCm == 10)
        #expect(reordered.motor[0].segments[0].velocityMS == 38)
        #expect(reordered.needle[0].interferencePattern == "Reduced")

        let quoted = try #require(
            StudyImporter.importAll(at: Fixtures.path("import/summary/quoted-fields.csv")).studies.first?.study)
        #expect(quoted.patient.name == "Person, Invented")
        #expect(quoted.indication == "Foot drop; \"sudden\" onset\nafter surgery")
        #expect(quoted.needle[0].comment == "Comment with, comma and \"quotes\"\nand a second line")
        #expect(quoted.needle.count == 2)

        let nr = try #require(
            StudyImporter.importAll(at: Fixtures.path("import/summary/ortho-sensory-and-nr.csv")).studies.first?.study)
        #expect(nr.sensory.map(\.method) == [.orthodromic, .orthodromic])
        #expect(nr.sensory[0].sites[0].noResponse && nr.sensory[0].sites[0].amplitudeUV == nil)
        #expect(nr.motor[0].sites[0].noResponse && nr.motor[0].sites[0].distanceCm == 8)
        #expect(nr.fWaves[0].noResponse && nr.hReflexes[0].noResponse && !nr.hReflexes[1].noResponse)
        #expect(nr.hReflexes[1].labLimits["sideDifference"]?.upper == 2.0)
    }

    @Test("aliases of vocabulary.md map onto the canonical vocabulary")
    func aliases() throws {
        let study = try #require(
            StudyImporter.importAll(at: Fixtures.path("import/xml/aliases.xml")).studies.first?.study)
        #expect(study.motor[0].nerve == .peroneal && study.motor[0].recording == .tibialisAnterior)
        #expect(study.motor[0].sites.map(\.site) == [.belowFibularHead, .aboveFibularHead])
        #expect(study.motor[1].nerve == .tibial && study.motor[1].sites.map(\.site) == [.ankle, .poplitealFossa])
        #expect(study.sensory.map(\.nerve) == [.superficialPeroneal, .sural])
        #expect(study.sensory.map(\.recording) == [.dorsumOfFoot, .lateralMalleolus])
        #expect(study.sensory.map { $0.sites[0].site } == [.lateralLeg, .calf])
        #expect(
            study.needle.map(\.muscle) == [
                .tibialisAnterior, .gastrocnemiusMedial, .bicepsFemorisShortHead, .paraspinalL5, .paraspinalS1,
                .tensorFasciaeLatae, .peroneusLongus,
            ])
        #expect(
            study.needle.map(\.recruitment) == [.mildlyReduced, .normal, .discrete, nil, nil, Recruitment.none, .early])
        #expect(study.needle[0].fibrillations == .equivocal && study.needle[1].fibrillations == .equivocal)
    }

    @Test("every alias listed in vocabulary.md is recognised")
    func vocabularyAliases() {
        let muscles: [(String, Muscle)] = [
            ("Ant Tib", .tibialisAnterior), ("Ext Hall Long", .extensorHallucisLongus),
            ("Ext Dig Long", .extensorDigitorumLongus),
            ("ExtDigBrev", .extensorDigitorumBrevis), ("Peron Long", .peroneusLongus),
            ("Fibularis Brevis", .peroneusBrevis),
            ("Tibialis Post", .tibialisPosterior), ("FlexDigLong", .flexorDigitorumLongus),
            ("Gastroc (Med)", .gastrocnemiusMedial),
            ("Gastroc (Lat)", .gastrocnemiusLateral), ("Soleus", .soleus), ("AbdHallucis", .abductorHallucis),
            ("ADM (foot)", .abductorDigitiMinimiPedis), ("Short Head Biceps Femoris", .bicepsFemorisShortHead),
            ("Biceps Femoris", .bicepsFemorisLongHead), ("Semitend", .semitendinosus), ("Semimemb", .semimembranosus),
            ("Gluteus Med", .gluteusMedius), ("Glut Min", .gluteusMinimus), ("Tensor Fascia Lata", .tensorFasciaeLatae),
            ("GluteusMax", .gluteusMaximus), ("VastusLat", .vastusLateralis), ("Vast Med", .vastusMedialis),
            ("Rect Fem", .rectusFemoris), ("Psoas", .iliopsoas), ("Adductor Long", .adductorLongus),
            ("L3 Parasp", .paraspinalL3), ("Paraspinal L5", .paraspinalL5), ("L4 PSP", .paraspinalL4),
            ("Lumbar Paraspinals (S1)", .paraspinalS1), ("Lumbar Paraspinals L5", .paraspinalL5),
            ("LS Paraspinals", .paraspinalLumbar), ("Low Lumbar Paraspinals", .paraspinalLumbar),
        ]
        for (alias, muscle) in muscles { #expect(Lexicon.muscle(alias) == muscle, "\(alias)") }
        let nerves: [(String, Nerve)] = [
            ("Common Fibular", .peroneal), ("Peron", .peroneal), ("Tibial (Mrkrs)", .tibial), ("Sural Nerve", .sural),
            ("Superficial Peroneal Sensory", .superficialPeroneal), ("SP", .superficialPeroneal),
            ("DPN", .deepPeroneal),
            ("Saphenous", .saphenous), ("LFC", .lateralFemoralCutaneous), ("Femoral", .femoral),
            ("Med Plantar", .medialPlantar), ("Lat Plantar", .lateralPlantar),
        ]
        for (alias, nerve) in nerves { #expect(Lexicon.nerve(alias) == nerve, "\(alias)") }
        #expect(Lexicon.stimulationSite("Cabeza de perone", nerve: .peroneal) == .belowFibularHead)
        #expect(Lexicon.stimulationSite("Lat Popliteal", nerve: .peroneal) == .aboveFibularHead)
        #expect(Lexicon.stimulationSite("Knee", nerve: .tibial) == .poplitealFossa)
        #expect(Lexicon.stimulationSite("Lower Leg", nerve: .superficialPeroneal) == .lateralLeg)
        #expect(Lexicon.stimulationSite("Groin", nerve: .femoral) == .inguinal)
        #expect(Lexicon.recordingSite("Abd Hall Brev", nerve: .tibial) == .abductorHallucis)
        #expect(Lexicon.recordingSite("FDMB", nerve: .tibial) == .abductorDigitiMinimiPedis)
        #expect(Lexicon.recordingSite("Gastroc-Soleus", nerve: .tibial) == .gastrocnemius)
        #expect(Lexicon.side("I") == .left && Lexicon.side("D") == .right && Lexicon.side("Rt") == .right)
        #expect(Lexicon.spontaneousGrade("±") == .equivocal && Lexicon.activity("↑") == .increased)
        #expect(
            Lexicon.recruitment("Severely Reduced") == .discrete && Lexicon.recruitment("No Units") == Recruitment.none)
    }
}
