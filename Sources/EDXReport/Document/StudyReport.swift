public import EDXFindings
public import EDXLocalization
public import EDXModel
public import EDXReference

/// The report of one study, as a value: what every output format renders, and the JSON document of
/// `edx report --format json`, described by `docs/report.schema.json`.
///
/// Units are explicit: every measured value carries its unit, and every limit its unit, bound and
/// origin. Field names are stable within a ``schemaVersion``.
public struct StudyReport: Codable, Sendable, Hashable {
    /// Bumped on any incompatible change of the JSON shape (and of `docs/report.schema.json`).
    public static let currentSchemaVersion = "2.0"

    public var schemaVersion: String
    /// `edx <version>`.
    public var generator: String
    /// UTC time of generation, only when asked for (`--timestamp`): reports are otherwise byte-identical.
    public var generatedAt: String?
    /// Which limits won where the export carried the lab's own.
    public var limits: LimitPreference
    public var patient: ReportPatient
    public var study: ReportStudy
    public var technical: TechnicalSection
    public var motor: [MotorRow]
    public var sensory: [SensoryRow]
    public var lateResponses: [LateResponseRow]
    /// Left-right comparisons where both sides were studied, with their side-to-side limits.
    public var sideToSide: [SideToSideRow]
    public var needle: [NeedleRow]
    /// The abnormal findings in plain language, most important first.
    public var summary: [SummaryItem]
    /// The nerves and muscle groups tested and normal, one line each.
    public var pertinentNormals: [String]
    public var impression: Impression
    /// Prognosis and standard follow-up, each with its sources.
    public var outlook: ReportOutlook
    public var suggestedTests: [ReportSuggestedTest]
    /// The model's probabilities and argued differential: after the signature, never signed.
    public var decisionSupport: DecisionSupport
}

/// A statement of the report with the sources it rests on.
public struct ReportNote: Codable, Sendable, Hashable {
    public var text: String
    public var sources: [String]
}

/// What the findings say about recovery, and the follow-up that is standard for them.
public struct ReportOutlook: Codable, Sendable, Hashable {
    public var prognosis: [ReportNote]
    public var followUp: [ReportNote]
}

/// The decision-support section: the model's numbers, for the electromyographer, not for signing.
public struct DecisionSupport: Codable, Sendable, Hashable {
    /// `1. Left common peroneal (fibular) neuropathy at the fibular head, 98 %, moderate`.
    public var differential: [String]
    /// What separates the leading diagnosis from the next, what argues against the others, what was
    /// not tested.
    public var paragraphs: [String]
    /// How to read the probabilities.
    public var note: String
}

public struct ReportPatient: Codable, Sendable, Hashable {
    /// The patient id, or its random `anon-` code when de-identified.
    public var id: String?
    /// Absent when de-identified.
    public var name: String?
    /// Absent when de-identified.
    public var birthDate: String?
    public var ageYears: Double?
    /// True when de-identification put an age over 89 into the category "90 or older" (`ageYears` is
    /// then 90).
    public var ageOver89: Bool?
    public var sex: Sex?
    public var heightCm: Double?
    public var weightKg: Double?
    public var deidentified: Bool
}

public struct ReportStudy: Codable, Sendable, Hashable {
    public var id: String
    public var date: String?
    public var referrer: String?
    public var examiner: String?
    public var indication: String?
    public var symptomDurationDays: Double?
    /// `file:line` of the study in its export.
    public var source: String
    /// The physician's own impression, as exported.
    public var exportedImpression: String?
}

public struct TechnicalSection: Codable, Sendable, Hashable {
    public var temperatures: [TemperatureRow]
    /// Limb temperature, covariates, which limits were used, studies too early for axon loss.
    public var notes: [String]
    /// Entries of the export that edx could not map onto its vocabulary, kept out of interpretation.
    public var unmapped: [String]
}

public struct TemperatureRow: Codable, Sendable, Hashable {
    public var side: Side?
    public var site: String
    public var celsius: Double
    /// Below the recommended limb temperature (see the technical notes).
    public var cool: Bool
}

/// A limit shown beside a value.
public struct LimitCell: Codable, Sendable, Hashable {
    /// `lower`: values below are abnormal; `upper`: values above are.
    public var bound: String
    public var value: Double
    public var unit: String
    /// `lab` (as exported) or `published` (with its source in `citation`).
    public var origin: String
    public var citation: String?
}

/// One measured value in a table, with its flag and limit.
public struct ValueCell: Codable, Sendable, Hashable {
    /// Nil when there was no response or the value was not recorded.
    public var value: Double?
    public var unit: String
    public var noResponse: Bool
    /// `normal`, `low`, `high`, `absent`, `unclassified`; nil when edx does not judge this value
    /// (for example a proximal amplitude, judged by the change from the distal one).
    public var classification: String?
    public var abnormal: Bool
    public var limit: LimitCell?
    /// The id of the finding about this value (see `edx findings`).
    public var finding: String?
    /// A latency or velocity of a cool limb, judged after correction to the reference temperature:
    /// `value` stays as measured, the classification is that of the corrected value.
    public var temperatureCorrection: CorrectionCell? = nil
}

/// The correction of a value measured in a cool limb.
public struct CorrectionCell: Codable, Sendable, Hashable {
    /// The value corrected to `referenceCelsius`, in the unit of the value.
    public var value: Double
    /// The limb temperature, °C.
    public var celsius: Double
    /// The temperature corrected to, °C.
    public var referenceCelsius: Double
}

/// One stimulation site of a motor study, with the segment that ends at it.
public struct MotorRow: Codable, Sendable, Hashable {
    public var side: Side
    public var nerve: String
    public var recording: String
    public var site: String
    public var latency: ValueCell?
    public var amplitude: ValueCell?
    public var duration: ValueCell?
    public var area: ValueCell?
    public var distanceCm: Double?
    /// The segment from the previous (more distal) site to this one, when the export has it.
    public var segment: String?
    public var segmentDistanceCm: Double?
    public var velocity: ValueCell?
    /// Amplitude change from the previous (more distal) site, % (negative is a drop).
    public var amplitudeChangePercent: Double?
    /// Ids of nerve findings (block, dispersion, focal slowing) about this segment.
    public var segmentFindings: [String]
    /// The comment the export gives for this motor study, on its first row only.
    public var comment: String? = nil
}

public struct SensoryRow: Codable, Sendable, Hashable {
    public var side: Side
    public var nerve: String
    public var site: String
    public var recording: String
    /// `antidromic` or `orthodromic`, when exported.
    public var method: String?
    public var distanceCm: Double?
    public var onsetLatency: ValueCell?
    public var peakLatency: ValueCell?
    public var amplitude: ValueCell?
    public var velocity: ValueCell?
    /// The comment the export gives for this sensory study, on its first row only.
    public var comment: String? = nil
}

public struct LateResponseRow: Codable, Sendable, Hashable {
    /// `f-wave` or `h-reflex`.
    public var kind: String
    public var side: Side
    public var nerve: String
    public var recording: String
    public var latency: ValueCell?
    /// H-reflex amplitude, mV.
    public var amplitude: ValueCell?
    /// F-wave persistence, % of stimuli.
    public var persistencePercent: Double?
    /// Left-right latency difference, ms, with its limit when one was judged.
    public var sideDifference: ValueCell?
    /// The comment the export gives for this study.
    public var comment: String? = nil
}

/// A left-right comparison of one value where both sides were studied, with its side-to-side limit.
public struct SideToSideRow: Codable, Sendable, Hashable {
    /// The study, as the tables name it: `Peroneal motor (EDB)`.
    public var study: String
    /// The value compared, in words: `amplitude`, `distal latency`, `velocity`.
    public var measure: String
    /// Where the value was measured, in words (`ankle`); absent for a late response.
    public var site: String?
    /// The values compared, in `unit`; absent where there was no response.
    public var left: Double?
    public var right: Double?
    public var unit: String
    /// `amplitude-drop` (the smaller response's loss, % of the larger), `latency-difference` or
    /// `velocity-difference`.
    public var comparison: String
    /// The drop (%) or the difference (ms, m/s).
    public var difference: Double
    public var differenceUnit: String
    /// For an amplitude: the smaller response as a share of the larger, %.
    public var percentOfOtherSide: Double?
    /// The side that is smaller, slower or later.
    public var worseSide: Side
    /// The published side-to-side limit of `difference`.
    public var limit: LimitCell
    public var abnormal: Bool
    /// The id of the comparison finding (see `edx findings`).
    public var finding: String
    /// The comparison in a sentence, as the summary words it.
    public var statement: String
    /// The comparison and its limit as the tables write them (`left 36 % of right`, `>=50 %`); not in
    /// the JSON, which has the numbers.
    var comparisonText = ""
    var limitText = ""

    private enum CodingKeys: String, CodingKey {
        case study, measure, site, left, right, unit, comparison, difference, differenceUnit, percentOfOtherSide
        case worseSide, limit, abnormal, finding, statement
    }
}

public struct NeedleRow: Codable, Sendable, Hashable {
    public var side: Side
    public var muscle: String
    /// The nerve supplying the muscle, for readers (nil when the muscle is outside the model).
    public var nerve: String?
    /// Root supply: main roots first, minor in parentheses (`L5 (L4, S1)`).
    public var roots: String?
    public var insertionalActivity: String?
    public var fibrillations: String?
    public var positiveSharpWaves: String?
    public var fasciculations: String?
    public var muapAmplitude: String?
    public var muapDuration: String?
    public var polyphasia: String?
    public var recruitment: String?
    /// The interference pattern, as exported.
    public var interferencePattern: String? = nil
    /// Any neurogenic abnormality (denervation, reinnervation or reduced recruitment).
    public var abnormal: Bool
    public var acuity: String?
    /// The examiner's comment, as exported (`No voluntary motor units`).
    public var comment: String?
    /// The id of the muscle finding.
    public var finding: String?
}

public struct SummaryItem: Codable, Sendable, Hashable {
    public var finding: String
    public var statement: String
}

/// The interpretation, in the words a report uses, with the structured diagnoses behind them.
public struct Impression: Codable, Sendable, Hashable {
    /// `abnormal`, `normal` or `insufficient-data`.
    public var conclusion: String
    /// The impression as paragraphs of plain clinical language, in graded wording and without model
    /// probabilities (measured values, such as a 61 % block, are kept).
    public var paragraphs: [String]
    /// What the study could not assess, from what was tested.
    public var scope: [String]
    /// The clinical-correlation sentence.
    public var correlation: String?
    /// The structured diagnoses, with the model's probabilities (shown only in the decision support).
    public var diagnoses: [ReportDiagnosis]
    /// Caveats for the whole study.
    public var caveats: [String]
    /// Definitions of the acuity terms used, so that they are read as meant (S69).
    public var definitions: [String]
    /// Suggested ICD-10-CM codes: only for what the impression states without hedging (S160).
    public var codes: [CodeSuggestion]
    /// Why no code is suggested, when the impression states its diagnosis with uncertainty.
    public var codeNote: String?
}

/// One diagnosis of the differential, with its suggested codes.
public struct ReportDiagnosis: Codable, Sendable, Hashable {
    public var rank: Int
    public var code: DiagnosisCode
    /// `Left common peroneal (fibular) neuropathy at the fibular head`.
    public var name: String
    public var side: Laterality
    /// The level within the diagnosis, when the model tells it (`at the ankle (tarsal tunnel)`).
    public var level: String?
    /// The level as a code (`tarsal-tunnel`); not written to JSON, where `level` carries it in words.
    public var levelCode: LesionLevel? = nil
    public var probability: Double
    /// The wording band of the probability (S159).
    public var certainty: Certainty
    public var severity: Severity?
    public var severityBasis: [String]
    public var acuity: DiagnosisAcuity?
    public var pathophysiology: Pathophysiology?
    public var evidenceFor: [ReportEvidence]
    public var evidenceAgainst: [ReportEvidence]
    public var notTested: [String]
    public var coexisting: [DiagnosisCode]
    /// For `outside-model`: the pattern; its side when it is one-sided.
    public var pattern: OutsidePattern?
    public var patternSide: Side?
    /// For `polyneuropathy`: its form.
    public var form: PolyneuropathyForm?
    /// ICD-10-CM codes of this diagnosis; the impression lists them only when it states it (S160).
    public var icd10cm: [CodeSuggestion]

    private enum CodingKeys: String, CodingKey {
        case rank, code, name, side, level, probability, certainty, severity, severityBasis, acuity, pathophysiology,
            evidenceFor, evidenceAgainst, notTested, coexisting, pattern, patternSide, form, icd10cm
    }
}

/// One finding cited for or against a diagnosis, in words.
public struct ReportEvidence: Codable, Sendable, Hashable {
    /// The id of the finding (see `edx findings`).
    public var finding: String
    public var statement: String
    /// How much the finding moves the odds, in natural-log units against the closest alternative.
    public var weight: Double
    /// False for an abnormality neither diagnosis explains: it does not separate them.
    public var discriminating: Bool
}

/// A test that would best separate the leading diagnoses, in words.
public struct ReportSuggestedTest: Codable, Sendable, Hashable {
    public var test: String
    public var separates: [DiagnosisCode]
    public var rationale: String
    public var citation: String?
}
