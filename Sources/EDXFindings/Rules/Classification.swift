import EDXModel
public import EDXReference

extension Measure {
    /// The side of the limit that is normal for this measure.
    var naturalBound: Bound {
        switch self {
        case .amplitude, .legVelocity, .acrossFibularHeadVelocity, .sensoryVelocity: .lower
        default: .upper
        }
    }

    public var isLatency: Bool {
        switch self {
        case .distalLatency, .onsetLatency, .peakLatency: true
        default: false
        }
    }

    public var isVelocity: Bool {
        switch self {
        case .legVelocity, .acrossFibularHeadVelocity, .sensoryVelocity: true
        default: false
        }
    }

    public var isLateResponse: Bool { self == .fMinimumLatency || self == .hLatency }
}

/// One value to classify, with where it was measured.
struct MeasuredValue {
    var study: StudyKey
    var nerve: Nerve?
    var side: Side
    var place: MeasurementPlace
    var measure: Measure
    /// Nil for no response, or when the value was not recorded.
    var value: Double?
    /// No response: a finding (amplitude 0), not missing data.
    var noResponse: Bool
    var unit: String
    var lab: LabLimit?
    var source: SourceLocation
    /// The published table to judge by; a segment that is not the standard one has none.
    var reference: ReferenceStudy?
    /// Notes every finding of this value carries.
    var notes: [FindingNote] = []
    /// Notes added only when the value is abnormal.
    var abnormalNotes: [FindingNote] = []
}

extension Context {
    /// Classifies one value against the lab's or the published limit and records the finding.
    mutating func classify(_ measured: MeasuredValue) {
        guard measured.value != nil || measured.noResponse else { return }
        let measure = measured.measure
        let published = measured.reference.flatMap {
            ReferenceValues.limit($0, measure, ageYears: covariates.ageYears, heightCm: covariates.heightCm)
        }.map { reference in
            AppliedLimit(
                origin: .published, bound: reference.bound, value: reference.value, unit: reference.unit,
                band: reference.band, label: reference.citation.description, citation: reference.citation,
                assumptions: reference.assumptions)
        }
        let labLimit =
            measured.lab.flatMap { Self.applied(lab: $0, measure: measure, unit: measured.unit) }
            ?? profileLimit(for: measured)
        let (used, alternative): (AppliedLimit?, AppliedLimit?) =
            switch preference {
            case .lab: labLimit != nil ? (labLimit, published) : (published, nil)
            case .published: published != nil ? (published, labLimit) : (labLimit, nil)
            }
        var notes = measured.notes
        if let used { notes += used.assumptions.map(FindingNote.limitAssumption) }
        let classification: Classification
        var percent: Double?
        if measured.noResponse {
            classification = .absent
            percent = used != nil ? 0 : nil
        } else if let value = measured.value, let used {
            let inside = used.bound == .lower ? value >= used.value : value <= used.value
            classification = inside ? .normal : (used.bound == .lower ? .low : .high)
            percent = used.value != 0 ? value / used.value * 100 : nil
        } else {
            classification = .unclassified
            notes.append(measured.reference == nil ? .noPublishedReference : .noPublishedLimitForMeasure)
        }
        if classification.isAbnormal { notes += measured.abnormalNotes }
        let temperatureRelated = possiblyTemperatureRelated(
            side: measured.side, measure: measure, value: measured.value, classification: classification, limit: used)
        if temperatureRelated { notes.append(.warmingCouldExplain) }
        findings.measurements.append(
            MeasurementFinding(
                id: .measurement(measured.study, measured.side, measured.place, measure), side: measured.side,
                study: measured.study, referenceStudy: measured.reference, nerve: measured.nerve, site: measured.place,
                measure: measure, value: measured.noResponse ? nil : measured.value, unit: measured.unit,
                classification: classification, limit: used, alternativeLimit: alternative, percentOfLimit: percent,
                possiblyTemperatureRelated: temperatureRelated, notes: notes, source: measured.source))
    }

    /// The lab's limit as an applied limit, on the side that is natural for the measure.
    static func applied(lab: LabLimit, measure: Measure, unit: String) -> AppliedLimit? {
        let bound: Bound
        let value: Double
        switch (measure.naturalBound, lab.lower, lab.upper) {
        case (.lower, let lower?, _):
            (bound, value) = (.lower, lower)
        case (.upper, _, let upper?):
            (bound, value) = (.upper, upper)
        case (_, let lower?, nil):
            (bound, value) = (.lower, lower)
        case (_, nil, let upper?):
            (bound, value) = (.upper, upper)
        default:
            return nil
        }
        return AppliedLimit(
            origin: .lab, bound: bound, value: value, unit: unit, band: nil, label: "lab limit \(lab.text)",
            citation: nil, assumptions: [])
    }

    /// Whether warming a cool limb could explain an abnormal latency or velocity (evidence §2).
    func possiblyTemperatureRelated(
        side: Side, measure: Measure, value: Double?, classification: Classification, limit: AppliedLimit?
    ) -> Bool {
        guard classification == .low || classification == .high, isCool(side),
            let celsius = covariates.temperature(side), let value, let limit
        else { return false }
        let degrees = Criteria.normalLegSkinTemperature.value - celsius
        if measure.isLatency {
            return value - limit.value <= degrees * Criteria.latencyPerDegree.value
        }
        if measure.isVelocity {
            return limit.value - value <= degrees * Criteria.velocityPerDegree.value
        }
        // No correction factor is published for late responses: any prolongation in a cool limb may be thermal.
        return measure.isLateResponse
    }

    /// The drop from `reference` to `value`, % of `reference`, rounded to 0.01 % so that values exactly at
    /// a threshold compare as equal rather than by binary rounding error.
    static func percentChange(_ value: Double, from reference: Double) -> Double {
        ((1 - value / reference) * 10_000).rounded() / 100
    }
}
