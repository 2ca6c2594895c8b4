public import EDXModel
public import EDXReference

/// Everything edx concludes from one study before localization: each measurement against its limit,
/// side-to-side comparisons, the pathophysiology of each nerve, and the needle findings of each muscle.
///
/// Findings are facts with typed parts and a stable ``FindingID``; the sentences that describe them
/// are written by the report layer (EDXReport), never here.
public struct StudyFindings: Encodable, Sendable, Hashable {
    public var studyID: String
    public var covariates: Covariates
    /// Technical notes: limb temperature, missing covariates, which limits were used.
    public var technical: [TechnicalNote]
    public var measurements: [MeasurementFinding]
    public var comparisons: [SideComparison]
    public var nerves: [NerveFinding]
    public var muscles: [MuscleFinding]

    public init(studyID: String, covariates: Covariates) {
        self.studyID = studyID
        self.covariates = covariates
        technical = []
        measurements = []
        comparisons = []
        nerves = []
        muscles = []
    }

    public func measurement(_ id: FindingID) -> MeasurementFinding? { measurements.first { $0.id == id } }
    public func comparison(_ id: FindingID) -> SideComparison? { comparisons.first { $0.id == id } }
    public func nerve(_ id: FindingID) -> NerveFinding? { nerves.first { $0.id == id } }
    public func muscle(_ id: FindingID) -> MuscleFinding? { muscles.first { $0.id == id } }
}

/// The patient covariates the limits depend on.
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

    /// What the note is about: the last part of its id.
    public enum Topic: String, Codable, Sendable, Hashable {
        case ageMissing = "age-missing"
        case heightMissing = "height-missing"
        case durationMissing = "duration-missing"
        case tooEarlyForAxonLoss = "too-early-for-axon-loss"
        case temperatureMissing = "temperature-missing"
        case coolLimb = "cool-limb"
        case limits

        public var kind: Kind {
            switch self {
            case .ageMissing, .heightMissing, .durationMissing: .covariateMissing
            case .tooEarlyForAxonLoss: .tooEarlyForAxonLoss
            case .temperatureMissing: .temperatureMissing
            case .coolLimb: .coolLimb
            case .limits: .limitsUsed
            }
        }
    }

    /// How many values were judged by which limits (the `limits` note).
    public struct LimitsUsed: Codable, Sendable, Hashable {
        public var preference: LimitPreference
        public var lab: Int
        public var published: Int
        public var unclassified: Int
    }

    public var id: FindingID
    public var kind: Kind
    public var topic: Topic
    public var side: Side?
    /// The limb temperature of a cool limb, °C.
    public var celsius: Double?
    /// Days from onset to study, for a study too early for axon loss.
    public var days: Double?
    public var limitsUsed: LimitsUsed?
    public var citation: Citation?

    public init(
        _ topic: Topic, side: Side? = nil, celsius: Double? = nil, days: Double? = nil, limitsUsed: LimitsUsed? = nil,
        citation: Citation? = nil
    ) {
        id = .technical(topic, side: side)
        kind = topic.kind
        self.topic = topic
        self.side = side
        self.celsius = celsius
        self.days = days
        self.limitsUsed = limitsUsed
        self.citation = citation
    }
}

/// Which limit wins when the export carries the lab's own.
public enum LimitPreference: String, Codable, Sendable, Hashable, CaseIterable {
    /// The lab's limits where the export has them, else the published ones (the default).
    case lab
    /// Always the published limits; the lab's are shown beside them.
    case published
}

/// A limit applied to a value: the lab's (as exported) or a published one (with its source).
public struct AppliedLimit: Encodable, Sendable, Hashable {
    public enum Origin: String, Codable, Sendable, Hashable { case lab, published }

    public var origin: Origin
    public var bound: Bound
    public var value: Double
    public var unit: String
    /// The covariate band of a published limit.
    public var band: String?
    /// The lab's text as exported (`lab limit >2.0`), or the source of a published limit.
    public var label: String
    public var citation: Citation?
    public var assumptions: [LimitAssumption]

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
public struct MeasurementFinding: Encodable, Sendable, Hashable {
    public var id: FindingID
    public var side: Side
    public var study: StudyKey
    public var referenceStudy: ReferenceStudy?
    public var nerve: Nerve?
    /// The stimulation site, segment or late response.
    public var site: MeasurementPlace
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
    /// A latency or velocity of a cool limb, corrected to the reference temperature: the corrected
    /// value is the one classified.
    public var temperatureCorrection: TemperatureCorrection?
    /// Abnormal before the temperature correction and normal after it (or, for a late response, which
    /// has no published correction, abnormal in a cool limb).
    public var possiblyTemperatureRelated: Bool
    public var notes: [FindingNote]
    public var source: SourceLocation
}

/// The correction of a latency or velocity measured in a cool limb (evidence §2).
public struct TemperatureCorrection: Codable, Sendable, Hashable {
    /// The limb temperature, °C.
    public var celsius: Double
    /// The temperature corrected to: the reference study's minimum, or the cool-limb threshold.
    public var referenceC: Double
    /// ms or m/s per °C.
    public var perDegree: Double
    /// The value corrected to the reference temperature; `MeasurementFinding.value` stays as measured.
    public var correctedValue: Double
    /// How the value as measured would have been classified.
    public var uncorrected: Classification
}

/// A left-right comparison with a published asymmetry limit.
public struct SideComparison: Encodable, Sendable, Hashable {
    public var id: FindingID
    public var study: StudyKey
    /// The place compared (the same on both sides).
    public var site: MeasurementPlace
    /// The measure of the values compared (`amplitude`, `distal-latency` …).
    public var valueMeasure: Measure
    /// The comparison's own measure: `amplitude-drop`, `latency-difference`, `velocity-difference`.
    public var measure: Measure
    public var left: Double
    public var right: Double
    /// The recorded values, nil where there was no response.
    public var leftValue: Double?
    public var rightValue: Double?
    /// The unit of the values compared.
    public var valueUnit: String
    /// The difference (ms, m/s) or the drop of the smaller side (% of the larger).
    public var difference: Double
    public var unit: String
    public var limit: AppliedLimit
    public var abnormal: Bool
    /// The side that is worse (smaller, slower or later).
    public var worseSide: Side
}

/// Where along a nerve a nerve finding lies.
public enum NerveLocation: Hashable, Sendable, Codable {
    /// Between two stimulation sites.
    case segment(SegmentKey)
    /// Across the fibular head (focal slowing, judged from two segments).
    case acrossFibularHead
    /// Where a slow value was measured: a site (distal latency) or a segment (velocity).
    case at(MeasurementPlace)
    /// The distal CMAP.
    case distal
    /// The proximal nerve and roots, tested by a late response.
    case proximal

    /// The stimulation segment, when the finding is about one.
    public var segment: SegmentKey? {
        if case .segment(let segment) = self { return segment }
        return nil
    }
}

/// A grade of a nerve finding: the severity of axon loss, or the certainty of a block.
public enum NerveGrade: Hashable, Sendable, Codable, CustomStringConvertible {
    case severity(Severity)
    case block(BlockCertainty)

    public var description: String {
        switch self {
        case .severity(let severity): severity.rawValue
        case .block(let certainty): certainty.rawValue
        }
    }

    public var severity: Severity? {
        if case .severity(let severity) = self { return severity }
        return nil
    }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        if let severity = Severity(rawValue: text) {
            self = .severity(severity)
        } else if let certainty = BlockCertainty(rawValue: text) {
            self = .block(certainty)
        } else {
            throw DecodingError.dataCorrupted(
                DecodingError.Context(codingPath: decoder.codingPath, debugDescription: "unknown grade \(text)"))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}

/// The numbers behind a nerve finding; each is present only where the rule used it.
public struct NerveValues: Codable, Sendable, Hashable {
    /// Distal amplitude (mV or µV).
    public var amplitude: Double?
    public var percentOfLowerLimit: Double?
    public var percentOfContralateral: Double?
    public var distalAmplitude: Double?
    public var proximalAmplitude: Double?
    public var amplitudeDropPercent: Double?
    public var areaDropPercent: Double?
    public var durationIncreasePercent: Double?
    /// The other side's drop over the same segment, %.
    public var contralateralDropPercent: Double?
    public var acrossFibularHeadVelocity: Double?
    public var legVelocity: Double?
    /// How much slower the across-fibular-head segment is than the leg segment, m/s.
    public var slowingMS: Double?
    /// A slow value and its percentage of the limit.
    public var value: Double?
    public var percentOfLimit: Double?
    /// Distal CMAP duration, ms.
    public var duration: Double?
    /// Late-response latency, ms.
    public var latency: Double?
    /// Side-to-side latency difference, ms.
    public var difference: Double?

    public init() {}
}

/// A conclusion about one nerve study: its pathophysiology.
public struct NerveFinding: Encodable, Sendable, Hashable {
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

    public enum Fibres: String, Codable, Sendable, Hashable { case motor, sensory }

    public var id: FindingID
    public var kind: Kind
    public var side: Side
    public var study: StudyKey
    public var referenceStudy: ReferenceStudy?
    public var nerve: Nerve?
    /// Motor or sensory.
    public var fibres: Fibres
    /// Where along the nerve: a segment for block and dispersion, the place of a slow value.
    public var location: NerveLocation?
    public var grade: NerveGrade?
    /// The numbers behind the call.
    public var values: NerveValues
    public var possiblyTemperatureRelated: Bool
    /// Ids of the measurements and comparisons the call rests on.
    public var basis: [FindingID]
    public var citation: Citation?
    public var caveats: [FindingNote]
    /// A motor study with no response at any stimulation site.
    public var noResponseAtAnySite = false
}

/// The acuity of a muscle's denervation, in the terms referrers understand (evidence §4.2, S69).
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

/// A feature of a motor unit potential that marks reinnervation (or, alone, hints at it).
public enum MUAPFeature: String, Codable, Sendable, Hashable, CaseIterable {
    case longDuration = "long-duration"
    case highAmplitude = "high-amplitude"
    case polyphasic
}

/// The needle examination of one muscle, interpreted.
public struct MuscleFinding: Encodable, Sendable, Hashable {
    public var id: FindingID
    public var muscle: Muscle?
    public var label: String
    public var side: Side
    /// The larger of the fibrillation and positive-wave grades (nil when neither was recorded).
    public var denervation: SpontaneousGrade?
    /// Fibrillations or positive waves of 1+ or more.
    public var activeDenervation: Bool
    /// Long-duration or high-amplitude MUAPs (polyphasia alone does not count).
    public var reinnervation: Bool
    public var reinnervationFeatures: [MUAPFeature]
    public var recruitment: Recruitment?
    /// Small, short MUAPs or early recruitment: a myopathic pattern, outside the neurogenic model.
    public var myopathicFeatures: Bool
    /// Any neurogenic abnormality (denervation, reinnervation or reduced recruitment).
    public var neurogenic: Bool
    public var acuity: Acuity?
    /// Days after onset by which fibrillations are expected in this muscle.
    public var fibrillationOnsetDays: Double
    /// Studied before fibrillations are expected in this muscle.
    public var beforeFibrillationOnset: Bool
    public var notes: [FindingNote]
    public var source: SourceLocation
}
