public import EDXModel
public import EDXReference

/// Everything edx concludes from one study before localization: each measurement against its limit,
/// side-to-side comparisons, the pathophysiology of each nerve, and the needle findings of each muscle.
/// Every item has a stable `id` that the localization cites as evidence.
public struct StudyFindings: Codable, Sendable, Hashable {
    public var studyID: String
    public var covariates: Covariates
    /// Technical notes: limb temperature, missing covariates, which limits were used.
    public var technical: [TechnicalNote]
    public var measurements: [MeasurementFinding]
    public var comparisons: [SideComparison]
    public var nerves: [NerveFinding]
    public var muscles: [MuscleFinding]

    /// The finding with this id, of any kind, as a one-line statement.
    public func statement(for id: String) -> String? {
        if let m = measurements.first(where: { $0.id == id }) { return m.summary }
        if let c = comparisons.first(where: { $0.id == id }) { return c.summary }
        if let n = nerves.first(where: { $0.id == id }) { return n.summary }
        if let m = muscles.first(where: { $0.id == id }) { return m.summary }
        return technical.first { $0.id == id }?.message
    }
}

/// The patient covariates the limits depend on, and what was assumed when one was missing.
public struct Covariates: Codable, Sendable, Hashable {
    public var ageYears: Double?
    public var heightCm: Double?
    public var symptomDurationDays: Double?
    /// Limb temperature used for each side, °C.
    public var temperatureLeftC: Double?
    public var temperatureRightC: Double?

    public func temperature(_ side: Side) -> Double? { side == .left ? temperatureLeftC : temperatureRightC }
}

/// A note about how the study could be interpreted.
public struct TechnicalNote: Codable, Sendable, Hashable {
    public enum Kind: String, Codable, Sendable, Hashable {
        case coolLimb = "cool-limb"
        case temperatureMissing = "temperature-missing"
        case covariateMissing = "covariate-missing"
        case tooEarlyForAxonLoss = "too-early-for-axon-loss"
        case limitsUsed = "limits-used"
    }

    public var id: String
    public var kind: Kind
    public var side: Side?
    public var message: String
    public var citation: Citation?
}

/// Which limit wins when the export carries the lab's own.
public enum LimitPreference: String, Codable, Sendable, Hashable, CaseIterable {
    /// The lab's limits where the export has them, else the published ones (the default).
    case lab
    /// Always the published limits; the lab's are shown beside them.
    case published
}

/// A limit applied to a value: the lab's (as exported) or a published one (with its source).
public struct AppliedLimit: Codable, Sendable, Hashable {
    public enum Origin: String, Codable, Sendable, Hashable { case lab, published }

    public var origin: Origin
    public var bound: Bound
    public var value: Double
    public var unit: String
    /// The covariate band of a published limit.
    public var band: String?
    /// The lab's text as exported, or the source of a published limit.
    public var label: String
    public var citation: Citation?
    public var assumptions: [String]

    /// `>= 1.1 mV` or `<= 6.5 ms`.
    public var text: String {
        "\(bound == .lower ? ">=" : "<=") \(Format.number(value)) \(unit)"
    }
}

/// Normal, or abnormal with its direction.
public enum Classification: String, Codable, Sendable, Hashable {
    case normal
    /// Below the lower limit.
    case low
    /// Above the upper limit.
    case high
    /// No response: amplitude 0, a finding.
    case absent
    /// No limit is available (lab or published): reported, not classified.
    case unclassified

    public var isAbnormal: Bool { self == .low || self == .high || self == .absent }
}

/// One measured value against its limit.
public struct MeasurementFinding: Codable, Sendable, Hashable {
    public var id: String
    public var side: Side
    /// The study, as a readable key (`peroneal-motor-edb`, `sural-sensory` …).
    public var study: String
    public var referenceStudy: ReferenceStudy?
    public var nerve: Nerve?
    /// The stimulation site or segment (`ankle`, `below-fibular-head to ankle`).
    public var site: String
    public var measure: Measure
    /// The value, or nil when there was no response.
    public var value: Double?
    public var unit: String
    public var classification: Classification
    public var limit: AppliedLimit?
    /// The other limit, shown beside the one used (the published one when the lab's won, and so on).
    public var alternativeLimit: AppliedLimit?
    /// The value as a percentage of the limit used (e.g. 64 means 64 % of the lower limit).
    public var percentOfLimit: Double?
    /// Cool limb and a latency or velocity abnormality small enough for warming to explain.
    public var possiblyTemperatureRelated: Bool
    public var notes: [String]
    public var summary: String
    public var source: SourceLocation
}

/// A left-right comparison with a published asymmetry limit.
public struct SideComparison: Codable, Sendable, Hashable {
    public var id: String
    public var study: String
    public var measure: Measure
    public var left: Double
    public var right: Double
    /// The difference (ms, m/s) or the drop of the smaller side (% of the larger).
    public var difference: Double
    public var unit: String
    public var limit: AppliedLimit
    public var abnormal: Bool
    /// The side that is worse (smaller, slower or later).
    public var worseSide: Side
    public var summary: String
}

/// A conclusion about one nerve study: its pathophysiology.
public struct NerveFinding: Codable, Sendable, Hashable {
    public enum Kind: String, Codable, Sendable, Hashable {
        case axonLoss = "axon-loss"
        case conductionBlock = "conduction-block"
        case possibleConductionBlock = "possible-conduction-block"
        case temporalDispersion = "temporal-dispersion"
        case focalSlowing = "focal-slowing"
        case demyelinatingSlowing = "demyelinating-range-slowing"
        case slowing
        case accessoryDeepPeroneal = "accessory-deep-peroneal"
        case physiologicalProximalDrop = "physiological-proximal-drop"

        public var isAbnormal: Bool {
            switch self {
            case .accessoryDeepPeroneal, .physiologicalProximalDrop: false
            default: true
            }
        }
    }

    public var id: String
    public var kind: Kind
    public var side: Side
    public var study: String
    public var referenceStudy: ReferenceStudy?
    public var nerve: Nerve?
    /// Motor or sensory.
    public var fibres: Fibres
    /// The segment, for block, dispersion and slowing (`below-fibular-head to above-fibular-head`).
    public var segment: String?
    /// `definite`, `probable`, or a severity (`mild`, `moderate`, `severe`).
    public var grade: String?
    /// The numbers behind the call (`amplitudeDropPercent`, `percentOfContralateral` …).
    public var values: [String: Double]
    public var possiblyTemperatureRelated: Bool
    public var summary: String
    /// Ids of the measurements and comparisons the call rests on.
    public var basis: [String]
    public var citation: Citation?
    public var caveats: [String]

    public enum Fibres: String, Codable, Sendable, Hashable { case motor, sensory }
}

/// The acuity of a muscle's denervation, in the terms referrers understand (§4.2, S69).
public enum Acuity: String, Codable, Sendable, Hashable, CaseIterable {
    /// Fibrillations or positive waves with normal MUAP morphology.
    case acute
    /// Fibrillations or positive waves and reinnervated MUAPs.
    case subacuteOrChronicActive = "subacute-or-chronic-active"
    /// Reinnervated MUAPs without fibrillations.
    case chronicInactive = "chronic-inactive"
    /// No denervation yet, and too soon after onset for it to show.
    case tooEarly = "too-early"
}

/// The needle examination of one muscle, interpreted.
public struct MuscleFinding: Codable, Sendable, Hashable {
    public var id: String
    public var muscle: Muscle?
    public var label: String
    public var side: Side
    /// The larger of the fibrillation and positive-wave grades (nil when neither was recorded).
    public var denervation: SpontaneousGrade?
    /// Fibrillations or positive waves of 1+ or more.
    public var activeDenervation: Bool
    /// Long-duration or high-amplitude MUAPs (polyphasia alone does not count).
    public var reinnervation: Bool
    public var reinnervationFeatures: [String]
    public var recruitment: Recruitment?
    /// Small, short MUAPs or early recruitment: a myopathic pattern, outside the neurogenic model.
    public var myopathicFeatures: Bool
    /// Any neurogenic abnormality (denervation, reinnervation or reduced recruitment).
    public var neurogenic: Bool
    public var acuity: Acuity?
    /// Days after onset by which fibrillations are expected in this muscle.
    public var fibrillationOnsetDays: Double
    public var notes: [String]
    public var summary: String
    public var source: SourceLocation
}
