import EDXAnatomy
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

    /// Needle log-likelihoods count less where neighbouring muscles on one branch were sampled: they
    /// are not independent witnesses. A muscle alone on its branch (the only hand muscle, the anal
    /// sphincter, one muscle per nerve) is an independent witness and counts fully.
    static func weightDivisors(_ observations: [Observation]) -> [Double] {
        let branch = Anatomy.branch(of:)
        var sampled: [Side: [Anatomy.Branch: Int]] = [:]
        for observation in observations {
            if case .muscle(let muscle, let side) = observation.item {
                sampled[side, default: [:]][branch(muscle), default: 0] += 1
            }
        }
        return observations.map { observation in
            guard case .muscle(let muscle, let side) = observation.item else { return 1 }
            return (sampled[side]?[branch(muscle)] ?? 0) > 1 ? ParameterKey.needleTemperature.value : 1
        }
    }

    /// The log-likelihood of the observations under `hypothesis`, each with its weight (strength over
    /// divisor); `homologues` pairs each item with the other side's (``homologues(_:)``). Under a symmetric diffuse process (a polyneuropathy, a myopathy, a junction
    /// disorder) the two sides' homologous items are scored together: the process affects both legs
    /// alike, so concordant sides are likelier than independent draws would make them (S52, S155).
    func logLikelihood(
        _ hypothesis: Hypothesis, _ observations: [Observation], weights: [Double], homologues: [Int?]
    ) -> Double {
        guard let process = hypothesis.lesions.lazy.compactMap(\.diffuseProcess).first(where: \.isSymmetric) else {
            return zip(observations, weights).reduce(0.0) { $0 + $1.1 * log(probability(of: $1.0, under: hypothesis)) }
        }
        var sum = 0.0
        for (i, observation) in observations.enumerated() {
            guard let j = homologues[i] else {
                sum += weights[i] * log(probability(of: observation, under: hypothesis))
                continue
            }
            // Each pair once, from its left member.
            guard observation.item.side == .left else { continue }
            let joint = jointProbability(observation, observations[j], process: process, hypothesis: hypothesis)
            sum += (weights[i] + weights[j]) / 2 * log(joint)
        }
        return sum
    }

    /// For each observation, the index of the same item on the other side, when both were observed.
    /// Reinnervation is read conditionally on a neurogenic muscle and is always scored alone.
    static func homologues(_ observations: [Observation]) -> [Int?] {
        let index = Dictionary(
            observations.indices.map { (observations[$0].item, $0) }, uniquingKeysWith: { a, _ in a })
        return observations.map { observation in
            if case .reinnervation = observation.item { return nil }
            return index[observation.item.on(observation.item.side.opposite)]
        }
    }

    /// The probability of what a homologous pair showed, the diffuse process acting on both sides
    /// together with probability ``ParameterKey/symmetryCoupling`` and independently otherwise; the
    /// background and any focal lesion act on each side alone.
    private func jointProbability(
        _ left: Observation, _ right: Observation, process: DiffuseProcess, hypothesis: Hypothesis
    ) -> Double {
        let floor = ParameterKey.probabilityFloor.value
        let ceiling = ParameterKey.probabilityCeiling.value
        let p = model.involvement(left.item, by: Lesion(site: .diffuse(process), side: nil))
        // The other causes of each side: background and the hypothesis's other lesions.
        func others(_ item: ModelItem) -> Double {
            var normal = 1 - model.background(item)
            for lesion in hypothesis.lesions where lesion.diffuseProcess != process {
                normal *= 1 - model.involvement(item, by: lesion)
            }
            return 1 - normal
        }
        func seen(_ observation: Observation, affected: Bool) -> Double {
            let q = affected ? ceiling : min(ceiling, max(floor, others(observation.item)))
            return observation.abnormal ? q : 1 - q
        }
        let coupled =
            p * seen(left, affected: true) * seen(right, affected: true)
            + (1 - p) * seen(left, affected: false) * seen(right, affected: false)
        let independent = probability(of: left, under: hypothesis) * probability(of: right, under: hypothesis)
        let rho = ParameterKey.symmetryCoupling.value
        return max(floor * floor, rho * coupled + (1 - rho) * independent)
    }

    /// Each candidate with its posterior probability, in candidate order.
    func posterior(_ candidates: [Hypothesis], _ observations: [Observation]) -> [(Hypothesis, Double)] {
        let weights = zip(observations, Self.weightDivisors(observations)).map { $0.0.strength / $0.1 }
        let homologues = Self.homologues(observations)
        let scored = candidates.map { hypothesis -> (Hypothesis, Double) in
            let logLikelihood = logLikelihood(hypothesis, observations, weights: weights, homologues: homologues)
            return (hypothesis, log(hypothesis.prior) + logLikelihood)
        }
        let top = scored.map(\.1).max() ?? 0
        let total = scored.reduce(0.0) { $0 + exp($1.1 - top) }
        return scored.map { ($0.0, exp($0.1 - top) / total) }
    }
}
