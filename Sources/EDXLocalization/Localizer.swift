public import EDXFindings
import EDXModel

/// Decides where the lesion is: weighs every hypothesis of the anatomical model against the
/// observed findings (abnormal and normal) and returns a ranked differential with evidence.
///
/// The work is split by concern: ``Observations`` (findings as items of the model), ``Model``
/// (background and involvement), ``Scoring`` (posterior), ``Ranking`` (marginals, order),
/// ``EvidenceWeighing``, ``SeverityGrading``, ``AcuityJudgement`` and ``PathophysiologyJudgement``,
/// and ``TestSuggestions``. docs/localization.md describes each, with every number.
public struct Localizer: Sendable {
    public init() {}

    public func localize(_ findings: StudyFindings) -> Localization {
        let model = Model(ageYears: findings.covariates.ageYears)
        let scoring = Scoring(model: model)
        let observations = Observations.from(findings)
        var caveats = findings.technical.filter { $0.kind == .coolLimb || $0.kind == .tooEarlyForAxonLoss }
            .map(LocalizationCaveat.technical)
        if findings.muscles.isEmpty { caveats.append(.noNeedleExamination) }
        if findings.measurements.isEmpty { caveats.append(.noConductionStudies) }

        guard Double(observations.count) >= ParameterKey.minimumObservations.value else {
            return insufficient(observations, caveats: caveats)
        }
        // Lesions are only weighed on sides that were examined: an unexamined leg gives no evidence
        // either way, and its hypotheses would only spread prior weight.
        let examined = Set(observations.map(\.item.side))
        for side in Side.allCases where !examined.contains(side) { caveats.append(.legNotExamined(side)) }
        let candidates = Hypothesis.all.filter { hypothesis in
            hypothesis.lesions.allSatisfy { lesion in lesion.side.map(examined.contains) ?? true }
        }
        let posterior = scoring.posterior(candidates, observations)
        let ranking = Ranking(posterior)
        let observed = Set(observations.map(\.item))
        let evidence = EvidenceWeighing(scoring: scoring)

        var diagnoses: [Diagnosis] = []
        for (key, probability) in ranking.ranked {
            guard let hypothesis = ranking.representative[key]?.hypothesis,
                let competitor = Ranking.competitor(of: key, in: posterior)
            else { continue }
            let lesion = hypothesis.lesions.first { $0.code == key.code && Laterality($0.side) == key.side }
            let lists = evidence.lists(observations, hypothesis: hypothesis, competitor: competitor)
            var diagnosis = Diagnosis(
                code: key.code, side: key.side, probability: Self.rounded(probability), severity: nil,
                severityBasis: [], acuity: nil, pathophysiology: nil, evidence: lists, notTested: [], coexisting: [])
            if let lesion {
                let involved = observations.filter {
                    model.involvement($0.item, by: lesion) >= ParameterKey.involvedForGrading.value
                }
                // Every CMAP the lesion can lower counts for severity, also where a root lesion lowers it
                // only with marked axon loss (too weakly to count as evidence for the root).
                let cmaps = observations.filter { observation in
                    guard case .cmap = observation.item else { return false }
                    return model.involvement(observation.item, by: lesion) > 0
                }
                let severity = SeverityGrading.grade(
                    lesion: lesion, involved: involved, cmaps: cmaps, findings: findings)
                let levelShare = Ranking.levelShare(of: lesion, probability: probability, in: posterior)
                diagnosis.level = levelShare >= ParameterKey.levelShare.value ? lesion.level : nil
                diagnosis.severity = severity?.grade
                diagnosis.severityBasis = severity?.basis ?? []
                diagnosis.acuity = AcuityJudgement.acuity(involved: involved, findings: findings)
                diagnosis.pathophysiology = PathophysiologyJudgement.pathophysiology(
                    lesion: lesion, involved: involved, findings: findings)
                diagnosis.notTested = TestSuggestions.notTested(by: lesion, observed: observed, model: model)
                diagnosis.coexisting = hypothesis.lesions.filter { $0 != lesion }.map(\.code)
            }
            diagnoses.append(diagnosis)
        }
        let tests = TestSuggestions.separating(
            diagnoses,
            first: diagnoses.first.flatMap { ranking.representative[DiagnosisKey(code: $0.code, side: $0.side)] }?
                .hypothesis,
            second: diagnoses.dropFirst().first.flatMap {
                ranking.representative[DiagnosisKey(code: $0.code, side: $0.side)]
            }?.hypothesis, observations: observations, model: model)
        return Localization(
            diagnoses: diagnoses, suggestedTests: tests, caveats: caveats, observationCount: observations.count)
    }

    private static func rounded(_ p: Double) -> Double { (p * 1000).rounded() / 1000 }

    /// Too few lower-limb observations: no localization, and the standard screen suggested.
    private func insufficient(_ observations: [Observation], caveats: [LocalizationCaveat]) -> Localization {
        let evidence = observations.compactMap { observation in
            observation.findingIDs.first.map {
                EvidenceItem(finding: $0, statement: observation.statement, weight: 0)
            }
        }
        let diagnosis = Diagnosis(
            code: .insufficientData, side: .bilateral, probability: 1, severity: nil, severityBasis: [], acuity: nil,
            pathophysiology: nil, evidence: EvidenceLists(for: evidence, against: []), notTested: [.standardScreen],
            coexisting: [])
        return Localization(
            diagnoses: [diagnosis], suggestedTests: [.conductionScreen, .needleScreen], caveats: caveats,
            observationCount: observations.count)
    }
}
