import EDXAnatomy
public import EDXFindings
import EDXModel
import EDXReference

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
        // Abnormal findings under names the vocabulary does not know: listed, but the model cannot use them.
        let unknown =
            findings.muscles.filter { $0.muscle == nil && $0.neurogenic }.map(\.id)
            + findings.measurements.filter { $0.nerve == nil && $0.classification.isAbnormal }.map(\.id)
        if !unknown.isEmpty { caveats.append(.unusedAbnormalFindings(unknown)) }
        let early = findings.muscles.filter { $0.activeDenervation && $0.beforeFibrillationOnset }
        if let days = findings.covariates.symptomDurationDays, !early.isEmpty {
            caveats.append(.denervationBeforeOnset(days: days, early.map(\.id)))
        }

        // The localization concerns the legs: other regions count as evidence, not toward the minimum.
        let leg = observations.filter { $0.item.region == .lumbosacral }
        guard Double(leg.count) >= ParameterKey.minimumObservations.value else {
            return insufficient(leg, caveats: caveats)
        }
        // Lesions are only weighed on sides that were examined: an unexamined leg gives no evidence
        // either way, and its hypotheses would only spread prior weight.
        let examined = Set(leg.map(\.item.side))
        for side in Side.allCases where !examined.contains(side) { caveats.append(.legNotExamined(side)) }
        // A normal study may lead only when nothing is abnormal beyond what healthy people show.
        let beyondHealthy = ClinicalRules.abnormalBeyondHealthy(observations, model: model)
        var candidates = Hypothesis.all.filter { hypothesis in
            hypothesis.lesions.allSatisfy { lesion in lesion.side.map(examined.contains) ?? true }
                && (!hypothesis.lesions.isEmpty || beyondHealthy.isEmpty)
                && ClinicalRules.pairIsAdmissible(hypothesis, observations, model: model)
        }
        // A lesion that explains none of the abnormal findings is no answer when a normal study is not one.
        if !beyondHealthy.isEmpty {
            let explaining = candidates.filter { hypothesis in
                beyondHealthy.contains { ClinicalRules.explains(hypothesis, [$0], model: model) }
            }
            if !explaining.isEmpty { candidates = explaining }
        }
        // Every active denervation of a limb muscle must be explained: hypotheses that leave one
        // unexplained give way to those that explain them all (a second lesion, or a process outside
        // the lesion model, which the candidates always hold).
        let required = ClinicalRules.denervationToExplain(observations)
        let covering = candidates.filter { ClinicalRules.explains($0, required, model: model) }
        if !covering.isEmpty { candidates = covering }
        var posterior = scoring.posterior(candidates, observations)
        var tests: [SuggestedTest] = []
        // A polyneuropathy is weighed only with its signature; when one would have led without it, the
        // study says what it lacks and which studies would show it.
        let polyneuropathies: [DiffuseProcess] = [
            .lengthDependentPolyneuropathy, .demyelinatingPolyneuropathy, .motorAxonalNeuropathy,
        ]
        let before = Ranking(posterior)
        var removed: [(gaps: [PolyneuropathyGap], probability: Double)] = []
        for process in polyneuropathies {
            let gaps = ClinicalRules.polyneuropathyGaps(observations, form: process)
            guard !gaps.isEmpty else { continue }
            let mass = zip(candidates, posterior).filter { $0.0.lesions.contains { $0.diffuseProcess == process } }
                .reduce(0.0) { $0 + $1.1.1 }
            removed.append((gaps, mass))
            candidates.removeAll { $0.lesions.contains { $0.diffuseProcess == process } }
        }
        // Likewise a plexopathy: when no sensory response of its territory was recorded, a root lesion
        // of that side that explains the same denervation leads, and the study says which studies would
        // tell them apart. Where no single root explains it, the plexus stays.
        let rootSides = Set(
            candidates.compactMap { hypothesis -> Side? in
                guard hypothesis.lesions.count == 1, case .root = hypothesis.lesions[0].site else { return nil }
                return hypothesis.lesions[0].side
            })
        let unshown = Set(
            candidates.flatMap(\.lesions).filter { lesion in
                ClinicalRules.plexusSensoryNotRecorded(lesion, observations, model: model)
                    && lesion.side.map(rootSides.contains) == true
            })
        candidates.removeAll { !unshown.isDisjoint(with: $0.lesions) }
        posterior = scoring.posterior(candidates, observations)
        let ranking = Ranking(posterior)
        if let first = before.ranked.first, first.key.code == .lumbosacralPlexopathy,
            ranking.ranked.first?.key.code != .lumbosacralPlexopathy, let side = first.key.side.side
        {
            caveats.append(.plexopathyNotShown(side))
            tests.append(.plexusSensoryStudies(side))
        }
        var missing: [PolyneuropathyGap] = []
        if before.ranked.first?.key.code == .polyneuropathy, ranking.ranked.first?.key.code != .polyneuropathy,
            let best = removed.max(by: { $0.probability < $1.probability })
        {
            missing = best.gaps
        }
        if !missing.isEmpty {
            caveats.append(.polyneuropathyNotShown(missing))
            tests.append(.polyneuropathyStudies(missing))
        }
        let evidence = EvidenceWeighing(scoring: scoring)
        let attempted = Observations.attempted(findings, observations: observations)

        var diagnoses: [Diagnosis] = []
        for (key, probability) in ranking.ranked {
            guard let hypothesis = ranking.representative[key]?.hypothesis else { continue }
            // With no rival left, the evidence is weighed against a normal study.
            let competitor = Ranking.competitor(of: key, in: posterior) ?? Hypothesis(lesions: [])
            let lesion = hypothesis.lesions.first { DiagnosisKey($0) == key }
            // Evidence for a lesion of one leg comes from that leg only.
            let cited = observations.filter { observation in lesion?.side.map { $0 == observation.item.side } ?? true }
            let lists = evidence.lists(cited, hypothesis: hypothesis, competitor: competitor)
            var diagnosis = Diagnosis(
                code: key.code, side: key.side, probability: Self.rounded(probability), severity: nil,
                severityBasis: [], acuity: nil, pathophysiology: nil, evidence: lists, notTested: [], coexisting: [])
            diagnosis.pattern = key.pattern
            // A pattern on both sides (the sacral roots of a cauda equina lesion) has no one side.
            let patternSides = Set(hypothesis.lesions.filter { DiagnosisKey($0) == key }.compactMap(\.side))
            diagnosis.patternSide = key.pattern == nil || patternSides.count != 1 ? nil : patternSides.first
            diagnosis.form = lesion?.form
            if let lesion {
                describe(
                    &diagnosis, lesion: lesion, hypothesis: hypothesis, probability: probability,
                    context: .init(
                        findings: findings, observations: observations, posterior: posterior, model: model,
                        attempted: attempted))
            }
            diagnoses.append(diagnosis)
        }
        // Healthy variants under a normal study are stated, not left unexplained.
        if diagnoses.first?.code == .normalStudy {
            var variants: [HealthyVariant: [FindingID]] = [:]
            for observation in observations {
                guard let variant = ClinicalRules.healthyVariant(observation, observations, model: model),
                    let id = observation.findingIDs.first
                else { continue }
                variants[variant, default: []].append(id)
            }
            for variant in HealthyVariant.allCases {
                if let ids = variants[variant] { caveats.append(.healthyVariant(variant, ids)) }
            }
        }
        tests += TestSuggestions.valuable(
            diagnoses, scoring: scoring, posterior: posterior, observations: observations, attempted: attempted)
        var localization = Localization(
            diagnoses: diagnoses, suggestedTests: tests, caveats: caveats, observationCount: leg.count)
        if let first = diagnoses.first { localization.outlook = Outlook.of(first, findings: findings) }
        return localization
    }

    /// What a diagnosis needs besides its probability.
    struct Context {
        var findings: StudyFindings
        var observations: [Observation]
        var posterior: [(Hypothesis, Double)]
        var model: Model
        /// What the study tried to measure (``Observations/attempted(_:observations:)``).
        var attempted: Set<ModelItem>
    }

    /// Severity, acuity, pathophysiology, level, untested items and coexisting lesions of a diagnosis.
    private func describe(
        _ diagnosis: inout Diagnosis, lesion: Lesion, hypothesis: Hypothesis, probability: Double, context: Context
    ) {
        let model = context.model
        let observations = context.observations
        // Severity, acuity and pathophysiology read the whole territory of the lesion, whatever its mode:
        // a block at the fibular head with a denervated tibialis anterior is not a pure block.
        var territoryLesion = lesion
        territoryLesion.mode = .axonal
        let involved = observations.filter {
            model.involvement($0.item, by: territoryLesion) >= ParameterKey.involvedForGrading.value
        }
        // Every CMAP the lesion can lower counts for severity, also where a root lesion lowers it only
        // with marked axon loss (too weakly to count as evidence for the root).
        let cmaps = observations.filter { observation in
            guard case .cmap = observation.item else { return false }
            return model.involvement(observation.item, by: territoryLesion) > 0
        }
        let severity = SeverityGrading.grade(
            lesion: territoryLesion, involved: involved, cmaps: cmaps, findings: context.findings)
        let levelShare = Ranking.levelShare(of: lesion, probability: probability, in: context.posterior)
        diagnosis.level = levelShare >= ParameterKey.levelShare.value ? lesion.level : nil
        // A common peroneal lesion is placed at the fibular head only with electrical evidence there.
        if diagnosis.code == .peronealNeuropathyFibularHead,
            !observations.contains(where: { $0.abnormal && $0.item == .fibularHeadConduction(lesion.side ?? .left) })
        {
            diagnosis.level = .commonPeronealSiteNotLocalized
        }
        // A sciatic lesion graded more severe in one division's territory than in the other's is
        // "predominantly affecting" that division, as most sciatic lesions affect the peroneal one (S95, S97).
        if diagnosis.code == .sciaticNeuropathy, diagnosis.level == nil {
            func grade(_ division: NerveNode) -> Severity? {
                let part = Lesion(site: .node(division), side: lesion.side)
                let inTerritory = involved.filter {
                    model.involvement($0.item, by: part) >= ParameterKey.involvedForGrading.value
                }
                let cmapsThere = cmaps.filter { model.involvement($0.item, by: part) > 0 }
                return SeverityGrading.grade(
                    lesion: part, involved: inTerritory, cmaps: cmapsThere, findings: context.findings)?.grade
            }
            if let peroneal = grade(.sciaticPeronealDivision), let tibial = grade(.sciaticTibialDivision) {
                if peroneal > tibial { diagnosis.level = .sciaticPeronealDivision }
                if tibial > peroneal { diagnosis.level = .sciaticTibialDivision }
            }
        }
        // A length-dependent polyneuropathy with no motor response or muscle abnormal is sensory.
        if diagnosis.form == .lengthDependent,
            !involved.contains(where: { observation in
                guard observation.abnormal else { return false }
                switch observation.item {
                case .cmap, .muscle, .distalConduction, .fWave: return true
                default: return false
                }
            })
        {
            diagnosis.form = .lengthDependentSensory
        }
        // A widespread pattern outside the lesion model is not graded like a lesion: its severity and
        // pathophysiology are those of a disease the model does not describe.
        let widespread = diagnosis.code == .outsideModel && lesion.isDiffuse
        diagnosis.severity = widespread ? nil : severity?.grade
        diagnosis.severityBasis = widespread ? [] : severity?.basis ?? []
        diagnosis.acuity = AcuityJudgement.acuity(involved: involved, findings: context.findings)
        diagnosis.pathophysiology =
            widespread
            ? nil
            : PathophysiologyJudgement.pathophysiology(lesion: lesion, involved: involved, findings: context.findings)
        diagnosis.notTested = TestSuggestions.notTested(
            by: territoryLesion, observed: context.attempted, model: model)
        diagnosis.coexisting = hypothesis.lesions.filter { DiagnosisKey($0) != DiagnosisKey(lesion) }.map(\.code)
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
