/// One electrodiagnostic study, in canonical units (ms, mV for motor and µV for sensory amplitudes,
/// cm, m/s, °C, kg), as it was recorded.
///
/// Names that could not be mapped onto the vocabulary are kept verbatim (the canonical field is
/// `nil`); such entries are reported by the importer and left out of interpretation.
public struct Study: Codable, Sendable, Hashable {
    public var id: String
    /// ISO 8601 date (`YYYY-MM-DD`) of the examination.
    public var date: String?
    public var patient: Patient
    public var examiner: String?
    public var referrer: String?
    public var indication: String?
    /// Duration of symptoms at the time of the study, in days.
    public var symptomDurationDays: Double?
    public var temperatures: [LimbTemperature]
    public var motor: [MotorStudy]
    public var sensory: [SensoryStudy]
    public var fWaves: [FWaveStudy]
    public var hReflexes: [HReflexStudy]
    public var needle: [NeedleExam]
    /// The physician's own impression, if the export carries one.
    public var impression: String?
    /// Where the study starts in its file.
    public var source: SourceLocation

    public init(id: String, source: SourceLocation) {
        self.id = id
        self.date = nil
        self.patient = Patient()
        self.temperatures = []
        self.motor = []
        self.sensory = []
        self.fWaves = []
        self.hReflexes = []
        self.needle = []
        self.source = source
    }
}

public enum Sex: String, Codable, Sendable, Hashable {
    case female, male, other, unknown
}

/// The patient as exported. `name`, `birthDate` and `id` are protected health information: they are
/// never written to logs or diagnostics, and de-identification (`EDXPrivacy`) removes them.
public struct Patient: Codable, Sendable, Hashable {
    public var id: String?
    public var name: String?
    public var birthDate: String?
    public var ageYears: Double?
    /// Set by de-identification when the age was over 89: HIPAA Safe Harbor keeps such ages only as
    /// the category "90 or older", and `ageYears` is then 90.
    public var ageOver89: Bool?
    public var sex: Sex?
    public var heightCm: Double?
    public var weightKg: Double?

    public init() {}
}

/// A limb surface temperature, in °C.
public struct LimbTemperature: Codable, Sendable, Hashable {
    public var side: Side?
    /// Body site as exported, lower-cased (`foot`, `leg`, `hand`, …).
    public var site: String
    public var celsius: Double
    public var source: SourceLocation

    public init(side: Side?, site: String, celsius: Double, source: SourceLocation) {
        self.side = side
        self.site = site
        self.celsius = celsius
        self.source = source
    }
}

/// A limit from the lab's own normal values, as the export printed it (`<6.5`, `>2.0`, `2.0-5.0`),
/// converted to the canonical unit of the value it belongs to.
public struct LabLimit: Codable, Sendable, Hashable {
    /// The lowest normal value, if the limit has one.
    public var lower: Double?
    /// The highest normal value, if the limit has one.
    public var upper: Double?
    /// The text as exported.
    public var text: String

    public init(lower: Double?, upper: Double?, text: String) {
        self.lower = lower
        self.upper = upper
        self.text = text
    }
}

/// A motor conduction study of one nerve, on one side, to one recording muscle.
public struct MotorStudy: Codable, Sendable, Hashable {
    public var nerve: Nerve?
    public var nerveLabel: String
    public var side: Side
    public var recording: RecordingSite?
    public var recordingLabel: String
    /// Stimulation sites, distal first.
    public var sites: [MotorSite]
    public var segments: [Segment]
    /// The technologist's comment on the study, as exported.
    public var comment: String?
    public var source: SourceLocation

    public init(
        nerve: Nerve?, nerveLabel: String, side: Side, recording: RecordingSite?, recordingLabel: String,
        source: SourceLocation
    ) {
        self.nerve = nerve
        self.nerveLabel = nerveLabel
        self.side = side
        self.recording = recording
        self.recordingLabel = recordingLabel
        self.sites = []
        self.segments = []
        self.source = source
    }
}

/// The response to stimulation at one site of a motor study.
public struct MotorSite: Codable, Sendable, Hashable {
    public var site: StimulationSite?
    public var siteLabel: String
    /// True when the site gave no response: amplitude is then 0, a finding, not missing data.
    public var noResponse: Bool
    /// Onset latency, ms.
    public var latencyMs: Double?
    /// Baseline-to-negative-peak (or onset-to-peak) CMAP amplitude, mV.
    public var amplitudeMV: Double?
    /// Negative-phase duration, ms.
    public var durationMs: Double?
    /// Negative-phase area, mV·ms.
    public var areaMVms: Double?
    /// Stimulation-to-recording distance (distal site), cm.
    public var distanceCm: Double?
    /// The lab's own limits, keyed by parameter (`latency`, `amplitude`, `duration`).
    public var labLimits: [String: LabLimit]
    public var source: SourceLocation

    public init(site: StimulationSite?, siteLabel: String, source: SourceLocation) {
        self.site = site
        self.siteLabel = siteLabel
        self.noResponse = false
        self.labLimits = [:]
        self.source = source
    }
}

/// A nerve segment between two stimulation sites.
public struct Segment: Codable, Sendable, Hashable {
    public var from: StimulationSite?
    public var fromLabel: String
    public var to: StimulationSite?
    public var toLabel: String
    /// Segment length, cm.
    public var distanceCm: Double?
    /// Conduction velocity, m/s.
    public var velocityMS: Double?
    /// Latency difference across the segment, ms, when exported.
    public var latencyDifferenceMs: Double?
    /// The lab's own limits (`velocity`).
    public var labLimits: [String: LabLimit]
    public var source: SourceLocation

    public init(
        from: StimulationSite?, fromLabel: String, to: StimulationSite?, toLabel: String, source: SourceLocation
    ) {
        self.from = from
        self.fromLabel = fromLabel
        self.to = to
        self.toLabel = toLabel
        self.labLimits = [:]
        self.source = source
    }
}

public enum SensoryMethod: String, Codable, Sendable, Hashable {
    case antidromic, orthodromic
}

/// A sensory conduction study of one nerve on one side.
public struct SensoryStudy: Codable, Sendable, Hashable {
    public var nerve: Nerve?
    public var nerveLabel: String
    public var side: Side
    public var recording: RecordingSite?
    public var recordingLabel: String
    public var method: SensoryMethod?
    public var sites: [SensorySite]
    /// The technologist's comment on the study, as exported.
    public var comment: String?
    public var source: SourceLocation

    public init(
        nerve: Nerve?, nerveLabel: String, side: Side, recording: RecordingSite?, recordingLabel: String,
        method: SensoryMethod?, source: SourceLocation
    ) {
        self.nerve = nerve
        self.nerveLabel = nerveLabel
        self.side = side
        self.recording = recording
        self.recordingLabel = recordingLabel
        self.method = method
        self.sites = []
        self.source = source
    }
}

/// The sensory nerve action potential from one stimulation site.
public struct SensorySite: Codable, Sendable, Hashable {
    public var site: StimulationSite?
    public var siteLabel: String
    public var noResponse: Bool
    /// Onset latency, ms.
    public var onsetLatencyMs: Double?
    /// Peak latency, ms.
    public var peakLatencyMs: Double?
    /// SNAP amplitude, µV.
    public var amplitudeUV: Double?
    /// Stimulation-to-recording distance, cm.
    public var distanceCm: Double?
    /// Conduction velocity, m/s.
    public var velocityMS: Double?
    /// The lab's own limits (`onsetLatency`, `peakLatency`, `amplitude`, `velocity`).
    public var labLimits: [String: LabLimit]
    public var source: SourceLocation

    public init(site: StimulationSite?, siteLabel: String, source: SourceLocation) {
        self.site = site
        self.siteLabel = siteLabel
        self.noResponse = false
        self.labLimits = [:]
        self.source = source
    }
}

/// F waves of one nerve on one side.
public struct FWaveStudy: Codable, Sendable, Hashable {
    public var nerve: Nerve?
    public var nerveLabel: String
    public var side: Side
    public var recording: RecordingSite?
    public var recordingLabel: String
    public var noResponse: Bool
    /// Minimal F latency, ms.
    public var minLatencyMs: Double?
    /// Persistence, % of stimuli.
    public var persistencePercent: Double?
    /// The lab's own limits (`minLatency`, `sideDifference`).
    public var labLimits: [String: LabLimit]
    /// Left-right latency difference as exported, ms.
    public var sideDifferenceMs: Double?
    /// The technologist's comment on the study, as exported.
    public var comment: String?
    public var source: SourceLocation

    public init(
        nerve: Nerve?, nerveLabel: String, side: Side, recording: RecordingSite?, recordingLabel: String,
        source: SourceLocation
    ) {
        self.nerve = nerve
        self.nerveLabel = nerveLabel
        self.side = side
        self.recording = recording
        self.recordingLabel = recordingLabel
        self.noResponse = false
        self.labLimits = [:]
        self.source = source
    }
}

/// The H reflex of one nerve on one side.
public struct HReflexStudy: Codable, Sendable, Hashable {
    public var nerve: Nerve?
    public var nerveLabel: String
    public var side: Side
    public var recording: RecordingSite?
    public var recordingLabel: String
    public var noResponse: Bool
    /// Onset latency, ms.
    public var latencyMs: Double?
    /// Amplitude, mV.
    public var amplitudeMV: Double?
    /// The lab's own limits (`latency`, `sideDifference`).
    public var labLimits: [String: LabLimit]
    /// Left-right latency difference as exported, ms.
    public var sideDifferenceMs: Double?
    /// The technologist's comment on the study, as exported.
    public var comment: String?
    public var source: SourceLocation

    public init(
        nerve: Nerve?, nerveLabel: String, side: Side, recording: RecordingSite?, recordingLabel: String,
        source: SourceLocation
    ) {
        self.nerve = nerve
        self.nerveLabel = nerveLabel
        self.side = side
        self.recording = recording
        self.recordingLabel = recordingLabel
        self.noResponse = false
        self.labLimits = [:]
        self.source = source
    }
}

/// The needle examination of one muscle on one side.
public struct NeedleExam: Codable, Sendable, Hashable {
    public var muscle: Muscle?
    public var muscleLabel: String
    public var side: Side
    public var insertionalActivity: Activity?
    public var fibrillations: SpontaneousGrade?
    public var positiveSharpWaves: SpontaneousGrade?
    public var fasciculations: SpontaneousGrade?
    public var muapAmplitude: Activity?
    public var muapDuration: Activity?
    public var polyphasia: Activity?
    /// Polyphasia as a count grade, when the export gave one (`0`, `1+` …).
    public var polyphasiaGrade: SpontaneousGrade?
    public var recruitment: Recruitment?
    /// Interference pattern, as exported.
    public var interferencePattern: String?
    /// The examiner's comment on the muscle, as exported (`No voluntary motor units`).
    public var comment: String?
    public var source: SourceLocation

    public init(muscle: Muscle?, muscleLabel: String, side: Side, source: SourceLocation) {
        self.muscle = muscle
        self.muscleLabel = muscleLabel
        self.side = side
        self.source = source
    }
}
