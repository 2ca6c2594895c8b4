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

/// One value of a study's distal site: its measure, value, unit, and the key of its lab limit.
typealias DistalValue = (measure: Measure, value: Double?, unit: String, labKey: String)

extension Context {
    /// Classifies the values of a study's distal site. With no response, only the amplitude is
    /// recorded (absent); the other values of an absent response are not values.
    mutating func classifyDistal(
        _ values: [DistalValue], study: StudyKey, nerve: Nerve?, side: Side, place: MeasurementPlace,
        noResponse: Bool, labLimits: [String: LabLimit], source: SourceLocation,
        abnormalNotes: (Measure) -> [FindingNote] = { _ in [] }
    ) {
        for (measure, value, unit, labKey) in values {
            if measure != .amplitude && noResponse { continue }
            classify(
                MeasuredValue(
                    study: study, nerve: nerve, side: side, place: place, measure: measure,
                    value: noResponse ? nil : value, noResponse: noResponse && measure == .amplitude, unit: unit,
                    lab: labLimits[labKey], source: source, reference: study.reference,
                    abnormalNotes: abnormalNotes(measure)))
        }
    }

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
        let correction = temperatureCorrection(measured, limit: used)
        let judged = correction?.correctedValue ?? measured.value
        let classification: Classification
        var percent: Double?
        if measured.noResponse {
            classification = .absent
            percent = used != nil ? 0 : nil
        } else if let value = judged, let used {
            classification = Self.classify(value, against: used)
            percent = used.value != 0 ? value / used.value * 100 : nil
        } else {
            classification = .unclassified
            notes.append(measured.reference == nil ? .noPublishedReference : .noPublishedLimitForMeasure)
        }
        if classification.isAbnormal { notes += measured.abnormalNotes }
        // Slowing that the correction removes has no localizing weight; a late response has no published
        // correction, so in a cool limb any prolongation may be thermal.
        let temperatureRelated =
            correction.map { $0.uncorrected.isAbnormal && !classification.isAbnormal }
            ?? (measure.isLateResponse && classification.isAbnormal && isCool(measured.side))
        if temperatureRelated { notes.append(.warmingCouldExplain) }
        findings.measurements.append(
            MeasurementFinding(
                id: .measurement(measured.study, measured.side, measured.place, measure), side: measured.side,
                study: measured.study, referenceStudy: measured.reference, nerve: measured.nerve, site: measured.place,
                measure: measure, value: measured.noResponse ? nil : measured.value, unit: measured.unit,
                classification: classification, limit: used, alternativeLimit: alternative, percentOfLimit: percent,
                temperatureCorrection: correction, possiblyTemperatureRelated: temperatureRelated, notes: notes,
                source: measured.source))
    }

    static func classify(_ value: Double, against limit: AppliedLimit) -> Classification {
        let inside = limit.bound == .lower ? value >= limit.value : value <= limit.value
        return inside ? .normal : (limit.bound == .lower ? .low : .high)
    }

    /// The correction of a latency or velocity of a cool limb to the reference temperature: the
    /// reference study's own minimum, else the cool-limb threshold (evidence §2; S31, S33, S34).
    /// Amplitudes are never corrected, and neither are late responses (no factor is published).
    func temperatureCorrection(_ measured: MeasuredValue, limit: AppliedLimit?) -> TemperatureCorrection? {
        guard let value = measured.value, !measured.noResponse, isCool(measured.side),
            let celsius = covariates.temperature(measured.side)
        else { return nil }
        let perDegree: Double
        let sign: Double
        switch measured.measure {
        case .distalLatency, .onsetLatency, .peakLatency:
            (perDegree, sign) = (Criteria.latencyPerDegree.value, -1)
        case .legVelocity, .acrossFibularHeadVelocity:
            (perDegree, sign) = (Criteria.motorVelocityPerDegree.value, 1)
        case .sensoryVelocity:
            (perDegree, sign) = (Criteria.sensoryVelocityPerDegree.value, 1)
        default:
            return nil
        }
        let reference = measured.reference?.technique.minimumTemperatureC ?? Criteria.coolFoot.value
        let degrees = reference - celsius
        guard degrees > 0 else { return nil }
        let corrected = ((value + sign * perDegree * degrees) * 100).rounded() / 100
        return TemperatureCorrection(
            celsius: celsius, referenceC: reference, perDegree: perDegree, correctedValue: corrected,
            uncorrected: limit.map { Self.classify(value, against: $0) } ?? .unclassified)
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

    /// The drop from `reference` to `value`, % of `reference`, rounded to 0.01 % so that values exactly at
    /// a threshold compare as equal rather than by binary rounding error.
    static func percentChange(_ value: Double, from reference: Double) -> Double {
        ((1 - value / reference) * 10_000).rounded() / 100
    }
}
