import EDXModel

/// A diagnosis as ranked: a code on a side.
struct DiagnosisKey: Hashable {
    var code: DiagnosisCode
    var side: Laterality
    /// For `outside-model`, the pattern: each pattern is a diagnosis of its own.
    var pattern: OutsidePattern? = nil

    init(code: DiagnosisCode, side: Laterality, pattern: OutsidePattern? = nil) {
        self.code = code
        self.side = side
        self.pattern = pattern
    }

    init(_ lesion: Lesion) {
        // An outside-model pattern is one diagnosis whatever its side (its side is reported apart).
        self.init(
            code: lesion.code, side: lesion.code == .outsideModel ? .bilateral : Laterality(lesion.side),
            pattern: lesion.pattern)
    }

    init(_ diagnosis: Diagnosis) {
        self.init(code: diagnosis.code, side: diagnosis.side, pattern: diagnosis.pattern)
    }
}

/// The marginal probability of each diagnosis (the total posterior of the hypotheses that contain
/// it) and the ranked differential (docs/localization.md §5.6, evidence §6.1).
struct Ranking {
    /// Marginal probability of each (code, side).
    var marginals: [DiagnosisKey: Double] = [:]
    /// The most probable hypothesis containing each (code, side).
    var representative: [DiagnosisKey: (hypothesis: Hypothesis, probability: Double)] = [:]
    /// The diagnoses shown, most probable first.
    var ranked: [(key: DiagnosisKey, probability: Double)] = []

    init(_ posterior: [(Hypothesis, Double)]) {
        for (hypothesis, p) in posterior {
            let keys =
                hypothesis.lesions.isEmpty
                ? [DiagnosisKey(code: .normalStudy, side: .bilateral)]
                : Array(Set(hypothesis.lesions.map(DiagnosisKey.init)))
            for key in keys {
                marginals[key, default: 0] += p
                if p > representative[key]?.probability ?? -1 { representative[key] = (hypothesis, p) }
            }
        }
        // Ties (a left and a right lesion of a symmetric study) break by code, then side, so that the
        // same study always gives the same order.
        ranked = marginals.sorted {
            if $0.value != $1.value { return $0.value > $1.value }
            if $0.key.code != $1.key.code { return $0.key.code.rawValue < $1.key.code.rawValue }
            if $0.key.side != $1.key.side { return $0.key.side.rawValue < $1.key.side.rawValue }
            return ($0.key.pattern?.rawValue ?? "") < ($1.key.pattern?.rawValue ?? "")
        }
        .filter { $0.value >= ParameterKey.reportedProbability.value }.prefix(6)
        .map { (key: $0.key, probability: $0.value) }
        // A focal lesion on a polyneuropathy answers the referral question: name it first when the
        // best explanation is the pair.
        if ranked.count >= 2, ranked[0].key.code == .polyneuropathy,
            let pair = representative[ranked[0].key]?.hypothesis, pair.lesions.count == 2,
            let focal = pair.lesions.first(where: { $0.code != .polyneuropathy }),
            let index = ranked.firstIndex(where: { $0.key == DiagnosisKey(focal) }),
            ranked[index].probability >= ParameterKey.focalOnPolyneuropathyFirst.value
        {
            ranked.insert(ranked.remove(at: index), at: 0)
        }
    }

    /// The most probable hypothesis that does not contain `key`: the closest alternative.
    static func competitor(of key: DiagnosisKey, in posterior: [(Hypothesis, Double)]) -> Hypothesis? {
        posterior.filter { h, _ in
            !(h.lesions.isEmpty
                ? key.code == .normalStudy
                : h.lesions.contains { DiagnosisKey($0) == key })
        }.max { $0.1 < $1.1 }?.0
    }

    /// The share of a diagnosis's probability held by hypotheses at the same site as `lesion`: the
    /// level is named only when this reaches ``ParameterKey/levelShare``.
    static func levelShare(of lesion: Lesion, probability: Double, in posterior: [(Hypothesis, Double)]) -> Double {
        posterior.filter { h, _ in h.lesions.contains { $0.site == lesion.site && $0.side == lesion.side } }
            .reduce(0.0) { $0 + $1.1 } / max(probability, 1e-12)
    }
}
