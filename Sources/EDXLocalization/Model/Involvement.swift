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
    private var older: Bool { (ageYears ?? 0) > Criteria.sensoryAgeCaveat.value }

    // MARK: Background: abnormal without any lesion

    func background(_ item: ModelItem) -> Double {
        switch item {
        case .muscle(let muscle, _):
            return muscle.isParaspinal ? Criteria.paraspinalFibsInHealthy.value / 100 : P.backgroundLimbMuscle.value
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
        case .fibularHeadConduction, .distalConduction:
            return P.backgroundConduction.value
        case .hReflex:
            return older ? P.backgroundHReflexOlder.value : P.backgroundHReflex.value
        }
    }

    // MARK: Involvement: abnormal because of the lesion

    func involvement(_ item: ModelItem, by lesion: Lesion) -> Double {
        if let side = lesion.side, side != item.side { return 0 }
        if lesion.mode == .block, case .node(let node) = lesion.site { return blockInvolvement(node, item) }
        switch lesion.site {
        case .polyneuropathy: return polyneuropathy(item)
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
            if node == .tarsalTunnel && study == .tibialAH { return P.blockConduction.value }
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
            guard let muscle = Anatomy.motorRecordings[study], let attachment = Anatomy.muscles[muscle] else {
                return 0
            }
            return P.rootCMAP.value * Self.share(attachment, of: root)
        case .fibularHeadConduction, .distalConduction:
            return 0
        case .hReflex:
            return root == .s1 ? P.rootS1HReflex.value : P.rootOtherHReflex.value
        }
    }

    /// Nerve-tree lesions: everything supplied from the lesion site down.
    private func nerveLesion(_ node: NerveNode, _ item: ModelItem) -> Double {
        switch item {
        case .muscle(let muscle, _):
            guard let attachment = Anatomy.muscles[muscle], let at = attachment.node else { return 0 }
            return muscleInvolvement(node, at: at, attachment: attachment)
        case .sensory(let nerve, _):
            guard let at = Anatomy.sensoryNerves[nerve]?.node else { return 0 }
            return sensoryInvolvement(node, nerve: nerve, at: at)
        case .cmap(let study, _):
            guard let muscle = Anatomy.motorRecordings[study], let attachment = Anatomy.muscles[muscle],
                let at = attachment.node
            else { return 0 }
            let reach = muscleInvolvement(node, at: at, attachment: attachment)
            guard reach > 0 else { return 0 }
            switch node {
            case .fibularHead: return P.fibularHeadCMAP.value
            case .lumbarPlexus, .lumbosacralTrunk, .sacralPlexus: return P.plexusCMAP.value
            default: return min(P.nerveCMAPCeiling.value, reach)
            }
        case .distalConduction(let study, _):
            if node == .anteriorTarsal && study == .peronealEDB { return P.anteriorTarsalDistalLatency.value }
            if node == .tarsalTunnel && study == .tibialAH { return P.tarsalTunnelDistalLatency.value }
            guard let muscle = Anatomy.motorRecordings[study], let at = Anatomy.muscles[muscle]?.node else { return 0 }
            return at.isWithin(node) ? P.nerveDistalLatency.value : 0
        case .fibularHeadConduction:
            return node == .fibularHead ? P.fibularHeadConduction.value : 0
        case .hReflex:
            switch node {
            case .sciatic, .sciaticTibialDivision: return P.sciaticHReflex.value
            case .sacralPlexus: return P.sacralPlexusHReflex.value
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
        case .sacralPlexus, .lumbarPlexus:
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
            return nerve == .sural ? P.tibialSural.value : 0
        default:
            return at.isWithin(node) ? P.nerveSensory.value : 0
        }
    }

    /// Length-dependent polyneuropathy: both sides, distal first; sural earliest, SP relatively spared
    /// early (S52-S55).
    private func polyneuropathy(_ item: ModelItem) -> Double {
        switch item {
        case .sensory(let nerve, _):
            switch nerve {
            case .sural: return P.polySural.value
            case .superficialPeroneal: return P.polySuperficialPeroneal.value
            case .deepPeroneal: return P.polyDeepPeroneal.value
            case .saphenous: return P.polySaphenous.value
            default: return P.polyOtherSensory.value
            }
        case .cmap(let study, _):
            switch study {
            case .peronealEDB: return P.polyEDBCMAP.value
            case .tibialAH: return P.polyAHCMAP.value
            default: return P.polyOtherCMAP.value
            }
        case .muscle(let muscle, _):
            switch muscle {
            case .extensorDigitorumBrevis, .abductorHallucis, .abductorDigitiMinimiPedis: return P.polyFootMuscle.value
            case .tibialisAnterior, .extensorHallucisLongus, .extensorDigitorumLongus, .peroneusLongus,
                .peroneusBrevis, .tibialisPosterior, .flexorDigitorumLongus, .gastrocnemiusMedial,
                .gastrocnemiusLateral, .soleus:
                return P.polyLegMuscle.value
            default: return P.polyProximalMuscle.value
            }
        case .fibularHeadConduction:
            return P.polyFibularHeadConduction.value
        case .distalConduction:
            return P.polyDistalLatency.value
        case .hReflex:
            return P.polyHReflex.value
        }
    }

    // MARK: Combining

    /// Probability that `item` is abnormal under `hypothesis`.
    func probabilityAbnormal(_ item: ModelItem, under hypothesis: Hypothesis) -> Double {
        var normal = 1 - background(item)
        for lesion in hypothesis.lesions { normal *= 1 - involvement(item, by: lesion) }
        return min(P.probabilityCeiling.value, max(P.probabilityFloor.value, 1 - normal))
    }
}
