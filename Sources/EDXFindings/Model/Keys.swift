public import EDXModel
public import EDXReference

/// A stimulation site as findings name it: the canonical site, or the export's own label (as a
/// slug) when it was not recognised.
public enum SiteKey: Hashable, Sendable, Codable, CustomStringConvertible {
    case canonical(StimulationSite)
    /// The exported label, lower-cased, every run of other characters turned into one hyphen.
    case label(String)

    public init(_ site: StimulationSite?, label: String) {
        self = site.map(SiteKey.canonical) ?? .label(Slug.make(label))
    }

    public init(_ site: MotorSite) { self.init(site.site, label: site.siteLabel) }
    public init(_ site: SensorySite) { self.init(site.site, label: site.siteLabel) }

    /// The canonical site, when the label was recognised.
    public var site: StimulationSite? {
        if case .canonical(let site) = self { return site }
        return nil
    }

    /// `below-fibular-head`, or the label's slug.
    public var description: String {
        switch self {
        case .canonical(let site): site.rawValue
        case .label(let slug): slug
        }
    }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        self = StimulationSite(rawValue: text).map(SiteKey.canonical) ?? .label(text)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}

/// A nerve segment between two stimulation sites, distal site first.
public struct SegmentKey: Hashable, Sendable, Codable, CustomStringConvertible {
    public var from: SiteKey
    public var to: SiteKey

    public init(from: SiteKey, to: SiteKey) {
        self.from = from
        self.to = to
    }

    public init(_ segment: Segment) {
        self.init(
            from: SiteKey(segment.from, label: segment.fromLabel), to: SiteKey(segment.to, label: segment.toLabel))
    }

    /// The segment from below to above the fibular head, the one that shows a lesion there.
    public static let acrossFibularHead = SegmentKey(
        from: .canonical(.belowFibularHead), to: .canonical(.aboveFibularHead))

    /// Whether the segment joins `a` and `b`, in either direction.
    public func joins(_ a: StimulationSite, _ b: StimulationSite) -> Bool {
        Set([from.site, to.site].compactMap { $0 }) == [a, b] && a != b
    }

    /// `below-fibular-head-to-ankle`.
    public var description: String { "\(from)-to-\(to)" }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let segment = SegmentKey.parse(text) else {
            throw DecodingError.dataCorrupted(
                DecodingError.Context(codingPath: decoder.codingPath, debugDescription: "not a segment: \(text)"))
        }
        self = segment
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}

extension SiteKey {
    static func parse(_ text: String) -> SiteKey {
        StimulationSite(rawValue: text).map(SiteKey.canonical) ?? .label(text)
    }
}

extension SegmentKey {
    /// `below-fibular-head-to-ankle` read back; nil when the text names no segment.
    static func parse(_ text: String) -> SegmentKey? {
        guard let range = text.firstRange(of: "-to-") else { return nil }
        return SegmentKey(
            from: .parse(String(text[..<range.lowerBound])), to: .parse(String(text[range.upperBound...])))
    }
}

/// Where in a study a value was measured: at a stimulation site (the distal one), over a segment,
/// or as a late response.
public enum MeasurementPlace: Hashable, Sendable, Codable, CustomStringConvertible {
    case site(SiteKey)
    case segment(SegmentKey)
    case fWave
    case hReflex

    /// `ankle`, `below-fibular-head-to-ankle`, `f-wave`, `h-reflex`.
    public var description: String {
        switch self {
        case .site(let site): site.description
        case .segment(let segment): segment.description
        case .fWave: "f-wave"
        case .hReflex: "h-reflex"
        }
    }

    public var segment: SegmentKey? {
        if case .segment(let segment) = self { return segment }
        return nil
    }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        switch text {
        case "f-wave": self = .fWave
        case "h-reflex": self = .hReflex
        default: self = SegmentKey.parse(text).map(MeasurementPlace.segment) ?? .site(.parse(text))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}

/// Which study of a nerve a finding is about: its kind, nerve and recording site, and the published
/// table that applies to it.
public struct StudyKey: Hashable, Sendable, Encodable, CustomStringConvertible {
    public enum Kind: String, Codable, Sendable, Hashable {
        case motor, sensory
        case fWave = "f-wave"
        case hReflex = "h-reflex"
    }

    public var kind: Kind
    /// The nerve, when its name was recognised.
    public var nerve: Nerve?
    /// The canonical nerve name, or the exported label as a slug.
    public var nerveName: String
    /// The recording muscle of a motor study, when recognised.
    public var recording: RecordingSite?
    /// The canonical recording name, or the exported label as a slug (motor studies only).
    public var recordingName: String?
    /// The published table for this study, if one applies.
    public var reference: ReferenceStudy?

    private init(
        kind: Kind, nerve: Nerve?, nerveName: String, recording: RecordingSite? = nil, recordingName: String? = nil,
        reference: ReferenceStudy?
    ) {
        self.kind = kind
        self.nerve = nerve
        self.nerveName = nerveName
        self.recording = recording
        self.recordingName = recordingName
        self.reference = reference
    }

    /// A motor study: peroneal to EDB (or unstated) and to tibialis anterior and tibial to abductor
    /// hallucis (or unstated) have published tables; other recordings do not.
    public init(_ motor: MotorStudy) {
        let nerveName = motor.nerve?.rawValue ?? Slug.make(motor.nerveLabel)
        // An unstated recording of a standard study is its standard muscle. A motor study of the deep
        // peroneal nerve is the peroneal motor study (its recordings are EDB and TA), and one of the
        // medial plantar nerve to abductor hallucis is the tibial motor study.
        let (reference, recording): (ReferenceStudy?, RecordingSite?) =
            switch (motor.nerve, motor.recording) {
            case (.peroneal, .extensorDigitorumBrevis), (.peroneal, nil), (.deepPeroneal, .extensorDigitorumBrevis),
                (.deepPeroneal, nil):
                (.peronealEDB, .extensorDigitorumBrevis)
            case (.peroneal, .tibialisAnterior), (.deepPeroneal, .tibialisAnterior): (.peronealTA, .tibialisAnterior)
            case (.tibial, .abductorHallucis), (.tibial, nil), (.medialPlantar, .abductorHallucis),
                (.medialPlantar, nil):
                (.tibialAH, .abductorHallucis)
            case (.tibial, .abductorDigitiMinimiPedis), (.lateralPlantar, .abductorDigitiMinimiPedis),
                (.lateralPlantar, nil):
                (.lateralPlantarMotor, .abductorDigitiMinimiPedis)
            case (.femoral, .vastusMedialis), (.femoral, .rectusFemoris), (.femoral, .vastusLateralis), (.femoral, nil):
                (.femoralMotor, motor.recording)
            case (.median, .abductorPollicisBrevis), (.median, nil): (.medianMotor, .abductorPollicisBrevis)
            case (.ulnar, .abductorDigitiMinimi), (.ulnar, nil): (.ulnarMotor, .abductorDigitiMinimi)
            default: (nil, motor.recording)
            }
        // The nerve of a standard study is the one its table is named after.
        let nerve: Nerve? =
            switch reference {
            case .peronealEDB?, .peronealTA?: .peroneal
            case .tibialAH?: .tibial
            default: motor.nerve
            }
        self.init(
            kind: .motor, nerve: nerve, nerveName: nerve?.rawValue ?? nerveName, recording: recording,
            recordingName: recording?.rawValue ?? Slug.make(motor.recordingLabel), reference: reference)
    }

    public init(_ sensory: SensoryStudy) {
        let reference: ReferenceStudy? =
            switch sensory.nerve {
            case .sural: .sural
            case .superficialPeroneal: .superficialPeroneal
            case .saphenous: .saphenous
            case .lateralFemoralCutaneous: .lateralFemoralCutaneous
            case .medialPlantar: .medialPlantarMixed
            case .lateralPlantar: .lateralPlantarMixed
            case .deepPeroneal: .deepPeronealSensory
            case .median: .medianSensory
            case .ulnar: .ulnarSensory
            case .radial: .radialSensory
            default: nil
            }
        self.init(
            kind: .sensory, nerve: sensory.nerve, nerveName: sensory.nerve?.rawValue ?? Slug.make(sensory.nerveLabel),
            reference: reference)
    }

    public init(_ wave: FWaveStudy) {
        let reference: ReferenceStudy? =
            switch wave.nerve {
            case .tibial: .tibialFWave
            case .peroneal: .peronealFWave
            default: nil
            }
        self.init(
            kind: .fWave, nerve: wave.nerve, nerveName: wave.nerve?.rawValue ?? Slug.make(wave.nerveLabel),
            reference: reference)
    }

    public init(_ reflex: HReflexStudy) {
        self.init(
            kind: .hReflex, nerve: reflex.nerve, nerveName: reflex.nerve?.rawValue ?? Slug.make(reflex.nerveLabel),
            reference: reflex.nerve == .tibial || reflex.nerve == nil ? .hReflex : nil)
    }

    /// `peroneal-motor-edb`, `tibial-motor-ah`, `<nerve>-motor-<recording>`, `sural-sensory`,
    /// `tibial-f-wave`, `h-reflex`: the study part of finding ids.
    public var description: String {
        switch kind {
        case .motor:
            switch reference {
            case .peronealEDB: "peroneal-motor-edb"
            case .peronealTA: "peroneal-motor-ta"
            case .tibialAH: "tibial-motor-ah"
            case .lateralPlantarMotor: "lateral-plantar-motor-admp"
            case .medianMotor: "median-motor-apb"
            case .ulnarMotor: "ulnar-motor-adm"
            default:
                recordingName.map { $0.isEmpty ? "\(nerveName)-motor" : "\(nerveName)-motor-\($0)" }
                    ?? "\(nerveName)-motor"
            }
        case .sensory: "\(nerveName)-sensory"
        case .fWave: "\(nerveName)-f-wave"
        case .hReflex: "h-reflex"
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}

/// The stable identifier of a finding, made only by the constructors below, one per kind of
/// finding. Modules join findings by equal ids, never by reading the text of one.
public struct FindingID: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    /// The id as written in JSON and reports (`peroneal-motor-edb.L.ankle.amplitude`).
    public let rawValue: String

    private init(_ rawValue: String) { self.rawValue = rawValue }

    /// A measured value: `<study>.<L|R>.<place>.<measure>`.
    public static func measurement(_ study: StudyKey, _ side: Side, _ place: MeasurementPlace, _ measure: Measure)
        -> FindingID
    {
        FindingID("\(study).\(side.letter).\(place).\(measure.rawValue)")
    }

    /// A left-right comparison of a measured value: `compare.<study>.<place>.<measure>`.
    public static func comparison(_ study: StudyKey, _ place: MeasurementPlace, _ measure: Measure) -> FindingID {
        FindingID("compare.\(study).\(place).\(measure.rawValue)")
    }

    /// A conclusion about one nerve study: `nerve.<study>.<L|R>.<topic>`.
    public static func nerve(_ study: StudyKey, _ side: Side, _ topic: NerveTopic) -> FindingID {
        FindingID("nerve.\(study).\(side.letter).\(topic)")
    }

    /// The needle examination of one muscle: `needle.<muscle>.<L|R>`.
    public static func muscle(_ exam: NeedleExam) -> FindingID {
        FindingID("needle.\(exam.muscle?.rawValue ?? Slug.make(exam.muscleLabel)).\(exam.side.letter)")
    }

    /// A technical note: `technical.<topic>`, with the side where it has one.
    public static func technical(_ topic: TechnicalNote.Topic, side: Side? = nil) -> FindingID {
        FindingID("technical.\(topic.rawValue)" + (side.map { ".\($0.rawValue)" } ?? ""))
    }

    public var description: String { rawValue }

    public static func < (a: FindingID, b: FindingID) -> Bool { a.rawValue < b.rawValue }

    public init(from decoder: any Decoder) throws {
        rawValue = try decoder.singleValueContainer().decode(String.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}

/// What a nerve finding is about, the last part of its id.
public enum NerveTopic: Hashable, Sendable, CustomStringConvertible {
    /// Low or absent distal response: `axon-loss`.
    case axonLoss
    /// A change between two stimulation sites: `<segment>.<suffix>`.
    case segment(SegmentKey, NerveFinding.Kind)
    /// `focal-slowing` across the fibular head.
    case focalSlowing
    /// Slowing of a motor value at a site or over a segment: `<place>.<kind>`.
    case slowing(MeasurementPlace, NerveFinding.Kind)
    /// `distal-duration`.
    case distalDuration
    /// Sensory slowing with a normal amplitude: `<measure>.slowing`.
    case sensorySlowing(Measure)
    /// A prolonged or absent late response: `<kind>`.
    case lateResponse(NerveFinding.Kind)
    /// An H reflex later than the other side's: `asymmetry`.
    case asymmetry

    public var description: String {
        switch self {
        case .axonLoss: "axon-loss"
        case .segment(let segment, let kind):
            switch kind {
            case .physiologicalProximalDrop: "\(segment).physiological-drop"
            default: "\(segment).\(kind.rawValue)"
            }
        case .focalSlowing: "focal-slowing"
        case .slowing(let place, let kind): "\(place).\(kind.rawValue)"
        case .distalDuration: "distal-duration"
        case .sensorySlowing(let measure): "\(measure.rawValue).slowing"
        case .lateResponse(let kind): kind.rawValue
        case .asymmetry: "asymmetry"
        }
    }
}

/// Slugs of exported labels: lower-cased, every run of characters other than letters and digits
/// turned into one hyphen.
public enum Slug {
    public static func make(_ text: String) -> String {
        let lowered = text.lowercased().map { $0.isLetter || $0.isNumber ? $0 : "-" }
        return String(lowered).split(separator: "-").joined(separator: "-")
    }
}

extension Side {
    /// `L` or `R`, as in finding ids.
    public var letter: String { self == .left ? "L" : "R" }
}
