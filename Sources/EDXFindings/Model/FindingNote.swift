public import EDXReference

/// A caveat or note attached to a finding: typed, with a stable code, worded by the report layer.
///
/// Rules decide on these values (for example, which caveats of a sensory amplitude carry over to
/// the axon loss it shows), never on their wording.
public enum FindingNote: Encodable, Sendable, Hashable {
    // MARK: Measurements

    /// The limit lookup assumed something (a missing covariate, a patient outside the population).
    case limitAssumption(LimitAssumption)
    /// The study has no published reference values.
    case noPublishedReference
    /// The study has published values, but none for this measure.
    case noPublishedLimitForMeasure
    /// Peroneal F waves are often sparse or absent in normal subjects [U].
    case peronealFWavesOftenAbsent
    /// Over the sensory age threshold a small or absent sural or superficial peroneal response is
    /// weak evidence (S16, S18).
    case olderSensoryResponseWeakEvidence
    /// Saphenous responses are unobtainable bilaterally in a quarter of normal subjects (S6).
    case saphenousOftenUnobtainable
    /// A cool limb: warming could explain this slow value (S31, S34).
    case warmingCouldExplain

    // MARK: Nerves

    /// Studied within the Wallerian window: the distal CMAP may not yet show the axon loss.
    case earlyForMotorAxonLoss(days: Double)
    /// Studied within the sensory Wallerian window: a normal SNAP does not yet exclude a
    /// postganglionic lesion.
    case earlyForSensoryAxonLoss(days: Double)
    /// An accessory deep peroneal nerve is confirmed by stimulating behind the lateral malleolus.
    case confirmAccessoryDeepPeroneal
    /// The distal CMAP is too small for block to be judged (S39).
    case distalResponseTooSmallForBlock
    /// Within the Wallerian window a proximal drop may be early axon loss rather than block.
    case earlyDropMayBeAxonLoss
    /// Tibial block is not called on amplitude alone; the asymmetry is what supports it.
    case tibialBlockNeedsAsymmetry
    /// Submaximal popliteal stimulation is the usual cause of a large tibial drop.
    case submaximalPoplitealStimulation
    /// Both segments are on the same limb, so cooling does not explain their difference.
    case sameLimbSoNotCooling
    /// A cool limb: possibly temperature-related.
    case coolLimbPossiblyTemperature

    // MARK: Muscles

    /// Studied before fibrillations are expected in this muscle.
    case beforeFibrillationOnset(day: Double, expectedDay: Double)
    /// Polyphasia alone is a weak sign of reinnervation.
    case polyphasiaAloneWeak
    /// Equivocal (+/-) spontaneous activity is not counted as active denervation.
    case equivocalSpontaneousActivity
    /// Paraspinal spontaneous activity occurs in healthy adults (S59).
    case paraspinalActivityInHealthy
    /// Small, short MUAPs or early recruitment: outside the neurogenic model.
    case myopathicFeatures
    /// Increased insertional activity without fibrillations is not counted as denervation.
    case insertionalActivityAlone

    /// A stable code for other programs.
    public var code: String {
        switch self {
        case .limitAssumption: "limit-assumption"
        case .noPublishedReference: "no-published-reference"
        case .noPublishedLimitForMeasure: "no-published-limit-for-measure"
        case .peronealFWavesOftenAbsent: "peroneal-f-waves-often-absent"
        case .olderSensoryResponseWeakEvidence: "older-sensory-response-weak-evidence"
        case .saphenousOftenUnobtainable: "saphenous-often-unobtainable"
        case .warmingCouldExplain: "warming-could-explain"
        case .earlyForMotorAxonLoss: "early-for-motor-axon-loss"
        case .earlyForSensoryAxonLoss: "early-for-sensory-axon-loss"
        case .confirmAccessoryDeepPeroneal: "confirm-accessory-deep-peroneal"
        case .distalResponseTooSmallForBlock: "distal-response-too-small-for-block"
        case .earlyDropMayBeAxonLoss: "early-drop-may-be-axon-loss"
        case .tibialBlockNeedsAsymmetry: "tibial-block-needs-asymmetry"
        case .submaximalPoplitealStimulation: "submaximal-popliteal-stimulation"
        case .sameLimbSoNotCooling: "same-limb-so-not-cooling"
        case .coolLimbPossiblyTemperature: "cool-limb-possibly-temperature"
        case .beforeFibrillationOnset: "before-fibrillation-onset"
        case .polyphasiaAloneWeak: "polyphasia-alone-weak"
        case .equivocalSpontaneousActivity: "equivocal-spontaneous-activity"
        case .paraspinalActivityInHealthy: "paraspinal-activity-in-healthy"
        case .myopathicFeatures: "myopathic-features"
        case .insertionalActivityAlone: "insertional-activity-alone"
        }
    }

    /// Whether the note says an abnormal response may be normal for the patient: carried over from a
    /// sensory amplitude to the axon loss it shows.
    public var weakensSensoryLoss: Bool {
        self == .olderSensoryResponseWeakEvidence || self == .saphenousOftenUnobtainable
    }
}

extension FindingNote {
    /// `{"code": "early-for-motor-axon-loss", "days": 5}`: the code and the values of the note.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: EncodingKey.self)
        try container.encode(code, forKey: "code")
        switch self {
        case .limitAssumption(let assumption): try container.encode(assumption, forKey: "assumption")
        case .earlyForMotorAxonLoss(let days), .earlyForSensoryAxonLoss(let days):
            try container.encode(days, forKey: "days")
        case .beforeFibrillationOnset(let day, let expected):
            try container.encode(day, forKey: "day")
            try container.encode(expected, forKey: "expectedDay")
        default: break
        }
    }
}
