import EDXAnatomy
import EDXFindings
import EDXModel
import EDXReference

/// What was not tested for a diagnosis, and the tests that would best separate the first two
/// (docs/localization.md §6.3, evidence §6.4).
enum TestSuggestions {
    /// Every item the model knows, on the given sides.
    static func candidateItems(sides: [Side]) -> [ModelItem] {
        var items: [ModelItem] = []
        for side in sides {
            for muscle in Muscle.allCases where Anatomy.routinelySampled.contains(muscle) {
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

    /// The untested items a lesion involves most, most involved first (at most four).
    static func notTested(by lesion: Lesion, observed: Set<ModelItem>, model: Model) -> [UntestedItem] {
        candidateItems(sides: lesion.side.map { [$0] } ?? Side.allCases)
            .filter {
                !observed.contains($0) && model.involvement($0, by: lesion) >= ParameterKey.involvedForNotTested.value
            }
            .sorted { model.involvement($0, by: lesion) > model.involvement($1, by: lesion) }
            .prefix(4).map(UntestedItem.item)
    }

    /// Up to three tests not done whose result would change the leading conclusion, ranked by how much:
    /// the expected change in the leading diagnosis's probability over the test's two outcomes, each
    /// weighted by how likely the model finds it (value of information). A test counts only when one
    /// outcome would change the leading diagnosis or the certainty with which the impression states it,
    /// and that outcome is not a long shot.
    static func valuable(
        _ diagnoses: [Diagnosis], scoring: Scoring, posterior: [(Hypothesis, Double)], observations: [Observation],
        attempted: Set<ModelItem>
    ) -> [SuggestedTest] {
        guard diagnoses.count >= 2, let leader = diagnoses.first,
            diagnoses[1].probability >= ParameterKey.suggestedTestRunnerUp.value
        else { return [] }
        let key = DiagnosisKey(leader)
        let ranking = Ranking(posterior)
        let first = ranking.representative[key]?.hypothesis
        // A muscle on a branch already sampled adds little: neighbours on one branch are not
        // independent witnesses (gluteus minimus after gluteus medius and tensor fasciae latae).
        let sampledBranches = Set(
            observations.compactMap { observation -> BranchKey? in
                guard case .muscle(let muscle, let side) = observation.item else { return nil }
                return BranchKey(muscle, side)
            })
        let examined = Set(observations.filter { $0.item.region == .lumbosacral }.map(\.item.side))
        // Hypotheses the findings have all but excluded cannot be brought back by one more test: the
        // outcomes are weighed over the others only (a speed-up that changes no ranking).
        let live = posterior.filter { $0.1 >= ParameterKey.suggestedTestFloor.value }
        struct Candidate {
            var item: ModelItem
            var gain: Double
            /// The diagnosis the test would put first, or the runner-up when it would not change the leader.
            var rival: DiagnosisKey
        }
        var candidates: [Candidate] = []
        for item in candidateItems(sides: Side.allCases.filter(examined.contains)) where !attempted.contains(item) {
            if case .muscle(let muscle, let side) = item, sampledBranches.contains(BranchKey(muscle, side)) { continue }
            let expected = live.map { scoring.model.probabilityAbnormal(item, under: $0.0) }
            // A test every live hypothesis expects alike cannot move them apart.
            guard let low = expected.min(), let high = expected.max(),
                high - low >= ParameterKey.suggestedTestGain.value
            else { continue }
            let pAbnormal = zip(live, expected).reduce(0.0) { $0 + $1.0.1 * $1.1 }
            var gain = 0.0
            var changeChance = 0.0
            var rival = DiagnosisKey(diagnoses[1])
            for abnormal in [true, false] {
                // The posterior after the test: each hypothesis times the probability it gives the
                // outcome (the new item is weighed as one more independent observation).
                let weighted = zip(live, expected).map { ($0.0.0, $0.0.1 * (abnormal ? $0.1 : 1 - $0.1)) }
                let total = weighted.reduce(0.0) { $0 + $1.1 }
                guard total > 0 else { continue }
                let after = Ranking(weighted.map { ($0.0, $0.1 / total) })
                let p = after.marginals[key] ?? 0
                let chance = abnormal ? pAbnormal : 1 - pAbnormal
                gain += chance * abs(p - leader.probability)
                if let top = after.ranked.first, top.key != key {
                    changeChance += chance
                    rival = top.key
                } else if Certainty(probability: p) != Certainty(probability: leader.probability) {
                    changeChance += chance
                }
            }
            if changeChance >= ParameterKey.suggestedTestChance.value && gain >= ParameterKey.suggestedTestGain.value {
                candidates.append(Candidate(item: item, gain: gain, rival: rival))
            }
        }
        candidates.sort { $0.gain != $1.gain ? $0.gain > $1.gain : order($0.item) < order($1.item) }
        var tests: [SuggestedTest] = []
        var seen = Set<SameTest>()
        for candidate in candidates {
            guard seen.insert(SameTest(candidate.item)).inserted else { continue }
            tests.append(
                .separating(
                    candidate.item, separates: [leader.code, candidate.rival.code],
                    probabilityIfFirst: first.map { scoring.model.probabilityAbnormal(candidate.item, under: $0) } ?? 0,
                    probabilityIfSecond: ranking.representative[candidate.rival].map {
                        scoring.model.probabilityAbnormal(candidate.item, under: $0.hypothesis)
                    } ?? 0,
                    basis: discriminator(candidate.item)))
            if tests.count == 3 { break }
        }
        return tests
    }

    /// The branch a muscle hangs on, per side; the paraspinals (dorsal rami) are one branch.
    private struct BranchKey: Hashable {
        var branch: Anatomy.Branch
        var side: Side

        init(_ muscle: Muscle, _ side: Side) {
            branch = Anatomy.branch(of: muscle)
            self.side = side
        }
    }

    /// Items that are one test for the examiner: the H reflexes of both sides are one study.
    private struct SameTest: Hashable {
        var item: ModelItem?

        init(_ item: ModelItem) {
            if case .hReflex = item { self.item = nil } else { self.item = item }
        }
    }

    /// A stable order among equally useful tests (by kind, name and side; never shown).
    private static func order(_ item: ModelItem) -> String {
        switch item {
        case .muscle(let m, let s), .myopathic(let m, let s), .reinnervation(let m, let s):
            "needle EMG of the \(s.rawValue) \(Format.words(m.rawValue))"
        case .sensory(let n, let s): "\(s.rawValue) \(Format.words(n.rawValue)) sensory response"
        case .cmap(let r, let s): "\(s.rawValue) \(Format.words(r.rawValue)) conduction study"
        case .fibularHeadConduction(let s): "\(s.rawValue) peroneal motor study with stimulation"
        case .distalConduction(let r, let s): "\(s.rawValue) \(Format.words(r.rawValue)) distal latency"
        case .fWave(let r, let s): "\(s.rawValue) \(Format.words(r.rawValue))"
        case .hReflex: "H reflexes"
        }
    }

    /// The published basis for the classic discriminating tests.
    static func discriminator(_ item: ModelItem) -> Discriminator? {
        switch item {
        case .muscle(.bicepsFemorisShortHead, _): .shortHeadOfBicepsFemoris
        case .muscle(.tibialisPosterior, _), .muscle(.flexorDigitorumLongus, _): .tibialL5Muscle
        case .muscle(.gluteusMedius, _), .muscle(.tensorFasciaeLatae, _), .muscle(.gluteusMinimus, _):
            .superiorGlutealMuscle
        case .muscle(let m, _) where m.isParaspinal: .paraspinal
        case .sensory(.superficialPeroneal, _), .sensory(.sural, _): .postganglionicSensoryResponse
        case .sensory(.saphenous, _): .saphenous
        case .muscle(.adductorLongus, _): .adductorLongus
        case .fibularHeadConduction: .fibularHeadStimulation
        case .hReflex: .hReflex
        default: nil
        }
    }
}
