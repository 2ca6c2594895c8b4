import EDXAnatomy
import EDXModel
import EDXReference

/// What each lesion predicts for each item: the probability that the item is abnormal.
///
/// Every number here is an engine proposal [P] built on the cited observations; docs/localization.md
/// lists them. The probability of an abnormal item is a noisy-OR of its background rate (abnormal in
/// people without the lesion) and each lesion's involvement.
struct Model: Sendable {
    var ageYears: Double?

    // MARK: Background: abnormal without any lesion

    func background(_ item: Item) -> Double {
        let older = (ageYears ?? 0) > 60
        switch item {
        case .muscle(let muscle, _):
            // Paraspinal fibrillations in 14.5 % of asymptomatic adults (S59); limb muscles rarely.
            return muscle.isParaspinal ? 0.145 : 0.03
        case .sensory(let nerve, _):
            switch nerve {
            case .superficialPeroneal: return older ? 0.27 : 0.03  // S16: 27.3 % over 60, 1.6 % under
            case .sural: return older ? 0.15 : 0.03  // S18: small or absent in asymptomatic older people
            case .saphenous: return 0.25  // S6: unobtainable bilaterally in 25 % of normals
            default: return 0.05
            }
        case .cmap(let study, _):
            // 3rd-percentile limits; EDB is often atrophic in older people (S7).
            return study == .peronealEDB && older ? 0.08 : 0.03
        case .fibularHeadConduction, .distalConduction:
            return 0.03  // 97th-percentile limits (S5, S6)
        case .hReflex:
            return older ? 0.10 : 0.05
        }
    }

    // MARK: Involvement: abnormal because of the lesion

    func involvement(_ item: Item, by lesion: Lesion) -> Double {
        if let side = lesion.side, side != item.side { return 0 }
        if lesion.mode == .block, case .node(let node) = lesion.site { return blockInvolvement(node, item) }
        switch lesion.site {
        case .polyneuropathy: return polyneuropathy(item)
        case .root(let root): return rootLesion(root, item)
        case .node(let node): return nerveLesion(node, item)
        }
    }

    /// Pure block or focal slowing at an entrapment site: the conduction change itself, some reduced
    /// recruitment, nothing distal.
    private func blockInvolvement(_ node: NerveNode, _ item: Item) -> Double {
        switch item {
        case .fibularHeadConduction: return node == .fibularHead ? 0.95 : 0
        case .distalConduction(let study, _):
            if node == .tarsalTunnel && study == .tibialAH { return 0.95 }
            if node == .anteriorTarsal && study == .peronealEDB { return 0.95 }
            return 0
        case .muscle(let muscle, _):
            guard let at = Anatomy.muscles[muscle]?.node, at.isWithin(node) else { return 0 }
            return 0.30  // recruitment reduced by the block, no denervation
        default: return 0
        }
    }

    /// Roots: muscles by their share of the root; paraspinals by level; sensory responses spared
    /// (lesion proximal to the dorsal root ganglion, S77, S78).
    private func rootLesion(_ root: Root, _ item: Item) -> Double {
        switch item {
        case .muscle(let muscle, _):
            guard let attachment = Anatomy.muscles[muscle] else { return 0 }
            let share = attachment.share(of: root)
            // Paraspinal EMG about 75-83 % sensitive (S68); limb muscles are spared in partial
            // root lesions, so a main-root muscle is abnormal about 70 % of the time (S72, S73).
            return share * (muscle.isParaspinal ? 0.75 : 0.70)
        case .sensory(let nerve, _):
            // A foraminal L5 lesion can reach the ganglion and reduce the SP response (S79).
            return nerve == .superficialPeroneal && root == .l5 ? 0.10 : 0
        case .cmap(let study, _):
            // CMAPs fall only with marked axon loss in radiculopathy (S81, S82).
            guard let muscle = Anatomy.motorRecordings[study], let attachment = Anatomy.muscles[muscle] else {
                return 0
            }
            return 0.20 * attachment.share(of: root)
        case .fibularHeadConduction, .distalConduction:
            return 0
        case .hReflex:
            // The H reflex tests S1, not L5 (S28, S76).
            return root == .s1 ? 0.75 : 0.03
        }
    }

    /// Nerve-tree lesions: everything supplied from the lesion site down.
    private func nerveLesion(_ node: NerveNode, _ item: Item) -> Double {
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
            // A distal CMAP falls only with substantial axon loss (S47); about half of fibular-head
            // lesions are mainly block, which spares it (S45); plexopathies are patchy (S103).
            switch node {
            case .fibularHead: return 0.55
            case .lumbarPlexus, .lumbosacralTrunk, .sacralPlexus: return 0.40
            default: return min(0.65, reach)
            }
        case .distalConduction(let study, _):
            // Entrapment at the ankle slows the distal segment (S91; tarsal tunnel, S119).
            if node == .anteriorTarsal && study == .peronealEDB { return 0.60 }
            if node == .tarsalTunnel && study == .tibialAH { return 0.70 }
            guard let muscle = Anatomy.motorRecordings[study], let at = Anatomy.muscles[muscle]?.node else { return 0 }
            return at.isWithin(node) ? 0.10 : 0
        case .fibularHeadConduction:
            // Block in 50-70 % of compressive fibular-head lesions, and focal slowing in some (S45, S46).
            return node == .fibularHead ? 0.70 : 0
        case .hReflex:
            switch node {
            case .sciatic, .sciaticTibialDivision: return 0.5
            case .sacralPlexus: return 0.5
            case .tibial: return 0.4
            default: return 0
            }
        }
    }

    private func muscleInvolvement(_ node: NerveNode, at: NerveNode, attachment: Attachment) -> Double {
        switch node {
        case .lumbosacralTrunk:
            // L4-L5 fibres on their way to the sacral plexus (§5.4, S55).
            guard at.isWithin(.sacralPlexus) else { return 0 }
            return 0.75 * max(attachment.share(of: .l5), attachment.share(of: .l4))
        case .sacralPlexus, .lumbarPlexus:
            // Plexopathies are often patchy (S103).
            return at.isWithin(node) ? 0.75 : 0
        case .sciatic:
            guard at.isWithin(.sciatic) else { return 0 }
            // The peroneal division is hit more often and more severely (S94, S95).
            return at.isWithin(.sciaticTibialDivision) ? 0.60 : 0.85
        case .sciaticPeronealDivision:
            if at.isWithin(.sciaticPeronealDivision) { return 0.85 }
            return at.isWithin(.sciaticTibialDivision) ? 0.10 : 0
        case .fibularHead:
            guard at.isWithin(.fibularHead) else { return 0 }
            // Deep fascicles suffer more than superficial ones (S90).
            return at.isWithin(.superficialPeroneal) ? 0.70 : 0.85
        default:
            return at.isWithin(node) ? 0.85 : 0
        }
    }

    private func sensoryInvolvement(_ node: NerveNode, nerve: Nerve, at: NerveNode) -> Double {
        switch node {
        case .fibularHead:
            if nerve == .superficialPeroneal { return 0.60 }  // may be spared even when severe (S87)
            if nerve == .sural { return 0.20 }  // sural has a peroneal contribution (S88)
            return at.isWithin(.fibularHead) ? 0.6 : 0
        case .sciatic:
            return nerve == .sural || nerve == .superficialPeroneal ? 0.75 : 0  // S98
        case .sciaticPeronealDivision:
            if nerve == .superficialPeroneal { return 0.75 }
            return nerve == .sural ? 0.45 : 0  // sural abnormal in most but not all (S97)
        case .lumbosacralTrunk:
            if nerve == .superficialPeroneal { return 0.70 }  // mimics L5 but with SP loss (S55)
            return nerve == .sural ? 0.25 : 0
        case .sacralPlexus:
            return nerve == .sural || nerve == .superficialPeroneal ? 0.70 : 0  // S101, S102
        case .lumbarPlexus:
            return nerve == .saphenous || nerve == .lateralFemoralCutaneous ? 0.65 : 0
        case .tibial:
            return nerve == .sural ? 0.40 : 0
        default:
            return at.isWithin(node) ? 0.75 : 0
        }
    }

    /// Length-dependent polyneuropathy: both sides, distal first; sural earliest, SP relatively spared
    /// early (S52-S55).
    private func polyneuropathy(_ item: Item) -> Double {
        switch item {
        case .sensory(let nerve, _):
            switch nerve {
            case .sural: return 0.90
            case .superficialPeroneal: return 0.70
            case .deepPeroneal: return 0.6
            case .saphenous: return 0.30
            default: return 0.10
            }
        case .cmap(let study, _):
            switch study {
            case .peronealEDB: return 0.55
            case .tibialAH: return 0.50
            default: return 0.25
            }
        case .muscle(let muscle, _):
            switch muscle {
            case .extensorDigitorumBrevis, .abductorHallucis, .abductorDigitiMinimiPedis: return 0.60
            case .tibialisAnterior, .extensorHallucisLongus, .extensorDigitorumLongus, .peroneusLongus,
                .peroneusBrevis, .tibialisPosterior, .flexorDigitorumLongus, .gastrocnemiusMedial,
                .gastrocnemiusLateral, .soleus:
                return 0.35
            default: return 0.02
            }
        case .fibularHeadConduction:
            return 0.03
        case .distalConduction:
            return 0.30
        case .hReflex:
            return 0.65
        }
    }

    // MARK: Combining

    /// Probability that `item` is abnormal under `hypothesis`.
    func probabilityAbnormal(_ item: Item, under hypothesis: Hypothesis) -> Double {
        var normal = 1 - background(item)
        for lesion in hypothesis.lesions { normal *= 1 - involvement(item, by: lesion) }
        return min(0.99, max(0.01, 1 - normal))
    }
}
