import EDXAnatomy
import EDXFindings
import EDXLocalization
import EDXModel
import EDXTestSupport
import Testing

/// Properties every localization must have, whoever wrote the study: checked over the cases written
/// here, the third-party development cases (when they are beside the checkout) and synthetic studies
/// of every class and shape.
@Suite("Localization properties")
struct LocalizationPropertyTests {
    static let always: [Corpus] = [.fixtures, .synthetic]

    /// The analyses of each corpus, made once for every test of the suite.
    static let analysed: [Corpus: [(name: String, analysis: StudyAnalysis)]] = Dictionary(
        uniqueKeysWithValues: Corpus.allCases.map { corpus in
            (corpus, corpus.studies.map { ($0.name, StudyAnalysis.analyze($0.study)) })
        })

    static func analyses(_ corpus: Corpus) -> [(name: String, analysis: StudyAnalysis)] { analysed[corpus] ?? [] }

    /// Active denervation in a limb muscle: not a foot muscle, not a paraspinal, where healthy people
    /// show it (the documented exceptions, docs/localization.md §6.7).
    static func limbFibrillations(_ findings: StudyFindings) -> [MuscleFinding] {
        findings.muscles.filter { muscle in
            guard muscle.activeDenervation, let m = muscle.muscle else { return false }
            return ![.foot, .lumbarParaspinal, .thoracic].contains(Anatomy.segment(of: m))
        }
    }

    /// The legs with any finding.
    static func examinedLegs(_ findings: StudyFindings) -> Set<Side> {
        Set(
            findings.measurements.filter { $0.nerve?.isLowerLimb ?? false }.map(\.side)
                + findings.muscles.filter { $0.muscle.map { $0.region == .lumbosacral } ?? false }.map(\.side))
    }

    /// The side a cited finding is about; nil for a side-to-side comparison, which is about both.
    static func side(of id: FindingID, in findings: StudyFindings) -> Side? {
        findings.measurement(id)?.side ?? findings.muscle(id)?.side ?? findings.nerve(id)?.side
    }

    static func checkNoNormalStudyOverLimbDenervation(_ corpus: Corpus) {
        for (name, analysis) in Self.analyses(corpus) {
            let denervated = Self.limbFibrillations(analysis.findings)
            guard !denervated.isEmpty else { continue }
            #expect(
                analysis.localization.diagnoses.first?.code != .normalStudy,
                "\(corpus) \(name): normal study first over \(denervated.map(\.id))")
        }
    }

    static func checkExaminedLegsOnly(_ corpus: Corpus) {
        for (name, analysis) in Self.analyses(corpus) {
            let examined = Self.examinedLegs(analysis.findings)
            for diagnosis in analysis.localization.diagnoses {
                if let side = diagnosis.side.side ?? diagnosis.patternSide {
                    #expect(
                        examined.contains(side), "\(corpus) \(name): \(diagnosis.code) on the unexamined \(side) leg")
                }
            }
        }
    }

    static func checkEvidenceFromTheLesionsLeg(_ corpus: Corpus) {
        for (name, analysis) in Self.analyses(corpus) {
            for diagnosis in analysis.localization.diagnoses {
                guard let side = diagnosis.side.side else { continue }
                for item in diagnosis.evidence.for + diagnosis.evidence.against {
                    let cited = Self.side(of: item.finding, in: analysis.findings)
                    #expect(
                        cited == nil || cited == side,
                        "\(corpus) \(name): \(diagnosis.side) \(diagnosis.code) cites \(item.finding)")
                }
            }
        }
    }

    @Test("No normal study first while a limb muscle shows fibrillation potentials", arguments: always)
    func noNormalStudyOverLimbDenervation(_ corpus: Corpus) {
        Self.checkNoNormalStudyOverLimbDenervation(corpus)
    }

    @Test("No diagnosis for a leg that was not examined", arguments: always)
    func examinedLegsOnly(_ corpus: Corpus) { Self.checkExaminedLegsOnly(corpus) }

    @Test("No evidence cited from the other leg", arguments: always)
    func evidenceFromTheLesionsLeg(_ corpus: Corpus) { Self.checkEvidenceFromTheLesionsLeg(corpus) }

    @Test(
        "The third-party development cases keep all three properties",
        .enabled(if: Corpus.devAvailable, "the development cases are not beside this checkout"))
    func developmentCases() {
        Self.checkNoNormalStudyOverLimbDenervation(.dev)
        Self.checkExaminedLegsOnly(.dev)
        Self.checkEvidenceFromTheLesionsLeg(.dev)
    }

    @Test("The synthetic corpus holds a study of every diagnosis class")
    func syntheticCoversEveryClass() {
        #expect(Corpus.synthetic.studies.count == Corpus.syntheticCount)
    }
}
