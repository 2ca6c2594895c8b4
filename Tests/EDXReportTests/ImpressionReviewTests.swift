import EDXFindings
import EDXModel
import EDXTestSupport
import Foundation
import Testing

@testable import EDXLocalization
@testable import EDXReport

/// The impression-side defects of the clinical review of 2026-12, one test each, on real fixtures.
@Suite("Clinical review: the impression and what follows it")
struct ImpressionReviewTests {
    static func report(_ fixture: String) throws -> StudyReport {
        try #require(ReportFixtures.reports(fixture).first)
    }

    static func text(_ report: StudyReport, _ sections: [TextReport.Section]) -> String {
        TextReport.renderSections(report, sections, options: TextLayoutOptions(width: 100_000))
    }

    @Test("The impression states its diagnosis in graded wording, the probabilities only after the signature")
    func gradedWording() throws {
        let report = try Self.report("examples/peroneal-fibular-head-left.xml")
        let impression = Self.text(report, [.impression])
        #expect(impression.contains("There is electrodiagnostic evidence of a moderate left common peroneal"))
        #expect(!impression.contains("> 99 %") && !impression.contains("probability"))
        let printed = TextReport.render(report)
        let signature = try #require(printed.range(of: "Electromyographer: ")).lowerBound
        let differential = try #require(printed.range(of: "1. Left common peroneal")).lowerBound
        #expect(differential > signature)
    }

    @Test("A normal study of one leg says what it could not assess and claims no radiculopathy")
    func normalStudyScope() throws {
        // The second study of the archive: the right leg only, four muscles needled.
        let report = try #require(ReportFixtures.reports("examples/archive-three-studies.xml").dropFirst().first)
        #expect(report.impression.conclusion == "normal")
        let paragraphs = report.impression.paragraphs.joined(separator: " ")
        #expect(paragraphs.contains("Normal study of the nerves and muscles tested"))
        #expect(!paragraphs.contains("radiculopathy"))
        #expect(report.impression.scope.contains("The left leg was not examined."))
        #expect(report.impression.scope.contains { $0.hasPrefix("Only 4 muscles of the right leg were needled") })
    }

    @Test("The report has a history and examination section, \"not recorded\" where the export has none")
    func historyAndExamination() throws {
        let text = Self.text(try Self.report("examples/peroneal-fibular-head-left.xml"), [.history])
        #expect(text.contains("HISTORY AND EXAMINATION"))
        #expect(text.contains("Indication        Left foot drop after prolonged leg crossing"))
        #expect(text.contains("Examination       not recorded in the export"))
    }

    @Test("Pertinent normals: each nerve and muscle group tested and normal, one line each")
    func pertinentNormals() throws {
        let normals = try Self.report("examples/peroneal-fibular-head-left.xml").pertinentNormals
        #expect(normals.contains("Tibial motor (abductor hallucis), left: normal."))
        #expect(normals.contains("H reflex, left and right: normal."))
        #expect(normals.contains("Needle examination, left superior gluteal nerve: gluteus medius: normal."))
        // Abnormal nerves are not among them.
        #expect(!normals.contains { $0.hasPrefix("Superficial peroneal sensory, left") })
    }

    @Test("A clinical-correlation sentence follows the impression")
    func clinicalCorrelation() throws {
        let report = try Self.report("examples/l5-radiculopathy-right.csv")
        #expect(report.impression.correlation?.hasPrefix("Clinical correlation: the findings localize to") == true)
    }

    @Test("Prognosis and follow-up carry their sources: block against axon loss, imaging for a sciatic lesion")
    func prognosisAndFollowUp() throws {
        let peroneal = try Self.report("examples/peroneal-fibular-head-left.xml").outlook
        #expect(peroneal.prognosis.map(\.sources) == [["S92", "S126"]])
        let sciatic = try Self.report("examples/archive-three-studies.xml").outlook
        #expect(sciatic.followUp.contains { $0.sources == ["S152"] })
        #expect(sciatic.followUp.contains { $0.sources == ["S151"] })
    }

    @Test("A cool limb: the study is limited and should be repeated after warming")
    func coolLimb() throws {
        let report = try Self.report("cases/81-normal-cool-feet-corrected.xml")
        #expect(
            report.outlook.followUp.contains { $0.text.contains("repeated after warming") && $0.sources == ["S147"] })
    }

    @Test("Sites recorded as no response are not listed as not tested")
    func noResponseIsTested() throws {
        // Case 04: every peroneal site gave no response; the fibular-head study was done.
        let analysis = try #require(
            ReportFixtures.studies("cases/04-peroneal-fh-complete-right.xml").first.map { StudyAnalysis.analyze($0) })
        let notTested = analysis.localization.diagnoses.flatMap(\.notTested)
        #expect(!notTested.contains(.item(.fibularHeadConduction(.right))))
        #expect(Observations.attempted(analysis.findings).contains(.fibularHeadConduction(.right)))
    }

    @Test("A muscle on a branch already sampled is never suggested, nor a test that cannot change the conclusion")
    func usefulSuggestions() throws {
        // The sciatic study of the archive: gluteus medius and tensor fasciae latae were normal, and the
        // conclusion is stated without hedging: no test could change it.
        let report = try Self.report("examples/archive-three-studies.xml")
        #expect(report.impression.diagnoses.first?.certainty == .definite)
        #expect(report.suggestedTests.isEmpty)
        for fixture in ReportFixtures.snapshotted {
            for report in ReportFixtures.reports(fixture) {
                #expect(!report.suggestedTests.contains { $0.test.contains("gluteus minimus") }, "\(fixture)")
            }
        }
    }

    @Test("What separates two diagnoses lists only findings whose expected state differs between them")
    func separatingFindings() throws {
        let report = try Self.report("examples/archive-three-studies.xml")
        let support = Self.text(report, [.decisionSupport])
        let line = try #require(support.split(separator: "\n").first { $0.hasPrefix("What separates it from") })
        // Normal gluteal muscles separate a sciatic lesion from a plexopathy; the EDB's axon loss,
        // expected in both, does not.
        #expect(line.contains("left gluteus medius: normal"))
        #expect(!line.contains("peroneal motor (EDB)"))
    }

    @Test("Codes are suggested only for a diagnosis the impression states without hedging")
    func codesOnlyWhenStated() throws {
        for fixture in ReportFixtures.snapshotted {
            for report in ReportFixtures.reports(fixture) {
                let top = report.impression.diagnoses.first
                if top?.certainty != .definite {
                    #expect(report.impression.codes.isEmpty, "\(fixture)")
                }
            }
        }
    }
}
