import EDXFindings
import EDXModel
import EDXReference

/// What the findings say about recovery, for the leading diagnosis (evidence §7.1).
public enum PrognosisNote: String, Codable, Sendable, Hashable, CaseIterable {
    /// The weakness is mostly conduction block: it recovers as the myelin repairs, usually within weeks
    /// once the compression ends (S92, S126).
    case blockRecoversInWeeks = "block-recovers-in-weeks"
    /// Block and axon loss: the blocked part recovers in weeks, the axon loss over months (S92, S126).
    case mixedRecovery = "mixed-block-and-axon-loss"
    /// Axon loss with a distal response or voluntary units left: an incomplete lesion, which recovers by
    /// collateral sprouting over months (S47, S65, S125).
    case incompleteAxonLoss = "incomplete-axon-loss"
    /// No distal response and no voluntary units: recovery depends on regrowth from the lesion, about
    /// 1 mm a day; the outlook is guarded (S65, S151).
    case completeLesion = "complete-lesion"
    /// Large, long-duration motor units: reinnervation is under way (S62).
    case reinnervationUnderway = "reinnervation-under-way"
    /// A femoral CMAP at least half the other side's: recovery within a year is the rule (S153).
    case femoralFavourable = "femoral-axon-loss-estimate-at-most-50"
    /// A femoral CMAP below half the other side's: fewer than half recover fully (S153).
    case femoralGuarded = "femoral-axon-loss-estimate-over-50"
}

/// The follow-up that is standard for the findings (evidence §7.1, §8.1).
public enum FollowUpAdvice: Codable, Sendable, Hashable {
    /// A severe or complete lesion: repeat the study at about three months to look for reinnervation,
    /// earlier if surgery is being considered (S151).
    case repeatStudyForReinnervation
    /// A sciatic or plexus lesion: imaging of its course (MRI of the lumbosacral plexus, S152).
    case imagingOfPlexusOrSciatic
    /// A cool limb: the study is limited; warm the limb and repeat the slowed studies (S147).
    case warmAndRepeat
    /// A disorder outside the lesion model: the study that would show it (S143-S146, S154).
    case studyForPattern(OutsidePattern)
    /// Normal sensory conduction does not test the small fibres (S150).
    case smallFibreNotTested
}

/// Prognosis and follow-up of the leading diagnosis, with the findings they rest on.
public struct Outlook: Encodable, Sendable, Hashable {
    public var prognosis: [PrognosisNote]
    public var followUp: [FollowUpAdvice]

    public init(prognosis: [PrognosisNote] = [], followUp: [FollowUpAdvice] = []) {
        self.prognosis = prognosis
        self.followUp = followUp
    }

    /// The outlook of `diagnosis`, the leading one of `findings`.
    static func of(_ diagnosis: Diagnosis, findings: StudyFindings) -> Outlook {
        var outlook = Outlook()
        let cool = findings.technical.contains { $0.kind == .coolLimb }
        switch diagnosis.code {
        case .normalStudy:
            if findings.measurements.contains(where: { $0.study.kind == .sensory }) {
                outlook.followUp.append(.smallFibreNotTested)
            }
        case .insufficientData:
            break
        case .outsideModel:
            if let pattern = diagnosis.pattern { outlook.followUp.append(.studyForPattern(pattern)) }
        default:
            // The recovery figures are those of nerve lesions (S65, S92, S125, S126); a root lesion's
            // course is that of its cause.
            let root = [DiagnosisCode.l3Radiculopathy, .l4Radiculopathy, .l5Radiculopathy, .s1Radiculopathy]
                .contains(diagnosis.code)
            switch root ? nil : diagnosis.pathophysiology {
            case .conductionBlock?, .demyelinating?:
                if diagnosis.code != .polyneuropathy { outlook.prognosis.append(.blockRecoversInWeeks) }
            case .mixed?:
                if diagnosis.code != .polyneuropathy { outlook.prognosis.append(.mixedRecovery) }
            case .axonal?, .slowingAndAxonLoss?:
                if diagnosis.severity == .complete {
                    outlook.prognosis.append(.completeLesion)
                } else if diagnosis.code != .polyneuropathy {
                    outlook.prognosis.append(.incompleteAxonLoss)
                }
            default:
                break
            }
            if diagnosis.acuity == .subacuteOrChronicActive || diagnosis.acuity == .chronicInactive {
                outlook.prognosis.append(.reinnervationUnderway)
            }
            if diagnosis.code == .femoralNeuropathy {
                for basis in diagnosis.severityBasis {
                    if case .cmapOfOtherSide(let study, _, _, let percent) = basis, study.reference == .femoralMotor {
                        let favourable = percent >= Criteria.femoralFavourableCMAP.value
                        outlook.prognosis.append(favourable ? .femoralFavourable : .femoralGuarded)
                        break
                    }
                }
            }
            if diagnosis.severity == .severe || diagnosis.severity == .complete {
                outlook.followUp.append(.repeatStudyForReinnervation)
            }
            if diagnosis.code == .sciaticNeuropathy || diagnosis.code == .lumbosacralPlexopathy {
                outlook.followUp.append(.imagingOfPlexusOrSciatic)
            }
        }
        if cool { outlook.followUp.append(.warmAndRepeat) }
        return outlook
    }
}

extension FollowUpAdvice {
    /// `{"advice": "study-for-pattern", "pattern": "motor-neuron-disease"}`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: EncodingKey.self)
        switch self {
        case .repeatStudyForReinnervation: try container.encode("repeat-study-for-reinnervation", forKey: "advice")
        case .imagingOfPlexusOrSciatic: try container.encode("imaging-of-plexus-or-sciatic", forKey: "advice")
        case .warmAndRepeat: try container.encode("warm-and-repeat", forKey: "advice")
        case .smallFibreNotTested: try container.encode("small-fibre-not-tested", forKey: "advice")
        case .studyForPattern(let pattern):
            try container.encode("study-for-pattern", forKey: "advice")
            try container.encode(pattern, forKey: "pattern")
        }
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: EncodingKey.self)
        switch try container.decode(String.self, forKey: "advice") {
        case "repeat-study-for-reinnervation": self = .repeatStudyForReinnervation
        case "imaging-of-plexus-or-sciatic": self = .imagingOfPlexusOrSciatic
        case "warm-and-repeat": self = .warmAndRepeat
        case "small-fibre-not-tested": self = .smallFibreNotTested
        default: self = .studyForPattern(try container.decode(OutsidePattern.self, forKey: "pattern"))
        }
    }
}
