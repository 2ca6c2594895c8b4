public import EDXFindings
public import EDXModel
public import EDXReference

/// The stable diagnosis codes, for other programs. Their clinical wording is in the report layer.
public enum DiagnosisCode: String, Codable, Sendable, Hashable, CaseIterable {
    case l3Radiculopathy = "l3-radiculopathy"
    case l4Radiculopathy = "l4-radiculopathy"
    case l5Radiculopathy = "l5-radiculopathy"
    case s1Radiculopathy = "s1-radiculopathy"
    case lumbosacralPlexopathy = "lumbosacral-plexopathy"
    case sciaticNeuropathy = "sciatic-neuropathy"
    case peronealNeuropathyFibularHead = "peroneal-neuropathy-fibular-head"
    case deepPeronealNeuropathy = "deep-peroneal-neuropathy"
    case superficialPeronealNeuropathy = "superficial-peroneal-neuropathy"
    case tibialNeuropathy = "tibial-neuropathy"
    case femoralNeuropathy = "femoral-neuropathy"
    case obturatorNeuropathy = "obturator-neuropathy"
    case saphenousNeuropathy = "saphenous-neuropathy"
    case lateralFemoralCutaneousNeuropathy = "lateral-femoral-cutaneous-neuropathy"
    case suralNeuropathy = "sural-neuropathy"
    case polyneuropathy
    /// A disorder outside the lower-limb lesion model (motor neuron disease, myopathy, a disorder of
    /// the neuromuscular junction, a sacral root below S1): named by its pattern, never forced into a
    /// lower-limb lesion.
    case outsideModel = "outside-model"
    case normalStudy = "normal-study"
    case insufficientData = "insufficient-data"
}

/// The pattern of a disorder outside the lower-limb lesion model (docs/localization.md §3.5).
public enum OutsidePattern: String, Codable, Sendable, Hashable, CaseIterable {
    /// Widespread active and chronic denervation across several myotomes and both sides, sensory
    /// responses spared: the pattern of motor neuron disease.
    case motorNeuronDisease = "motor-neuron-disease"
    /// Small, short, polyphasic motor units recruited early: a myopathic pattern.
    case myopathy
    /// Low motor responses with normal sensory responses and no denervation: a disorder of the
    /// neuromuscular junction (presynaptic) until repetitive stimulation says otherwise.
    case neuromuscularJunction = "neuromuscular-junction"
    /// Denervation of sacral muscles below S1 (the external anal sphincter): an S2-S4 root or conus lesion.
    case sacralRoots = "sacral-roots"
    /// Abnormal findings that no lesion of the model explains, and no named pattern.
    case unexplained
}

/// The form of a polyneuropathy, from the process that leads within the code.
public enum PolyneuropathyForm: String, Codable, Sendable, Hashable, CaseIterable {
    /// Length-dependent sensorimotor, axonal: sural first, distal before proximal (S52-S55).
    case lengthDependent = "length-dependent"
    /// Length-dependent with only the sensory responses abnormal: no motor response or muscle is.
    case lengthDependentSensory = "length-dependent-sensory"
    /// Acquired demyelinating: slow distal latencies and F waves, sensory responses relatively spared (S38, S39).
    case demyelinating
    /// Motor axonal: low CMAPs in several nerves, sensory responses normal (S155).
    case motorAxonal = "motor-axonal"
}

/// Left, right, or both.
public enum Laterality: String, Codable, Sendable, Hashable {
    case left, right, bilateral

    public init(_ side: Side?) {
        switch side {
        case .left: self = .left
        case .right: self = .right
        case nil: self = .bilateral
        }
    }

    /// The side, for a one-sided diagnosis.
    public var side: Side? {
        switch self {
        case .left: .left
        case .right: .right
        case .bilateral: nil
        }
    }
}

public enum DiagnosisAcuity: String, Codable, Sendable, Hashable {
    case acute
    case subacuteOrChronicActive = "subacute-or-chronic-active"
    case chronicInactive = "chronic-inactive"
    /// No denervation yet, studied too soon after onset for it to show.
    case tooEarly = "too-early-for-denervation"
    /// No needle findings to judge acuity from.
    case undetermined
}

public enum Pathophysiology: String, Codable, Sendable, Hashable {
    case axonal
    case demyelinating
    case conductionBlock = "conduction-block"
    /// Conduction block and axon loss.
    case mixed
    /// Focal demyelinating slowing, without block, and axon loss.
    case slowingAndAxonLoss = "focal-slowing-and-axon-loss"
    case undetermined
}

/// What the report states for a piece of evidence.
public enum EvidenceStatement: Encodable, Sendable, Hashable {
    /// The statements of these findings, in order.
    case findings([FindingID])
    /// Stimulation below and above the fibular head showed neither block nor focal slowing.
    case noBlockAcrossFibularHead(Side)
}

/// One finding cited for or against a diagnosis. (Named apart from `EDXReference.Evidence`, the
/// strength-of-source tag, so that code importing both modules stays unambiguous.)
public struct EvidenceItem: Encodable, Sendable, Hashable {
    /// The finding cited (see `edx findings`).
    public var finding: FindingID
    public var statement: EvidenceStatement
    /// How much the finding moves the odds, in natural-log units against the closest alternative.
    public var weight: Double
    /// False for an abnormality that neither this diagnosis nor its closest alternative explains: it
    /// counts against the diagnosis but does not separate the two.
    public var discriminating = true
}

/// How certain the impression's wording is: the lexicon radiologists and clinicians read most
/// consistently (S159), at the cut-offs of ``ParameterKey`` `wording.*` [P].
public enum Certainty: String, Codable, Sendable, Hashable, CaseIterable, Comparable {
    /// "There is electrodiagnostic evidence of": stated without hedging; the only band whose
    /// diagnosis is coded (uncertain diagnoses are not coded, S160).
    case definite = "electrodiagnostic-evidence-of"
    /// "highly suggestive of".
    case highlySuggestive = "highly-suggestive"
    /// "most likely".
    case mostLikely = "most-likely"
    /// "may represent": the leading diagnosis of an equivocal study, or an alternative as likely.
    case mayRepresent = "may-represent"
    /// "cannot be excluded": an alternative the findings leave open.
    case cannotBeExcluded = "cannot-be-excluded"
    /// Too unlikely to name in the impression; kept in the decision-support section.
    case unlikely

    public init(probability: Double) {
        switch probability {
        case ParameterKey.wordingDefinite.value...: self = .definite
        case ParameterKey.wordingHighlySuggestive.value...: self = .highlySuggestive
        case ParameterKey.wordingMostLikely.value...: self = .mostLikely
        case ParameterKey.wordingMayRepresent.value...: self = .mayRepresent
        case ParameterKey.wordingCannotBeExcluded.value...: self = .cannotBeExcluded
        default: self = .unlikely
        }
    }

    public static func < (a: Certainty, b: Certainty) -> Bool {
        (allCases.firstIndex(of: a) ?? 0) > (allCases.firstIndex(of: b) ?? 0)
    }
}

public struct EvidenceLists: Encodable, Sendable, Hashable {
    public var `for`: [EvidenceItem]
    public var against: [EvidenceItem]
}

/// A number a severity grade rests on.
public enum SeverityBasis: Encodable, Sendable, Hashable {
    /// The distal CMAP of a study is absent.
    case cmapAbsent(StudyKey, Side)
    /// The distal CMAP as % of the other side's.
    case cmapOfOtherSide(StudyKey, Side, amplitude: Double, percent: Double)
    /// The distal CMAP against its limit, without a normal other side.
    case cmapClassified(StudyKey, Side, amplitude: Double, Classification)
    /// The worst muscle of the lesion's territory.
    case worstMuscle(muscle: Muscle?, label: String, denervation: SpontaneousGrade?, recruitment: Recruitment?)
    /// A block across the fibular head, recorded at EDB or tibialis anterior.
    case blockAcrossFibularHead(dropPercent: Double, recording: ReferenceStudy?)
    /// No voluntary motor units in the affected muscles.
    case noVoluntaryUnits
    /// Nothing measured motor axon loss (sensory-only, block-only or slowing-only abnormality).
    case noMotorAxonLossMeasured
}

/// Severity with the numbers that set it.
public struct SeverityAssessment: Encodable, Sendable, Hashable {
    public var grade: Severity
    public var basis: [SeverityBasis]
}

/// A test that was not done and matters for a diagnosis.
public enum UntestedItem: Encodable, Sendable, Hashable {
    case item(ModelItem)
    /// The standard screen of conduction studies and needle EMG.
    case standardScreen
}

/// One entry of the ranked differential.
public struct Diagnosis: Encodable, Sendable, Hashable {
    public var code: DiagnosisCode
    public var side: Laterality
    /// Where along the nerve or plexus, when the model tells levels apart within one code.
    public var level: LesionLevel? = nil
    /// Posterior probability under the model that this lesion is present (see docs/localization.md).
    public var probability: Double
    public var severity: Severity?
    public var severityBasis: [SeverityBasis]
    public var acuity: DiagnosisAcuity?
    public var pathophysiology: Pathophysiology?
    public var evidence: EvidenceLists
    /// Tests that matter for this diagnosis and were not done.
    public var notTested: [UntestedItem]
    /// Other lesions the data also demand (a coexisting lesion), by code.
    public var coexisting: [DiagnosisCode]
    /// For `outside-model`: the pattern the findings show.
    public var pattern: OutsidePattern? = nil
    /// For `outside-model` patterns confined to one side (sacral roots): that side. The code itself is
    /// bilateral by convention (docs/localization.md §3.5).
    public var patternSide: Side? = nil
    /// For `polyneuropathy`: its form.
    public var form: PolyneuropathyForm? = nil
}

/// Why a suggested test separates two diagnoses: the published basis of the classic discriminators.
public enum Discriminator: String, Codable, Sendable, Hashable {
    case shortHeadOfBicepsFemoris = "short-head-of-biceps-femoris"
    case tibialL5Muscle = "tibial-l5-muscle"
    case superiorGlutealMuscle = "superior-gluteal-muscle"
    case paraspinal
    case postganglionicSensoryResponse = "postganglionic-sensory-response"
    case saphenous
    case adductorLongus = "adductor-longus"
    case fibularHeadStimulation = "fibular-head-stimulation"
    case hReflex = "h-reflex"
}

/// A test that would best separate the leading diagnoses, or a standard screen when no localization
/// was possible.
public enum SuggestedTest: Encodable, Sendable, Hashable {
    /// An untested item whose expected state differs between the first two diagnoses.
    case separating(
        ModelItem, separates: [DiagnosisCode], probabilityIfFirst: Double, probabilityIfSecond: Double,
        basis: Discriminator?)
    /// Peroneal and tibial motor, sural and superficial peroneal sensory studies on both sides.
    case conductionScreen
    /// A six-muscle needle screen including a lumbar paraspinal (S73, S74).
    case needleScreen
    /// The studies that would show (or exclude) a polyneuropathy the study could not assess.
    case polyneuropathyStudies([PolyneuropathyGap])
    /// The sensory studies of a leg that separate a plexus lesion from a root lesion (S101, S102).
    case plexusSensoryStudies(Side)
}

/// A caveat for the localization of a whole study.
public enum LocalizationCaveat: Encodable, Sendable, Hashable {
    /// A technical note that limits the localization (a cool limb, too early for axon loss).
    case technical(TechnicalNote)
    /// No needle examination: root lesions cannot be assessed.
    case noNeedleExamination
    /// No conduction studies: the sensory responses that separate root from plexus and nerve are unknown.
    case noConductionStudies
    /// A leg was not examined: lesions there are not assessed.
    case legNotExamined(Side)
    /// Findings under names edx does not know were abnormal: the conclusion could not use them.
    case unusedAbnormalFindings([FindingID])
    /// A polyneuropathy would have led, but the study does not show its signature.
    case polyneuropathyNotShown([PolyneuropathyGap])
    /// A plexopathy would have led, but no sensory response of its territory was recorded: a root
    /// lesion explains the same muscles, and leads instead.
    case plexopathyNotShown(Side)
    /// A normal study with findings healthy people show: each, with the findings that are it.
    case healthyVariant(HealthyVariant, [FindingID])
    /// Fibrillations earlier after the stated onset than denervation can appear: the onset is older.
    case denervationBeforeOnset(days: Double, [FindingID])
}

/// The localization of one study.
public struct Localization: Encodable, Sendable, Hashable {
    public var diagnoses: [Diagnosis]
    public var suggestedTests: [SuggestedTest]
    /// Caveats that apply to the whole study.
    public var caveats: [LocalizationCaveat]
    /// How many lower-limb observations the localization rested on.
    public var observationCount: Int
    /// Prognosis and follow-up of the leading diagnosis.
    public var outlook = Outlook()
}

// MARK: JSON: one object per value, naming its case

extension EvidenceStatement {
    /// `{"findings": [ids]}` or `{"noBlockAcrossFibularHead": "left"}`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: EncodingKey.self)
        switch self {
        case .findings(let ids): try container.encode(ids, forKey: "findings")
        case .noBlockAcrossFibularHead(let side): try container.encode(side, forKey: "noBlockAcrossFibularHead")
        }
    }
}

extension SeverityBasis {
    /// `{"basis": "cmap-of-other-side", "study": "peroneal-motor-edb", "side": "left", ...}`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: EncodingKey.self)
        switch self {
        case .cmapAbsent(let study, let side):
            try container.encode("cmap-absent", forKey: "basis")
            try container.encode(study, forKey: "study")
            try container.encode(side, forKey: "side")
        case .cmapOfOtherSide(let study, let side, let amplitude, let percent):
            try container.encode("cmap-of-other-side", forKey: "basis")
            try container.encode(study, forKey: "study")
            try container.encode(side, forKey: "side")
            try container.encode(amplitude, forKey: "amplitude")
            try container.encode((percent * 10).rounded() / 10, forKey: "percentOfOtherSide")
        case .cmapClassified(let study, let side, let amplitude, let classification):
            try container.encode("cmap-classified", forKey: "basis")
            try container.encode(study, forKey: "study")
            try container.encode(side, forKey: "side")
            try container.encode(amplitude, forKey: "amplitude")
            try container.encode(classification, forKey: "classification")
        case .worstMuscle(let muscle, let label, let denervation, let recruitment):
            try container.encode("worst-muscle", forKey: "basis")
            try container.encodeIfPresent(muscle, forKey: "muscle")
            try container.encode(label, forKey: "label")
            try container.encodeIfPresent(denervation, forKey: "denervation")
            try container.encodeIfPresent(recruitment, forKey: "recruitment")
        case .blockAcrossFibularHead(let drop, let recording):
            try container.encode("block-across-fibular-head", forKey: "basis")
            try container.encode(drop, forKey: "dropPercent")
            try container.encodeIfPresent(recording, forKey: "recording")
        case .noVoluntaryUnits:
            try container.encode("no-voluntary-units", forKey: "basis")
        case .noMotorAxonLossMeasured:
            try container.encode("no-motor-axon-loss-measured", forKey: "basis")
        }
    }
}

extension UntestedItem {
    /// The item of the model, or `{"item": "standard-screen"}`.
    public func encode(to encoder: any Encoder) throws {
        switch self {
        case .item(let item): try item.encode(to: encoder)
        case .standardScreen:
            var container = encoder.container(keyedBy: EncodingKey.self)
            try container.encode("standard-screen", forKey: "item")
        }
    }
}

extension SuggestedTest {
    /// `{"test": "separating", "item": {...}, "separates": [...], ...}` or `{"test": "needle-screen"}`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: EncodingKey.self)
        switch self {
        case .separating(let item, let codes, let first, let second, let basis):
            try container.encode("separating", forKey: "test")
            try container.encode(item, forKey: "item")
            try container.encode(codes, forKey: "separates")
            try container.encode((first * 1000).rounded() / 1000, forKey: "probabilityIfFirst")
            try container.encode((second * 1000).rounded() / 1000, forKey: "probabilityIfSecond")
            try container.encodeIfPresent(basis, forKey: "basis")
        case .conductionScreen:
            try container.encode("conduction-screen", forKey: "test")
        case .needleScreen:
            try container.encode("needle-screen", forKey: "test")
        case .polyneuropathyStudies(let gaps):
            try container.encode("polyneuropathy-studies", forKey: "test")
            try container.encode(gaps, forKey: "gaps")
        case .plexusSensoryStudies(let side):
            try container.encode("plexus-sensory-studies", forKey: "test")
            try container.encode(side, forKey: "side")
        }
    }
}

extension LocalizationCaveat {
    /// `{"caveat": "leg-not-examined", "side": "left"}`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: EncodingKey.self)
        switch self {
        case .technical(let note):
            try container.encode("technical", forKey: "caveat")
            try container.encode(note, forKey: "note")
        case .noNeedleExamination: try container.encode("no-needle-examination", forKey: "caveat")
        case .noConductionStudies: try container.encode("no-conduction-studies", forKey: "caveat")
        case .legNotExamined(let side):
            try container.encode("leg-not-examined", forKey: "caveat")
            try container.encode(side, forKey: "side")
        case .unusedAbnormalFindings(let ids):
            try container.encode("unused-abnormal-findings", forKey: "caveat")
            try container.encode(ids, forKey: "findings")
        case .polyneuropathyNotShown(let gaps):
            try container.encode("polyneuropathy-not-shown", forKey: "caveat")
            try container.encode(gaps, forKey: "gaps")
        case .plexopathyNotShown(let side):
            try container.encode("plexopathy-not-shown", forKey: "caveat")
            try container.encode(side, forKey: "side")
        case .healthyVariant(let variant, let ids):
            try container.encode("healthy-variant", forKey: "caveat")
            try container.encode(variant, forKey: "variant")
            try container.encode(ids, forKey: "findings")
        case .denervationBeforeOnset(let days, let ids):
            try container.encode("denervation-before-onset", forKey: "caveat")
            try container.encode(days, forKey: "days")
            try container.encode(ids, forKey: "findings")
        }
    }
}
