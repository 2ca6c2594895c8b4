import EDXAnatomy
public import EDXFindings
import EDXModel
import EDXReference

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Decides where the lesion is: weighs every hypothesis of the anatomical model against the
/// observed findings (abnormal and normal) and returns a ranked differential with evidence.
///
/// Scoring (docs/localization.md): each observation contributes the log of the probability the
/// hypothesis gives to what was seen, times the observation's strength; the sum is divided by a
/// temperature of 2 because neighbouring muscles are not independent witnesses; posteriors are
/// normalised over all hypotheses with their priors; a diagnosis's probability is the total
/// posterior of the hypotheses that contain it.
public struct Localizer: Sendable {
    /// Divides the log-likelihood of needle observations: neighbouring muscles on one branch are
    /// correlated and must not count as independent witnesses. Conduction studies of different nerves
    /// count in full. [P]
    public static let needleTemperature = 2.0
    /// Below this many lower-limb observations, no localization is attempted. [P]
    public static let minimumObservations = 3

    public init() {}

    public func localize(_ findings: StudyFindings) -> Localization {
        let model = Model(ageYears: findings.covariates.ageYears)
        let observations = Observations.from(findings)
        var caveats = findings.technical.filter { $0.kind == .coolLimb || $0.kind == .tooEarlyForAxonLoss }
            .map(\.message)
        if findings.muscles.isEmpty { caveats.append("No needle examination: root lesions cannot be assessed.") }
        if findings.measurements.isEmpty {
            caveats.append(
                "No nerve conduction studies: sensory responses, which separate root from plexus and nerve lesions, are unknown."
            )
        }

        guard observations.count >= Self.minimumObservations else {
            return insufficient(observations, model: model, caveats: caveats)
        }
        // Lesions are only weighed on sides that were examined: an unexamined leg gives no evidence
        // either way, and its hypotheses would only spread prior weight.
        let examined = Set(observations.map(\.item.side))
        for side in Side.allCases where !examined.contains(side) {
            caveats.append("The \(side.rawValue) leg was not examined: lesions there are not assessed.")
        }
        let candidates = Hypothesis.all.filter { hypothesis in
            hypothesis.lesions.allSatisfy { lesion in lesion.side.map(examined.contains) ?? true }
        }
        // Posterior of every hypothesis.
        let scored = candidates.map { hypothesis -> (Hypothesis, Double) in
            let logLikelihood = observations.reduce(0.0) { sum, o in
                sum + o.strength * log(probability(of: o, under: hypothesis, model: model)) / Self.weightDivisor(o)
            }
            return (hypothesis, log(hypothesis.prior) + logLikelihood)
        }
        let top = scored.map(\.1).max()!
        let total = scored.reduce(0.0) { $0 + exp($1.1 - top) }
        let posterior = scored.map { ($0.0, exp($0.1 - top) / total) }

        // Marginal probability of each (code, side).
        struct Key: Hashable {
            var code: DiagnosisCode
            var side: Laterality
        }
        var marginals: [Key: Double] = [:]
        var representative: [Key: (Hypothesis, Double)] = [:]
        for (hypothesis, p) in posterior {
            let keys =
                hypothesis.lesions.isEmpty
                ? [Key(code: .normalStudy, side: .bilateral)]
                : Array(Set(hypothesis.lesions.map { Key(code: $0.code, side: Laterality($0.side)) }))
            for key in keys {
                marginals[key, default: 0] += p
                if p > representative[key]?.1 ?? -1 { representative[key] = (hypothesis, p) }
            }
        }
        var ranked = Array(
            // Ties (a left and a right lesion of a symmetric study) break by code, then side, so
            // that the same study always gives the same order.
            marginals.sorted {
                if $0.value != $1.value { return $0.value > $1.value }
                if $0.key.code != $1.key.code { return $0.key.code.rawValue < $1.key.code.rawValue }
                return $0.key.side.rawValue < $1.key.side.rawValue
            }
            .filter { $0.value >= 0.01 }.prefix(6))
        // A focal lesion on a polyneuropathy answers the referral question: name it first when the
        // best explanation is the pair.
        if ranked.count >= 2, ranked[0].key.code == .polyneuropathy,
            let pair = representative[ranked[0].key]?.0, pair.lesions.count == 2,
            let focal = pair.lesions.first(where: { $0.code != .polyneuropathy }),
            let index = ranked.firstIndex(where: { $0.key == Key(code: focal.code, side: Laterality(focal.side)) }),
            ranked[index].value >= 0.5
        {
            ranked.insert(ranked.remove(at: index), at: 0)
        }

        var diagnoses: [Diagnosis] = []
        for (key, probability) in ranked {
            let (hypothesis, _) = representative[key]!
            let competitor = posterior.filter { h, _ in
                !(h.lesions.isEmpty
                    ? key.code == .normalStudy
                    : h.lesions.contains { $0.code == key.code && Laterality($0.side) == key.side })
            }.max { $0.1 < $1.1 }!.0
            let lesion = hypothesis.lesions.first { $0.code == key.code && Laterality($0.side) == key.side }
            // The level (tarsal tunnel or popliteal, one division of the sciatic nerve …) is named only
            // when hypotheses at that level hold at least 70 % of the diagnosis's probability [P].
            let levelShare =
                lesion.map { chosen in
                    posterior.filter { h, _ in h.lesions.contains { $0.site == chosen.site && $0.side == chosen.side } }
                        .reduce(0.0) { $0 + $1.1 } / max(probability, 1e-12)
                } ?? 0
            diagnoses.append(
                diagnosis(
                    key.code, side: key.side, probability: probability, hypothesis: hypothesis, lesion: lesion,
                    levelKnown: levelShare >= 0.7, competitor: competitor, observations: observations,
                    findings: findings, model: model))
        }
        let tests = suggestedTests(
            diagnoses: diagnoses,
            representative: { code, side in
                representative[Key(code: code, side: side)]?.0
            }, observations: observations, model: model)
        return Localization(diagnoses: diagnoses, suggestedTests: tests, caveats: caveats)
    }

    static func weightDivisor(_ observation: Observation) -> Double {
        if case .muscle = observation.item { return needleTemperature }
        return 1
    }

    func probability(of observation: Observation, under hypothesis: Hypothesis, model: Model) -> Double {
        let p = model.probabilityAbnormal(observation.item, under: hypothesis)
        return observation.abnormal ? p : 1 - p
    }

    // MARK: One diagnosis

    private func diagnosis(
        _ code: DiagnosisCode, side: Laterality, probability: Double, hypothesis: Hypothesis, lesion: Lesion?,
        levelKnown: Bool, competitor: Hypothesis, observations: [Observation], findings: StudyFindings, model: Model
    ) -> Diagnosis {
        // Evidence: how each observation moves the odds against the closest alternative.
        var support: [EvidenceItem] = []
        var against: [EvidenceItem] = []
        for observation in observations {
            let here = self.probability(of: observation, under: hypothesis, model: model)
            let there = self.probability(of: observation, under: competitor, model: model)
            let weight = observation.strength * (log(here) - log(there))
            let entry = EvidenceItem(
                finding: observation.findingIDs.first ?? "", statement: observation.statement,
                weight: (weight * 100).rounded() / 100)
            if weight > 0.2 {
                support.append(entry)
            } else if weight < -0.2 {
                against.append(entry)
            } else if observation.abnormal, here < 0.2 {
                // An abnormality this hypothesis does not explain (and the alternative does not either).
                against.append(entry)
            }
        }
        support.sort { $0.weight != $1.weight ? $0.weight > $1.weight : $0.finding < $1.finding }
        against.sort { $0.weight != $1.weight ? $0.weight < $1.weight : $0.finding < $1.finding }
        let coexisting = hypothesis.lesions.filter { $0 != lesion }.map(\.code)
        guard let lesion else {
            return Diagnosis(
                code: code, side: side, probability: rounded(probability), severity: nil, severityBasis: [],
                acuity: nil, pathophysiology: nil,
                evidence: EvidenceLists(for: Array(support.prefix(10)), against: Array(against.prefix(8))),
                notTested: [], coexisting: [],
                summary: "\(code.words.capitalizedFirst) (probability \(percent(probability)))")
        }
        let involved = observations.filter { model.involvement($0.item, by: lesion) >= 0.4 }
        // Every CMAP the lesion can lower counts for severity, also where a root lesion lowers it only
        // with marked axon loss (too weakly to count as evidence for the root).
        let cmaps = observations.filter { observation in
            guard case .cmap = observation.item else { return false }
            return model.involvement(observation.item, by: lesion) > 0
        }
        let severity = Self.severity(lesion: lesion, involved: involved, cmaps: cmaps, findings: findings)
        let acuity = Self.acuity(involved: involved, findings: findings)
        let pathophysiology = Self.pathophysiology(lesion: lesion, involved: involved, findings: findings)
        let observedItems = Set(observations.map(\.item))
        let notTested = Self.candidateItems(sides: lesion.side.map { [$0] } ?? Side.allCases)
            .filter { !observedItems.contains($0) && model.involvement($0, by: lesion) >= 0.6 }
            .sorted { model.involvement($0, by: lesion) > model.involvement($1, by: lesion) }
            .prefix(4).map(\.testName)
        var summary = "\(side == .bilateral ? "" : side.rawValue.capitalizedFirst + " ")\(code.words)"
        let level = levelKnown ? lesion.level : nil
        if let level { summary += " " + level }
        var qualifiers: [String] = []
        if let severity { qualifiers.append(severity.grade.rawValue) }
        if acuity != .undetermined { qualifiers.append(Format.words(acuity.rawValue)) }
        if pathophysiology != .undetermined {
            qualifiers.append(Format.words(pathophysiology.rawValue))
        }
        if !qualifiers.isEmpty { summary += ", " + qualifiers.joined(separator: ", ") }
        if !coexisting.isEmpty { summary += "; with " + coexisting.map(\.words).joined(separator: " and ") }
        summary += " (probability \(percent(probability)))"
        return Diagnosis(
            code: code, side: side, level: level, probability: rounded(probability), severity: severity?.grade,
            severityBasis: severity?.basis ?? [], acuity: acuity, pathophysiology: pathophysiology,
            evidence: EvidenceLists(for: Array(support.prefix(10)), against: Array(against.prefix(8))),
            notTested: Array(notTested), coexisting: coexisting, summary: summary.capitalizedFirst)
    }

    private func rounded(_ p: Double) -> Double { (p * 1000).rounded() / 1000 }
    private func percent(_ p: Double) -> String { "\(Int((p * 100).rounded())) %" }

    // MARK: Severity, acuity, pathophysiology

    static func severity(lesion: Lesion, involved: [Observation], cmaps: [Observation], findings: StudyFindings)
        -> SeverityAssessment?
    {
        // Nothing abnormal where the lesion would act: no severity to grade.
        guard involved.contains(where: \.abnormal) else { return nil }
        var basis: [String] = []
        var cmapGrade: Severity?
        var allAbsent = true
        var anyCMAP = false
        for observation in cmaps {
            guard case .cmap(let study, let side) = observation.item else { continue }
            guard
                let measurement = findings.measurements.first(where: {
                    $0.referenceStudy == study && $0.side == side && $0.measure == .amplitude
                })
            else { continue }
            anyCMAP = true
            let other = findings.measurements.first {
                $0.referenceStudy == study && $0.side != side && $0.measure == .amplitude && $0.site == measurement.site
            }
            var grade: Severity
            // "left peroneal motor (EDB)": the study as the finding's own sentence names it.
            let name =
                measurement.summary.split(separator: ",").first.map { $0.prefix(1).lowercased() + $0.dropFirst() }
                ?? "\(side.rawValue) \(measurement.study)"
            if measurement.classification == .absent {
                grade = .severe
                basis.append("\(name) CMAP absent")
            } else {
                allAbsent = false
                let value = measurement.value ?? 0
                if let other, other.classification == .normal, let otherValue = other.value, otherValue > 0 {
                    let ratio = value / otherValue * 100
                    grade =
                        ratio < 10 ? .severe : (ratio < 50 || measurement.classification == .low ? .moderate : .mild)
                    basis.append(
                        "\(name) CMAP \(Format.number(value)) mV, \(Int(ratio.rounded())) % of the other side"
                    )
                } else {
                    grade = measurement.classification == .low ? .moderate : .mild
                    basis.append(
                        "\(name) CMAP \(Format.number(value)) mV (\(measurement.classification.rawValue))"
                    )
                }
            }
            cmapGrade = max(cmapGrade ?? grade, grade)
        }
        var needleGrade: Severity?
        var allSilent = true
        var anyRecruitment = false
        for observation in involved where observation.abnormal {
            guard let finding = muscleFinding(observation, in: findings) else { continue }
            let fibs = finding.denervation?.value ?? 0
            let loss = finding.recruitment?.neurogenicLoss ?? 0
            if finding.recruitment != nil {
                anyRecruitment = true
                if finding.recruitment != Recruitment.none { allSilent = false }
            }
            // §7.2 needle column [P]: severe with fibrillations 3-4+ or few or no units; moderate with
            // fibrillations 2+, or 1+ with reduced recruitment; mild with rare fibrillations and
            // normal or mildly reduced recruitment.
            let grade: Severity =
                fibs >= 3 || loss >= 3 ? .severe : (fibs >= 2 || (fibs >= 1 && loss >= 2) ? .moderate : .mild)
            needleGrade = max(needleGrade ?? grade, grade)
        }
        if needleGrade != nil {
            let worst = involved.compactMap { muscleFinding($0, in: findings) }.filter(\.neurogenic).max {
                ($0.denervation?.value ?? 0) < ($1.denervation?.value ?? 0)
            }
            if let worst {
                basis.append(
                    "worst muscle \(worst.muscle.map { Format.words($0.rawValue) } ?? worst.label): fibrillations \(worst.denervation?.rawValue ?? "0"), recruitment "
                        + "\(worst.recruitment?.rawValue ?? "not recorded")")
            }
        }
        let blocks = findings.nerves.filter {
            ($0.kind == .conductionBlock || $0.kind == .focalSlowing) && $0.side == lesion.side
        }
        if lesion.site == .node(.fibularHead) {
            for block in blocks {
                if let drop = block.values["amplitudeDropPercent"] {
                    let recording = block.study.hasSuffix("-ta") ? "tibialis anterior" : "EDB"
                    basis.append("block across the fibular head \(Int(drop.rounded())) % (recording \(recording))")
                }
            }
        }
        if anyCMAP && allAbsent && anyRecruitment && allSilent && needleGrade != nil {
            return SeverityAssessment(
                grade: .complete, basis: basis + ["no voluntary motor units in the affected muscles"])
        }
        // CMAP first (§7.2, S47): the distal CMAP measures the axons lost; the needle grades a lesion
        // only where no CMAP of its territory was recorded.
        if let cmapGrade { return SeverityAssessment(grade: cmapGrade, basis: basis) }
        if let needleGrade { return SeverityAssessment(grade: needleGrade, basis: basis) }
        // Sensory-only, block-only or slowing-only abnormality.
        return SeverityAssessment(grade: .mild, basis: basis.isEmpty ? ["no motor axon loss measured"] : basis)
    }

    /// The needle finding a muscle observation rests on.
    static func muscleFinding(_ observation: Observation, in findings: StudyFindings) -> MuscleFinding? {
        guard case .muscle(let muscle, let side) = observation.item else { return nil }
        return findings.muscles.first { $0.muscle == muscle && $0.side == side }
    }

    static func acuity(involved: [Observation], findings: StudyFindings) -> DiagnosisAcuity {
        let muscles = involved.compactMap { muscleFinding($0, in: findings) }
        if muscles.isEmpty { return .undetermined }
        let classes = Set(muscles.filter(\.neurogenic).compactMap(\.acuity))
        if classes.contains(.subacuteOrChronicActive)
            || (classes.contains(.acute) && classes.contains(.chronicInactive))
        {
            return .subacuteOrChronicActive
        }
        if classes.contains(.acute) { return .acute }
        if classes.contains(.chronicInactive) { return .chronicInactive }
        if muscles.contains(where: { $0.acuity == .tooEarly }) { return .tooEarly }
        return .undetermined
    }

    static func pathophysiology(lesion: Lesion, involved: [Observation], findings: StudyFindings) -> Pathophysiology {
        func showsAxonLoss(_ o: Observation) -> Bool {
            guard o.abnormal else { return false }
            switch o.item {
            case .cmap, .sensory:
                return true
            case .muscle:
                return muscleFinding(o, in: findings).map { $0.activeDenervation || $0.reinnervation } ?? false
            default:
                return false
            }
        }
        let axonal = involved.contains(where: showsAxonLoss)
        if case .root = lesion.site { return axonal ? .axonal : .undetermined }
        let nerves = findings.nerves.filter { lesion.side == nil || $0.side == lesion.side }
        var block = false
        var demyelinating = false
        switch lesion.site {
        case .node(.fibularHead):
            block = nerves.contains {
                ($0.kind == .conductionBlock || $0.kind == .temporalDispersion) && $0.nerve == .peroneal
            }
            demyelinating = nerves.contains { $0.kind == .focalSlowing && $0.nerve == .peroneal }
        case .polyneuropathy:
            let slowed = Set(nerves.filter { $0.kind == .demyelinatingSlowing }.map(\.study))
            demyelinating = slowed.count >= 2
        default:
            block = nerves.contains { $0.kind == .conductionBlock }
        }
        if axonal && (block || demyelinating) { return .mixed }
        if block { return .conductionBlock }
        if demyelinating { return .demyelinating }
        return axonal ? .axonal : .undetermined
    }

    // MARK: Suggested tests

    /// Every item the model knows, on the given sides.
    static func candidateItems(sides: [Side]) -> [Item] {
        var items: [Item] = []
        for side in sides {
            for muscle in Muscle.allCases where Anatomy.muscles[muscle] != nil && muscle != .paraspinalLumbar {
                items.append(.muscle(muscle, side))
            }
            for nerve in [Nerve.superficialPeroneal, .sural, .saphenous] { items.append(.sensory(nerve, side)) }
            items += [
                .cmap(.peronealEDB, side), .cmap(.tibialAH, side), .fibularHeadConduction(side),
                .distalConduction(.tibialAH, side), .hReflex(side),
            ]
        }
        return items
    }

    private func suggestedTests(
        diagnoses: [Diagnosis], representative: (DiagnosisCode, Laterality) -> Hypothesis?, observations: [Observation],
        model: Model
    ) -> [SuggestedTest] {
        guard diagnoses.count >= 2, diagnoses[1].probability >= 0.05,
            let first = representative(diagnoses[0].code, diagnoses[0].side),
            let second = representative(diagnoses[1].code, diagnoses[1].side)
        else { return [] }
        let observed = Set(observations.map(\.item))
        struct Candidate {
            var item: Item
            var first: Double
            var second: Double
            var gap: Double { abs(first - second) }
        }
        var candidates: [Candidate] = []
        for item in Self.candidateItems(sides: Side.allCases) where !observed.contains(item) {
            let candidate = Candidate(
                item: item, first: model.probabilityAbnormal(item, under: first),
                second: model.probabilityAbnormal(item, under: second))
            if candidate.gap >= 0.3 { candidates.append(candidate) }
        }
        candidates.sort { $0.gap != $1.gap ? $0.gap > $1.gap : $0.item.testName < $1.item.testName }
        var tests: [SuggestedTest] = []
        var seenNames = Set<String>()
        for candidate in candidates {
            let (item, p1, p2) = (candidate.item, candidate.first, candidate.second)
            let name = item.testName
            guard !seenNames.contains(name) else { continue }
            seenNames.insert(name)
            let codes = [diagnoses[0].code, diagnoses[1].code]
            tests.append(
                SuggestedTest(
                    test: name, separates: codes,
                    rationale:
                        "Expected abnormal with probability \(Int((p1 * 100).rounded())) % if \(codes[0].words), "
                        + "\(Int((p2 * 100).rounded())) % if \(codes[1].words).",
                    citation: Self.discriminatorSource(item)))
            if tests.count == 3 { break }
        }
        return tests
    }

    /// The published basis for the classic discriminating tests.
    static func discriminatorSource(_ item: Item) -> String? {
        switch item {
        case .muscle(.bicepsFemorisShortHead, _):
            "Short head of biceps femoris: the only peroneal-division muscle above the fibular head (Katirji & Wilbourn 1994, S97; S8)"
        case .muscle(.tibialisPosterior, _), .muscle(.flexorDigitorumLongus, _):
            "Tibial-innervated L5 muscle: abnormal in L5 radiculopathy, normal in peroneal neuropathy (Tsao 2007, S55; S83)"
        case .muscle(.gluteusMedius, _), .muscle(.tensorFasciaeLatae, _), .muscle(.gluteusMinimus, _):
            "Superior gluteal L5 muscle: places the lesion proximal to the sciatic nerve (S55, S84, S102)"
        case .muscle(let m, _) where m.isParaspinal:
            "Paraspinals are supplied by the dorsal rami: abnormal in root lesions, normal in plexus and nerve lesions (S72, S101)"
        case .sensory(.superficialPeroneal, _), .sensory(.sural, _):
            "Sensory responses are spared by root lesions (proximal to the ganglion) and lost in plexus and nerve lesions (S55, S77, S101)"
        case .sensory(.saphenous, _):
            "Saphenous response separates femoral or lumbar plexus lesions from an L3-L4 root lesion (S102)"
        case .muscle(.adductorLongus, _):
            "Adductor longus (obturator) places a quadriceps weakness outside the femoral nerve (S102)"
        case .fibularHeadConduction:
            "Stimulating below and above the fibular head shows block or focal slowing there (S8, S45)"
        case .hReflex:
            "The H reflex tests the S1 pathway (S28, S76)"
        default:
            nil
        }
    }

    // MARK: Insufficient data

    private func insufficient(_ observations: [Observation], model: Model, caveats: [String]) -> Localization {
        let evidence = observations.map {
            EvidenceItem(finding: $0.findingIDs.first ?? "", statement: $0.statement, weight: 0)
        }
        let diagnosis = Diagnosis(
            code: .insufficientData, side: .bilateral, probability: 1, severity: nil, severityBasis: [], acuity: nil,
            pathophysiology: nil, evidence: EvidenceLists(for: evidence, against: []),
            notTested: [
                "a standard screen: peroneal and tibial motor, sural and superficial peroneal sensory on both sides, "
                    + "needle EMG of at least six muscles including a paraspinal (S73, S74)"
            ],
            coexisting: [],
            summary: "Insufficient data for localization: \(observations.count) lower-limb finding(s) "
                + "(at least \(Self.minimumObservations) are needed)")
        let tests = [
            SuggestedTest(
                test: "peroneal and tibial motor studies, sural and superficial peroneal sensory studies, both sides",
                separates: [], rationale: "No localization is possible from the data given.", citation: nil),
            SuggestedTest(
                test: "needle EMG screen of six muscles including a lumbar paraspinal", separates: [],
                rationale: "A six-muscle screen with a paraspinal finds 94-98 % of radiculopathies (Dillingham 2000).",
                citation: "S73, S74"),
        ]
        return Localization(diagnoses: [diagnosis], suggestedTests: tests, caveats: caveats)
    }
}

extension String {
    var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}
