#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The evidence for and against a diagnosis: how each observation moves the odds of the diagnosis's
/// best hypothesis against the closest alternative (docs/localization.md §6.2).
struct EvidenceWeighing {
    var scoring: Scoring

    func lists(
        _ observations: [Observation], hypothesis: Hypothesis, competitor: Hypothesis
    ) -> EvidenceLists {
        let threshold = ParameterKey.evidenceWeight.value
        var support: [EvidenceItem] = []
        var against: [EvidenceItem] = []
        for observation in observations {
            let here = scoring.probability(of: observation, under: hypothesis)
            let there = scoring.probability(of: observation, under: competitor)
            let weight = observation.strength * (log(here) - log(there))
            guard let finding = observation.findingIDs.first else { continue }
            let entry = EvidenceItem(
                finding: finding, statement: observation.statement, weight: (weight * 100).rounded() / 100)
            if weight > threshold {
                support.append(entry)
            } else if weight < -threshold {
                against.append(entry)
            } else if observation.abnormal, here < ParameterKey.unexplainedAbnormal.value {
                // An abnormality this hypothesis does not explain (and the alternative does not either):
                // against it, but no help in telling the two apart.
                var unexplained = entry
                unexplained.discriminating = false
                against.append(unexplained)
            }
        }
        support.sort { $0.weight != $1.weight ? $0.weight > $1.weight : $0.finding < $1.finding }
        against.sort { $0.weight != $1.weight ? $0.weight < $1.weight : $0.finding < $1.finding }
        return EvidenceLists(for: Array(support.prefix(10)), against: Array(against.prefix(8)))
    }
}
