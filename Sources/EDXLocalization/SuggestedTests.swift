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

    /// Up to three untested items whose expected abnormality differs most between the first two
    /// diagnoses' best hypotheses.
    static func separating(
        _ diagnoses: [Diagnosis], first: Hypothesis?, second: Hypothesis?, observations: [Observation], model: Model
    ) -> [SuggestedTest] {
        guard diagnoses.count >= 2, diagnoses[1].probability >= ParameterKey.suggestedTestRunnerUp.value,
            let first, let second
        else { return [] }
        let observed = Set(observations.map(\.item))
        struct Candidate {
            var item: ModelItem
            var first: Double
            var second: Double
            var gap: Double { abs(first - second) }
        }
        // A muscle on a branch already sampled adds little: neighbours on one branch are not
        // independent witnesses (gluteus minimus after gluteus medius and tensor fasciae latae).
        let sampledBranches = Set(
            observations.compactMap { observation -> BranchKey? in
                guard case .muscle(let muscle, let side) = observation.item else { return nil }
                return BranchKey(muscle, side)
            })
        var candidates: [Candidate] = []
        for item in candidateItems(sides: Side.allCases) where !observed.contains(item) {
            if case .muscle(let muscle, let side) = item, sampledBranches.contains(BranchKey(muscle, side)) { continue }
            let candidate = Candidate(
                item: item, first: model.probabilityAbnormal(item, under: first),
                second: model.probabilityAbnormal(item, under: second))
            if candidate.gap >= ParameterKey.suggestedTestGap.value { candidates.append(candidate) }
        }
        candidates.sort { $0.gap != $1.gap ? $0.gap > $1.gap : order($0.item) < order($1.item) }
        var tests: [SuggestedTest] = []
        var seen = Set<SameTest>()
        for candidate in candidates {
            guard seen.insert(SameTest(candidate.item)).inserted else { continue }
            tests.append(
                .separating(
                    candidate.item, separates: [diagnoses[0].code, diagnoses[1].code],
                    probabilityIfFirst: candidate.first, probabilityIfSecond: candidate.second,
                    basis: discriminator(candidate.item)))
            if tests.count == 3 { break }
        }
        return tests
    }

    /// The branch a muscle hangs on, per side; the paraspinals (dorsal rami) are one branch.
    private struct BranchKey: Hashable {
        var node: NerveNode?
        var side: Side

        init(_ muscle: Muscle, _ side: Side) {
            node = Anatomy.muscles[muscle]?.node ?? Anatomy.groups[muscle]?.first.flatMap { Anatomy.muscles[$0]?.node }
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
        case .muscle(let m, let s), .myopathic(let m, let s), .reinnervation(let m, let s): "needle EMG of the \(s.rawValue) \(Format.words(m.rawValue))"
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
