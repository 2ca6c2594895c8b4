import EDXModel

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The posterior of every hypothesis given the observations (docs/localization.md §5.5).
///
/// Each observation contributes the log of the probability the hypothesis gives to what was seen,
/// times the observation's strength; needle observations are divided by a temperature because
/// neighbouring muscles are not independent witnesses; posteriors are normalised over the
/// hypotheses with their priors.
struct Scoring {
    var model: Model

    /// The probability `hypothesis` gives to what `observation` saw.
    func probability(of observation: Observation, under hypothesis: Hypothesis) -> Double {
        let p = model.probabilityAbnormal(observation.item, under: hypothesis)
        return observation.abnormal ? p : 1 - p
    }

    /// Needle log-likelihoods count less: muscles on one branch are correlated.
    static func weightDivisor(_ observation: Observation) -> Double {
        if case .muscle = observation.item { return ParameterKey.needleTemperature.value }
        return 1
    }

    /// Each candidate with its posterior probability, in candidate order.
    func posterior(_ candidates: [Hypothesis], _ observations: [Observation]) -> [(Hypothesis, Double)] {
        let scored = candidates.map { hypothesis -> (Hypothesis, Double) in
            let logLikelihood = observations.reduce(0.0) { sum, o in
                sum + o.strength * log(probability(of: o, under: hypothesis)) / Self.weightDivisor(o)
            }
            return (hypothesis, log(hypothesis.prior) + logLikelihood)
        }
        let top = scored.map(\.1).max() ?? 0
        let total = scored.reduce(0.0) { $0 + exp($1.1 - top) }
        return scored.map { ($0.0, exp($0.1 - top) / total) }
    }
}
