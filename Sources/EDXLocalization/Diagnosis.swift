public import EDXModel

/// The stable diagnosis codes, for other programs.
public enum DiagnosisCode: String, Codable, Sendable, Hashable, CaseIterable {
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
    case polyneuropathy
    case normalStudy = "normal-study"
    case insufficientData = "insufficient-data"

    /// Plain clinical wording.
    public var words: String {
        switch self {
        case .l4Radiculopathy: "L4 radiculopathy"
        case .l5Radiculopathy: "L5 radiculopathy"
        case .s1Radiculopathy: "S1 radiculopathy"
        case .lumbosacralPlexopathy: "lumbosacral plexopathy"
        case .sciaticNeuropathy: "sciatic neuropathy"
        case .peronealNeuropathyFibularHead: "common peroneal (fibular) neuropathy at the fibular head"
        case .deepPeronealNeuropathy: "deep peroneal neuropathy"
        case .superficialPeronealNeuropathy: "superficial peroneal neuropathy"
        case .tibialNeuropathy: "tibial neuropathy"
        case .femoralNeuropathy: "femoral neuropathy"
        case .polyneuropathy: "length-dependent polyneuropathy"
        case .normalStudy: "normal study"
        case .insufficientData: "insufficient data for localization"
        }
    }
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
}

public enum Severity: String, Codable, Sendable, Hashable, CaseIterable, Comparable {
    case mild, moderate, severe, complete

    public static func < (a: Severity, b: Severity) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
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
    case mixed
    case undetermined
}

/// One finding cited for or against a diagnosis. (Named apart from `EDXReference.Evidence`, the
/// strength-of-source tag, so that code importing both modules stays unambiguous.)
public struct EvidenceItem: Codable, Sendable, Hashable {
    /// The id of the finding (see `edx findings`).
    public var finding: String
    public var statement: String
    /// How much the finding moves the odds, in natural-log units against the closest alternative.
    public var weight: Double
}

public struct EvidenceLists: Codable, Sendable, Hashable {
    public var `for`: [EvidenceItem]
    public var against: [EvidenceItem]
}

/// Severity with the numbers that set it.
public struct SeverityAssessment: Codable, Sendable, Hashable {
    public var grade: Severity
    public var basis: [String]
}

/// One entry of the ranked differential.
public struct Diagnosis: Codable, Sendable, Hashable {
    public var code: DiagnosisCode
    public var side: Laterality
    /// Where along the nerve or plexus, when the model tells levels apart within one code
    /// (`at the ankle (tarsal tunnel)`, `predominantly the peroneal division`).
    public var level: String? = nil
    /// Posterior probability under the model that this lesion is present (see docs/localization.md).
    public var probability: Double
    public var severity: Severity?
    public var severityBasis: [String]
    public var acuity: DiagnosisAcuity?
    public var pathophysiology: Pathophysiology?
    public var evidence: EvidenceLists
    /// Tests that matter for this diagnosis and were not done.
    public var notTested: [String]
    /// Other lesions the data also demand (a coexisting lesion), by code.
    public var coexisting: [DiagnosisCode]
    public var summary: String
}

/// A test that would best separate the leading diagnoses.
public struct SuggestedTest: Codable, Sendable, Hashable {
    public var test: String
    public var separates: [DiagnosisCode]
    public var rationale: String
    public var citation: String?
}

/// The localization of one study.
public struct Localization: Codable, Sendable, Hashable {
    public var diagnoses: [Diagnosis]
    public var suggestedTests: [SuggestedTest]
    /// Caveats that apply to the whole study.
    public var caveats: [String]
}
