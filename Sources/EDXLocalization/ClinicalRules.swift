import EDXAnatomy
import EDXFindings
import EDXModel
import EDXReference

/// What a study lacks to show a polyneuropathy (evidence §3.5; S52, S54).
public enum PolyneuropathyGap: String, Codable, Sendable, Hashable, CaseIterable {
    /// Abnormal findings in one nerve's territory only.
    case singleNerve = "single-nerve"
    /// No abnormal sensory response (length-dependent form).
    case noSensoryInvolvement = "no-sensory-involvement"
    /// The sural response, the first to go, was not recorded.
    case suralNotRecorded = "sural-not-recorded"
    /// Proximal muscles abnormal with the distal ones normal.
    case noDistalGradient = "no-distal-gradient"
    /// One leg only was examined: symmetry cannot be shown.
    case otherLegNotExamined = "other-leg-not-examined"
    /// Both legs examined, only one abnormal.
    case asymmetric
    /// Fewer than two motor nerves show the motor form's change: demyelinating slowing (S38, S39) or, for
    /// the motor axonal form, axon loss (a low distal CMAP, S155, or denervated muscles).
    case fewerThanTwoMotorNerves = "fewer-than-two-motor-nerves"
}

/// A finding that healthy people show often enough not to make a study abnormal on its own: the
/// documented exceptions to "normal study only when nothing is abnormal" (docs/localization.md §6.7).
public enum HealthyVariant: String, Codable, Sendable, Hashable, CaseIterable {
    /// Lumbar paraspinal spontaneous activity: of any grade in an older person, mild (1+) at any adult
    /// age (14.5 % of asymptomatic adults, rising with age; S59, S60).
    case paraspinalActivity = "paraspinal-activity"
    /// Fibrillations in an intrinsic foot muscle of an older person [U].
    case footMuscleFibrillationsOlder = "foot-muscle-fibrillations-over-60"
    /// A small or absent sural or superficial peroneal response over 60 (S16, S18).
    case sensoryResponseOlder = "sural-or-superficial-peroneal-over-60"
    /// A saphenous response absent on both sides (unobtainable in 25 % of normal subjects, S6).
    case bilaterallyAbsentSaphenous = "bilaterally-absent-saphenous"
    /// A small EDB CMAP over 60 (EDB is often atrophic in older people, S7).
    case smallEDBOlder = "small-edb-cmap-over-60"
}

/// Rules over the hypotheses that no likelihood expresses well: when a normal study may lead, when a
/// polyneuropathy may lead, when two lesions may be proposed together.
enum ClinicalRules {
    // MARK: Normal study

    /// The healthy variant an abnormal observation is, if it is one.
    static func healthyVariant(_ observation: Observation, _ observations: [Observation], model: Model)
        -> HealthyVariant?
    {
        guard observation.abnormal else { return nil }
        switch observation.item {
        case .muscle(let muscle, _) where muscle.isParaspinal && (model.older || observation.strength < 1):
            // Mild (1+) paraspinal fibrillations without reinnervation at any adult age, any grade over 60.
            return .paraspinalActivity
        case .muscle(let muscle, _) where model.older && Anatomy.segment(of: muscle) == .foot:
            return .footMuscleFibrillationsOlder
        case .sensory(let nerve, let side) where model.older && (nerve == .sural || nerve == .superficialPeroneal):
            // Age takes both sides alike: a response lost on one side with a normal other side is not it.
            let other = observations.first { $0.item == .sensory(nerve, side.opposite) }
            return other?.abnormal == false ? nil : .sensoryResponseOlder
        case .sensory(.saphenous, let side):
            let other = observations.first { $0.item == .sensory(.saphenous, side.opposite) }
            return other?.abnormal == true ? .bilaterallyAbsentSaphenous : nil
        case .cmap(.peronealEDB, _) where model.older: return .smallEDBOlder
        default: return nil
        }
    }

    /// The abnormal observations that healthy people do not show: any one of them forbids a normal study.
    static func abnormalBeyondHealthy(_ observations: [Observation], model: Model) -> [Observation] {
        observations.filter { observation in
            guard observation.abnormal else { return false }
            if case .reinnervation = observation.item { return false }
            return healthyVariant(observation, observations, model: model) == nil
        }
    }

    // MARK: Polyneuropathy

    /// A nerve's territory, for counting the nerves a study shows abnormal.
    private enum Territory: Hashable {
        case node(NerveNode)
        case sensory(Nerve)
        case study(ReferenceStudy)
        case segment(MuscleSegment)
    }

    /// The nerve territory an abnormal observation belongs to; the peroneal and tibial branches count
    /// as their nerve.
    private static func territory(_ item: ModelItem) -> Territory? {
        func trunk(_ node: NerveNode) -> Territory {
            if node.isWithin(.commonPeroneal) { return .node(.commonPeroneal) }
            if node.isWithin(.tibial) { return .node(.tibial) }
            return .node(node)
        }
        switch item {
        case .muscle(let muscle, _):
            let node =
                Anatomy.muscles[muscle]?.node ?? Anatomy.groups[muscle]?.first.flatMap { Anatomy.muscles[$0]?.node }
            return node.map(trunk) ?? .segment(Anatomy.segment(of: muscle))
        case .sensory(let nerve, _): return .sensory(nerve)
        case .cmap(let study, _), .distalConduction(let study, _), .fWave(let study, _):
            switch study {
            case .peronealEDB, .peronealTA, .peronealFWave: return .node(.commonPeroneal)
            case .tibialAH, .lateralPlantarMotor, .tibialFWave: return .node(.tibial)
            default: return .study(study)
            }
        case .fibularHeadConduction: return .node(.commonPeroneal)
        case .hReflex: return .node(.tibial)
        case .myopathic, .reinnervation: return nil
        }
    }

    /// The gaps, over every limb the study examined: arm nerves count toward "more than one nerve",
    /// arm sensory responses toward sensory involvement, and both sides of the body toward symmetry.
    static func polyneuropathyGaps(_ observations: [Observation], form: DiffuseProcess) -> [PolyneuropathyGap] {
        let limbs = observations.filter { $0.item.region == .lumbosacral || $0.item.region == .cervical }
        let leg = limbs.filter { $0.item.region == .lumbosacral }
        let abnormal = limbs.filter { $0.abnormal && territory($0.item) != nil }
        var gaps: [PolyneuropathyGap] = []
        if Set(abnormal.compactMap { territory($0.item) }).count < 2 { gaps.append(.singleNerve) }
        let sensoryAbnormal = abnormal.contains {
            if case .sensory = $0.item { return true }
            return false
        }
        func motorNerves(_ include: (ModelItem) -> Bool) -> Int {
            Set(abnormal.filter { include($0.item) }.compactMap { territory($0.item) }).count
        }
        switch form {
        case .demyelinatingPolyneuropathy:
            // Demyelinating features (slow distal latency, F wave, focal slowing) in two motor nerves (S38, S39).
            let slowed = motorNerves {
                switch $0 {
                case .distalConduction, .fWave, .fibularHeadConduction: true
                default: false
                }
            }
            if slowed < 2 { gaps.append(.fewerThanTwoMotorNerves) }
        case .motorAxonalNeuropathy:
            // Motor axon loss in at least two nerves: low distal CMAPs (S155) or denervated muscles.
            let lost = motorNerves {
                switch $0 {
                case .cmap, .muscle: true
                default: false
                }
            }
            if lost < 2 { gaps.append(.fewerThanTwoMotorNerves) }
        default:
            if !sensoryAbnormal {
                let suralRecorded = leg.contains {
                    if case .sensory(.sural, _) = $0.item { return true }
                    return false
                }
                gaps.append(suralRecorded ? .noSensoryInvolvement : .suralNotRecorded)
            }
            // Distal before proximal: abnormal proximal muscles with normal distal ones is not length-dependent.
            let distal = abnormal.contains {
                switch $0.item {
                case .sensory, .cmap, .distalConduction, .fWave, .hReflex: return true
                case .muscle(let muscle, _): return [.foot, .leg, .hand].contains(Anatomy.segment(of: muscle))
                default: return false
                }
            }
            let proximal = abnormal.contains {
                guard case .muscle(let muscle, _) = $0.item else { return false }
                return [.thigh, .lumbarParaspinal, .arm].contains(Anatomy.segment(of: muscle))
            }
            if !distal && proximal { gaps.append(.noDistalGradient) }
        }
        let sides = Set(limbs.map(\.item.side))
        if sides.count < 2 {
            gaps.append(.otherLegNotExamined)
        } else if Set(abnormal.map(\.item.side)).count < 2 {
            gaps.append(.asymmetric)
        }
        return gaps
    }

    // MARK: Denervation a diagnosis must explain

    /// Active denervation in a limb or cranial muscle: not in a foot muscle or a paraspinal, where
    /// healthy people show it (S59, S60; docs/localization.md §6.7). A diagnosis that leaves such a muscle
    /// unexplained is incomplete: a second lesion or a process outside the lesion model must explain it.
    static func denervationToExplain(_ observations: [Observation]) -> [Observation] {
        observations.filter { observation in
            guard observation.denervated, case .muscle(let muscle, _) = observation.item else { return false }
            switch Anatomy.segment(of: muscle) {
            case .foot, .lumbarParaspinal, .thoracic: return false
            default: return true
            }
        }
    }

    /// Whether some lesion of the hypothesis involves each of `required` (as an axon-losing lesion).
    static func explains(_ hypothesis: Hypothesis, _ required: [Observation], model: Model) -> Bool {
        required.allSatisfy { observation in
            hypothesis.lesions.contains { lesion in
                var axonal = lesion
                axonal.mode = .axonal
                return model.involvement(observation.item, by: axonal) >= ParameterKey.unexplainedAbnormal.value
            }
        }
    }

    // MARK: Plexopathy

    /// Sensory responses are what separate a plexus lesion from a root lesion, whose dorsal root
    /// ganglion lies outside the canal (S101, S102). When none of the plexus lesion's territory was
    /// recorded, nothing in the study speaks for the plexus over a root that explains the same muscles,
    /// and the commoner root lesion leads.
    static func plexusSensoryNotRecorded(_ lesion: Lesion, _ observations: [Observation], model: Model) -> Bool {
        guard case .node(let node) = lesion.site,
            [.lumbosacralPlexus, .lumbarPlexus, .lumbosacralTrunk, .sacralPlexus].contains(node)
        else { return false }
        return !observations.contains { observation in
            guard case .sensory = observation.item else { return false }
            return model.involvement(observation.item, by: lesion) >= ParameterKey.involvedForGrading.value
        }
    }

    // MARK: Coexisting lesions

    /// A pair of lesions is proposed only when each explains an abnormal finding the other cannot: a
    /// second lesion is never made of findings the first already explains.
    static func pairIsAdmissible(_ hypothesis: Hypothesis, _ observations: [Observation], model: Model) -> Bool {
        guard hypothesis.lesions.count == 2 else { return true }
        let (a, b) = (hypothesis.lesions[0], hypothesis.lesions[1])
        func explainsAlone(_ first: Lesion, _ second: Lesion) -> Bool {
            observations.contains { observation in
                observation.abnormal
                    && model.involvement(observation.item, by: first) >= ParameterKey.involvedForGrading.value
                    && model.involvement(observation.item, by: second) < ParameterKey.unexplainedAbnormal.value
            }
        }
        return explainsAlone(a, b) && explainsAlone(b, a)
    }
}
