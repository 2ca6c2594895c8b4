import EDXAnatomy
import EDXModel
import EDXReference

/// What each lesion predicts for each item: the probability that the item is abnormal.
///
/// The probability of an abnormal item is a noisy-OR of its background rate (abnormal in people
/// without the lesion) and each lesion's involvement. The structure is anatomy (which items lie in a
/// lesion's territory, from EDXAnatomy); every number is a ``ParameterKey`` or a criterion of
/// EDXReference (docs/localization.md lists them all).
struct Model: Sendable {
    var ageYears: Double?

    private typealias P = ParameterKey

    /// Over the age above which sensory responses are often absent in healthy people (S16, S18).
    var older: Bool { (ageYears ?? 0) > Criteria.sensoryAgeCaveat.value }

    // MARK: Background: abnormal without any lesion

    func background(_ item: ModelItem) -> Double {
        switch item {
        case .muscle(let muscle, _):
            if muscle.isParaspinal { return Criteria.paraspinalFibsInHealthy.value / 100 }
            if older && Anatomy.segment(of: muscle) == .foot { return P.backgroundFootMuscleOlder.value }
            return P.backgroundLimbMuscle.value
        case .myopathic:
            return P.backgroundMyopathic.value
        case .reinnervation:
            return P.reinnervationOfLesion.value
        case .sensory(let nerve, _):
            switch nerve {
            case .superficialPeroneal:
                return older
                    ? Criteria.superficialPeronealAbsentOver60.value / 100
                    : P.backgroundSuperficialPeronealYounger.value
            case .sural: return older ? P.backgroundSuralOlder.value : P.backgroundSuralYounger.value
            case .saphenous: return Criteria.saphenousAbsentInNormals.value / 100
            default: return P.backgroundOtherSensory.value
            }
        case .cmap(let study, _):
            return study == .peronealEDB && older ? P.backgroundEDBOlder.value : P.backgroundCMAP.value
        case .distalConduction(.medianMotor, _):
            return P.backgroundMedianDistalLatency.value
        case .fibularHeadConduction, .distalConduction:
            return P.backgroundConduction.value
        case .fWave:
            return P.backgroundFWave.value
        case .hReflex:
            return older ? P.backgroundHReflexOlder.value : P.backgroundHReflex.value
        }
    }

    // MARK: Involvement: abnormal because of the lesion

    func involvement(_ item: ModelItem, by lesion: Lesion) -> Double {
        if let side = lesion.side, side != item.side { return 0 }
        // A generic muscle name stands for its members: abnormal as often as they are on average.
        if case .muscle(let group, let side) = item, let members = Anatomy.groups[group] {
            return members.reduce(0.0) { $0 + involvement(.muscle($1, side), by: lesion) } / Double(members.count)
        }
        if case .myopathic(let muscle, _) = item {
            guard case .diffuse(let process) = lesion.site else { return 0 }
            return myopathicInvolvement(process, muscle)
        }
        if case .reinnervation = item { return 0 }
        if lesion.mode == .block, case .node(let node) = lesion.site { return blockInvolvement(node, item) }
        switch lesion.site {
        case .diffuse(let process): return diffuse(process, item)
        case .root(let root): return rootLesion(root, item)
        case .node(let node): return nerveLesion(node, item)
        }
    }

    /// The weight of a root in a muscle: 1 for a main root, ``ParameterKey/rootMinorShare`` for a
    /// minor one (S86), 0 otherwise.
    static func share(_ attachment: Attachment, of root: Root) -> Double {
        switch attachment.roots[root] {
        case .main?: 1
        case .minor?: P.rootMinorShare.value
        case nil: 0
        }
    }

    /// Pure block or focal slowing at an entrapment site: the conduction change itself, some reduced
    /// recruitment, nothing distal.
    private func blockInvolvement(_ node: NerveNode, _ item: ModelItem) -> Double {
        switch item {
        case .fibularHeadConduction: return node == .fibularHead ? P.blockConduction.value : 0
        case .distalConduction(let study, _):
            if node == .tarsalTunnel && (study == .tibialAH || study == .lateralPlantarMotor) {
                return P.blockConduction.value
            }
            if node == .anteriorTarsal && study == .peronealEDB { return P.blockConduction.value }
            return 0
        case .muscle(let muscle, _):
            guard let at = Anatomy.muscles[muscle]?.node, at.isWithin(node) else { return 0 }
            return P.blockMuscleRecruitment.value
        default: return 0
        }
    }

    /// Roots: muscles by their share of the root; paraspinals by level; sensory responses spared
    /// (lesion proximal to the dorsal root ganglion, S77, S78).
    private func rootLesion(_ root: Root, _ item: ModelItem) -> Double {
        switch item {
        case .muscle(let muscle, _):
            guard let attachment = Anatomy.muscles[muscle] else { return 0 }
            let rate = muscle.isParaspinal ? P.rootParaspinal.value : P.rootLimbMuscle.value
            return Self.share(attachment, of: root) * rate
        case .sensory(let nerve, _):
            return nerve == .superficialPeroneal && root == .l5 ? P.rootL5SuperficialPeroneal.value : 0
        case .cmap(let study, _):
            guard let attachment = recordingAttachment(study) else { return 0 }
            return P.rootCMAP.value * Self.share(attachment, of: root)
        case .fWave(let study, _):
            guard let attachment = recordingAttachment(study) else { return 0 }
            return P.rootFWave.value * Self.share(attachment, of: root)
        case .fibularHeadConduction, .distalConduction, .myopathic, .reinnervation:
            return 0
        case .hReflex:
            return root == .s1 ? P.rootS1HReflex.value : P.rootOtherHReflex.value
        }
    }

    /// The anatomy of the recording muscle of a motor study, F waves included.
    private func recordingAttachment(_ study: ReferenceStudy) -> Attachment? {
        let muscle: Muscle? =
            switch study {
            case .tibialFWave: .abductorHallucis
            case .peronealFWave: .extensorDigitorumBrevis
            default: Anatomy.motorRecordings[study]
            }
        return muscle.flatMap { Anatomy.muscles[$0] }
    }

    /// Nerve-tree lesions: everything supplied from the lesion site down.
    private func nerveLesion(_ node: NerveNode, _ item: ModelItem) -> Double {
        switch item {
        case .muscle(let muscle, _):
            guard let attachment = Anatomy.muscles[muscle], let at = attachment.node else { return 0 }
            return muscleInvolvement(node, at: at, attachment: attachment)
        case .myopathic, .reinnervation:
            return 0
        case .sensory(let nerve, _):
            guard let at = Anatomy.sensoryNerves[nerve]?.node else { return 0 }
            return sensoryInvolvement(node, nerve: nerve, at: at)
        case .cmap(let study, _):
            guard let attachment = recordingAttachment(study), let at = attachment.node else { return 0 }
            let reach = muscleInvolvement(node, at: at, attachment: attachment)
            guard reach > 0 else { return 0 }
            switch node {
            case .fibularHead: return P.fibularHeadCMAP.value
            case .lumbosacralPlexus, .lumbarPlexus, .lumbosacralTrunk, .sacralPlexus: return P.plexusCMAP.value
            default: return min(P.nerveCMAPCeiling.value, reach)
            }
        case .fWave(let study, _):
            guard let attachment = recordingAttachment(study), let at = attachment.node else { return 0 }
            return muscleInvolvement(node, at: at, attachment: attachment) > 0 ? P.nerveFWave.value : 0
        case .distalConduction(let study, _):
            if node == .anteriorTarsal && study == .peronealEDB { return P.anteriorTarsalDistalLatency.value }
            if (node == .tarsalTunnel && (study == .tibialAH || study == .lateralPlantarMotor))
                || (node == .medialPlantar && study == .tibialAH)
                || (node == .lateralPlantar && study == .lateralPlantarMotor)
            {
                return P.tarsalTunnelDistalLatency.value
            }
            guard let at = recordingAttachment(study)?.node else { return 0 }
            return at.isWithin(node) ? P.nerveDistalLatency.value : 0
        case .fibularHeadConduction:
            return node == .fibularHead ? P.fibularHeadConduction.value : 0
        case .hReflex:
            switch node {
            case .sciatic, .sciaticTibialDivision: return P.sciaticHReflex.value
            case .sacralPlexus, .lumbosacralPlexus: return P.sacralPlexusHReflex.value
            case .tibial: return P.tibialHReflex.value
            default: return 0
            }
        }
    }

    private func muscleInvolvement(_ node: NerveNode, at: NerveNode, attachment: Attachment) -> Double {
        switch node {
        case .lumbosacralTrunk:
            guard at.isWithin(.sacralPlexus) else { return 0 }
            return P.lumbosacralTrunkMuscle.value
                * max(Self.share(attachment, of: .l5), Self.share(attachment, of: .l4))
        case .lumbosacralPlexus, .sacralPlexus, .lumbarPlexus:
            return at.isWithin(node) ? P.plexusMuscle.value : 0
        case .sciatic:
            guard at.isWithin(.sciatic) else { return 0 }
            return at.isWithin(.sciaticTibialDivision)
                ? P.sciaticTibialDivisionMuscle.value : P.sciaticPeronealDivisionMuscle.value
        case .sciaticPeronealDivision:
            if at.isWithin(.sciaticPeronealDivision) { return P.peronealDivisionLesionMuscle.value }
            return at.isWithin(.sciaticTibialDivision) ? P.peronealDivisionLesionTibialMuscle.value : 0
        case .fibularHead:
            guard at.isWithin(.fibularHead) else { return 0 }
            return at.isWithin(.superficialPeroneal)
                ? P.fibularHeadSuperficialMuscle.value : P.fibularHeadDeepMuscle.value
        default:
            return at.isWithin(node) ? P.nerveMuscle.value : 0
        }
    }

    private func sensoryInvolvement(_ node: NerveNode, nerve: Nerve, at: NerveNode) -> Double {
        switch node {
        case .lumbosacralPlexus:
            return max(
                sensoryInvolvement(.lumbarPlexus, nerve: nerve, at: at),
                sensoryInvolvement(.sacralPlexus, nerve: nerve, at: at))
        case .fibularHead:
            if nerve == .superficialPeroneal { return P.fibularHeadSuperficialPeroneal.value }
            if nerve == .sural { return P.fibularHeadSural.value }
            return at.isWithin(.fibularHead) ? P.fibularHeadDeepPeroneal.value : 0
        case .sciatic:
            if nerve == .sural || nerve == .superficialPeroneal { return P.sciaticSensory.value }
            return at.isWithin(.sciatic) ? P.nerveSensory.value : 0
        case .sciaticPeronealDivision:
            if nerve == .superficialPeroneal { return P.peronealDivisionSuperficialPeroneal.value }
            if nerve == .sural { return P.peronealDivisionSural.value }
            return at.isWithin(.sciaticPeronealDivision) ? P.nerveSensory.value : 0
        case .lumbosacralTrunk:
            if nerve == .superficialPeroneal { return P.lumbosacralTrunkSuperficialPeroneal.value }
            if nerve == .sural { return P.lumbosacralTrunkSural.value }
            // L5 fibres of the deep peroneal sensory branch run in the trunk too (S55).
            return nerve == .deepPeroneal ? P.lumbosacralTrunkSuperficialPeroneal.value : 0
        case .sacralPlexus:
            if nerve == .sural || nerve == .superficialPeroneal { return P.sacralPlexusSensory.value }
            return at.isWithin(.sacralPlexus) ? P.sacralPlexusSensory.value : 0
        case .lumbarPlexus:
            return nerve == .saphenous || nerve == .lateralFemoralCutaneous ? P.lumbarPlexusSensory.value : 0
        case .tibial:
            if nerve == .sural { return P.tibialSural.value }
            return at.isWithin(.tibial) ? P.nerveSensory.value : 0
        default:
            return at.isWithin(node) ? P.nerveSensory.value : 0
        }
    }

    // MARK: Diffuse processes

    private func diffuse(_ process: DiffuseProcess, _ item: ModelItem) -> Double {
        switch process {
        case .lengthDependentPolyneuropathy: return lengthDependent(item)
        case .demyelinatingPolyneuropathy: return demyelinating(item)
        case .motorAxonalNeuropathy: return motorAxonal(item)
        case .motorNeuronDisease: return motorNeuronDisease(item)
        case .neuromuscularJunction: return neuromuscularJunction(item)
        case .myopathy: return myopathy(item)
        case .unexplained:
            if case .myopathic = item { return 0 }
            return P.unexplainedItem.value
        }
    }

    /// Length-dependent polyneuropathy: both sides, distal first; sural earliest, SP relatively spared
    /// early (S52-S55); the hands once the legs are affected to the knee.
    private func lengthDependent(_ item: ModelItem) -> Double {
        switch item {
        case .sensory(let nerve, _):
            switch nerve {
            case .sural: return P.polySural.value
            case .superficialPeroneal: return P.polySuperficialPeroneal.value
            case .deepPeroneal, .medialPlantar, .lateralPlantar: return P.polyDeepPeroneal.value
            case .saphenous: return P.polySaphenous.value
            case .median, .ulnar, .radial: return P.polyUpperSensory.value
            default: return P.polyOtherSensory.value
            }
        case .cmap(let study, _):
            switch study {
            case .peronealEDB, .lateralPlantarMotor: return P.polyEDBCMAP.value
            case .tibialAH: return P.polyAHCMAP.value
            case .medianMotor, .ulnarMotor: return P.polyUpperCMAP.value
            default: return P.polyOtherCMAP.value
            }
        case .muscle(let muscle, _):
            switch Anatomy.segment(of: muscle) {
            case .foot: return P.polyFootMuscle.value
            case .leg: return P.polyLegMuscle.value
            case .hand: return P.polyHandMuscle.value
            default: return P.polyProximalMuscle.value
            }
        case .myopathic, .reinnervation: return 0
        case .fibularHeadConduction: return P.polyFibularHeadConduction.value
        case .distalConduction: return P.polyDistalLatency.value
        case .fWave: return P.polyFWave.value
        case .hReflex: return P.polyHReflex.value
        }
    }

    /// The parameters of a motor-predominant polyneuropathy, one per kind of item.
    private struct MotorForm {
        var sensory, cmap, distalMuscle, proximalMuscle, fibularHead, distalLatency, fWave, hReflex: ParameterKey
    }

    /// Acquired demyelinating polyneuropathy: slow distal latencies and F waves, low CMAPs, proximal
    /// as well as distal weakness, sensory responses relatively spared (S38, S39).
    private static let demyelinatingForm = MotorForm(
        sensory: .demyelinatingSensory, cmap: .demyelinatingCMAP, distalMuscle: .demyelinatingDistalMuscle,
        proximalMuscle: .demyelinatingProximalMuscle, fibularHead: .demyelinatingFibularHeadConduction,
        distalLatency: .demyelinatingDistalLatency, fWave: .demyelinatingFWave, hReflex: .demyelinatingHReflex)

    /// Motor axonal neuropathy: low distal CMAPs in several nerves without demyelinating features,
    /// sensory responses normal, denervation distal and proximal (S155, S156).
    private static let motorAxonalForm = MotorForm(
        sensory: .motorAxonalSensory, cmap: .motorAxonalCMAP, distalMuscle: .motorAxonalDistalMuscle,
        proximalMuscle: .motorAxonalProximalMuscle, fibularHead: .polyFibularHeadConduction,
        distalLatency: .motorAxonalDistalLatency, fWave: .motorAxonalFWave, hReflex: .motorAxonalHReflex)

    private func demyelinating(_ item: ModelItem) -> Double { motorForm(Self.demyelinatingForm, item) }

    private func motorAxonal(_ item: ModelItem) -> Double { motorForm(Self.motorAxonalForm, item) }

    private func motorForm(_ form: MotorForm, _ item: ModelItem) -> Double {
        switch item {
        case .sensory: return form.sensory.value
        case .cmap: return form.cmap.value
        case .muscle(let muscle, _):
            switch Anatomy.segment(of: muscle) {
            case .foot, .leg, .hand: return form.distalMuscle.value
            case .thigh, .arm: return form.proximalMuscle.value
            default: return P.polyProximalMuscle.value
            }
        case .myopathic, .reinnervation: return 0
        case .fibularHeadConduction: return form.fibularHead.value
        case .distalConduction: return form.distalLatency.value
        case .fWave: return form.fWave.value
        case .hReflex: return form.hReflex.value
        }
    }

    /// Motor neuron disease: denervation in every region, sensory responses spared, the sphincters
    /// spared (S143, S144).
    private func motorNeuronDisease(_ item: ModelItem) -> Double {
        switch item {
        case .muscle(let muscle, _):
            switch Anatomy.segment(of: muscle) {
            case .foot, .leg, .thigh, .hand, .arm: return P.mndLimbMuscle.value
            case .lumbarParaspinal, .thoracic: return P.mndParaspinal.value
            case .bulbar: return P.mndBulbar.value
            case .sphincter: return 0
            }
        case .cmap: return P.mndCMAP.value
        default: return 0
        }
    }

    /// A presynaptic disorder of the neuromuscular junction: low CMAPs everywhere, sensory responses
    /// and the needle examination normal (S145).
    private func neuromuscularJunction(_ item: ModelItem) -> Double {
        switch item {
        case .cmap: return P.nmjCMAP.value
        case .hReflex: return P.nmjHReflex.value
        default: return 0
        }
    }

    /// Myopathy: neurogenic findings only where fibrillations come with it (S154).
    private func myopathy(_ item: ModelItem) -> Double {
        switch item {
        case .muscle(let muscle, _):
            return Anatomy.segment(of: muscle) == .sphincter ? 0 : P.myopathyNeurogenic.value
        case .cmap: return P.myopathyCMAP.value
        default: return 0
        }
    }

    /// How often a neurogenic muscle shows reinnervation under a diffuse process, where it differs from
    /// a focal lesion's (whose chronicity is unknown).
    static func reinnervation(_ process: DiffuseProcess) -> Double? {
        switch process {
        case .motorNeuronDisease: P.mndReinnervation.value
        case .demyelinatingPolyneuropathy, .motorAxonalNeuropathy: P.acquiredPolyReinnervation.value
        case .neuromuscularJunction, .myopathy: P.nmjOrMyopathyReinnervation.value
        default: nil
        }
    }

    private func myopathicInvolvement(_ process: DiffuseProcess, _ muscle: Muscle) -> Double {
        switch process {
        case .myopathy:
            switch Anatomy.segment(of: muscle) {
            case .thigh, .arm, .lumbarParaspinal, .thoracic: return P.myopathyProximal.value
            case .sphincter: return 0
            default: return P.myopathyDistal.value
            }
        case .neuromuscularJunction: return P.nmjMyopathic.value
        default: return 0
        }
    }

    // MARK: Combining

    /// Probability that `item` is abnormal under `hypothesis`.
    func probabilityAbnormal(_ item: ModelItem, under hypothesis: Hypothesis) -> Double {
        // Reinnervation of a neurogenic muscle is a conditional reading: how chronic the process is.
        if case .reinnervation = item {
            for lesion in hypothesis.lesions {
                if case .diffuse(let process) = lesion.site, let p = Self.reinnervation(process) { return p }
            }
            return P.reinnervationOfLesion.value
        }
        var normal = 1 - background(item)
        for lesion in hypothesis.lesions { normal *= 1 - involvement(item, by: lesion) }
        return min(P.probabilityCeiling.value, max(P.probabilityFloor.value, 1 - normal))
    }
}
