/// How severe a lesion, or one nerve's axon loss, is: the grading scheme of docs/evidence.md §7.2
/// [P], shared by the findings (axon loss of a nerve) and the localization (the lesion as a whole).
public enum Severity: String, Codable, Sendable, Hashable, CaseIterable, Comparable {
    case mild, moderate, severe, complete

    public static func < (a: Severity, b: Severity) -> Bool { a.rank < b.rank }

    private var rank: Int {
        switch self {
        case .mild: 0
        case .moderate: 1
        case .severe: 2
        case .complete: 3
        }
    }

    /// The grade of a distal amplitude from how much of its reference remains (evidence §7.2, S47):
    /// absent or below ``Criteria/severitySevere`` % is severe; below ``Criteria/severityMild`` %, or
    /// below the lower limit, moderate; otherwise mild.
    ///
    /// - Parameters:
    ///   - percent: the amplitude as % of the other side (or, without one, of the lower limit); nil
    ///     when neither is known.
    ///   - belowLowerLimit: the amplitude is below its lower limit of normal.
    ///   - absent: there was no response.
    public static func ofAmplitude(percent: Double?, belowLowerLimit: Bool, absent: Bool) -> Severity {
        if absent { return .severe }
        if let percent, percent < Criteria.severitySevere.value { return .severe }
        if let percent, percent < Criteria.severityMild.value { return .moderate }
        return belowLowerLimit ? .moderate : .mild
    }
}

/// How certain a conduction block is (EFNS/PNS 2010, S39; tibial, S8).
public enum BlockCertainty: String, Codable, Sendable, Hashable, CaseIterable {
    /// A drop of at least ``Criteria/definiteBlock`` %.
    case definite
    /// A drop beyond the normal limit but below the definite threshold.
    case probable
    /// Tibial: beyond the physiological drop and asymmetric, never called on amplitude alone.
    case possible
}
