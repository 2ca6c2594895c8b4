import EDXAnatomy
import EDXModel

/// How a synthetic lesion acts, and on what.
enum Mechanism {
    case none
    /// Roots: every muscle with one of them as a main root (share 1) or a minor root
    /// (``Territory/minorRootShare``); sensory responses spared (the ganglion lies outside the canal).
    case roots([Root])
    /// A place of the nerve tree: every muscle and sensory nerve attached at or below it. `roots`
    /// restricts a plexus part to the roots it carries (main 1, minor ``Territory/minorRootShare``);
    /// `weights` scales a branch below the lesion (the sciatic divisions).
    case nerve(NerveNode, roots: [Root]?, weights: [NerveNode: Double])
    case lengthDependent
    case demyelinating
    case motorAxonal
    case motorNeuronDisease
    case myopathy
    case neuromuscularJunction

    /// The mechanism of `lesion`; `plexusPart` is the part of the plexus drawn for a plexopathy.
    init(_ lesion: SyntheticLesion, plexusPart: NerveNode) {
        switch lesion {
        case .normal: self = .none
        case .peronealFibularHead: self = .nerve(.fibularHead, roots: nil, weights: [:])
        case .deepPeroneal: self = .nerve(.deepPeroneal, roots: nil, weights: [:])
        case .superficialPeroneal: self = .nerve(.superficialPeroneal, roots: nil, weights: [:])
        // Peroneal-division fibres are the more vulnerable in sciatic lesions (S95) [P].
        case .sciatic:
            self = .nerve(.sciatic, roots: nil, weights: [.sciaticPeronealDivision: 1, .sciaticTibialDivision: 0.6])
        case .lumbosacralPlexus:
            // The lumbosacral trunk has no branch of its own in the tree: it is the L4-L5 share of the
            // sacral plexus.
            let domain: NerveNode = plexusPart == .lumbosacralTrunk ? .sacralPlexus : plexusPart
            self = .nerve(domain, roots: Anatomy.plexusRoots[plexusPart], weights: [:])
        case .l3Root: self = .roots([.l3])
        case .l4Root: self = .roots([.l4])
        case .l5Root: self = .roots([.l5])
        case .s1Root: self = .roots([.s1])
        case .sacralRoots: self = .roots([.s2, .s3, .s4])
        case .tibial: self = .nerve(.tibial, roots: nil, weights: [:])
        case .medialPlantar: self = .nerve(.medialPlantar, roots: nil, weights: [:])
        case .lateralPlantar: self = .nerve(.lateralPlantar, roots: nil, weights: [:])
        case .femoral: self = .nerve(.femoral, roots: nil, weights: [:])
        case .obturator: self = .nerve(.obturator, roots: nil, weights: [:])
        case .saphenous: self = .nerve(.saphenous, roots: nil, weights: [:])
        case .lateralFemoralCutaneous: self = .nerve(.lateralFemoralCutaneous, roots: nil, weights: [:])
        case .sural: self = .nerve(.sural, roots: nil, weights: [:])
        case .polyneuropathy: self = .lengthDependent
        case .demyelinatingPolyneuropathy: self = .demyelinating
        case .motorAxonalNeuropathy: self = .motorAxonal
        case .motorNeuronDisease: self = .motorNeuronDisease
        case .myopathy: self = .myopathy
        case .neuromuscularJunction: self = .neuromuscularJunction
        }
    }
}

/// The share (0 … 1) of a focal lesion that reaches each muscle and sensory nerve, read from the
/// attachments of `EDXAnatomy` (nodes and roots), never from hand lists.
struct Territory {
    /// The share of a muscle or sensory nerve whose root is a minor root of the lesion [P]: a single-root
    /// lesion shows there only when severe.
    static let minorRootShare = 0.25
    /// The share of a root lesion's CMAP loss in its recording muscle: the other roots of the muscle keep
    /// their axons [P].
    static let rootCMAPShare = 0.5

    let mechanism: Mechanism

    /// The share of the lesion in `muscle` (0 for a muscle outside the model's tree and roots).
    func muscle(_ muscle: Muscle) -> Double {
        guard let attachment = Anatomy.muscles[muscle] else { return 0 }
        return share(of: attachment, sensory: false)
    }

    /// The share of the lesion in a sensory nerve (0 for a root lesion: the ganglion is spared).
    func sensory(_ nerve: Nerve) -> Double {
        guard let attachment = Anatomy.sensoryNerves[nerve] else { return 0 }
        return share(of: attachment, sensory: true)
    }

    /// The share of the lesion in the CMAP recorded from `muscle`.
    func cmap(_ muscle: Muscle?) -> Double {
        guard let muscle else { return 0 }
        if case .roots = mechanism { return Self.rootCMAPShare * self.muscle(muscle) }
        return self.muscle(muscle)
    }

    /// Whether a root lesion has `nerve` among its main roots: its sensory study shows the root spared.
    func rootSpares(_ nerve: Nerve) -> Bool {
        guard case .roots(let roots) = mechanism, let attachment = Anatomy.sensoryNerves[nerve] else { return false }
        return roots.contains { attachment.roots[$0] == .main }
    }

    private func share(of attachment: Attachment, sensory: Bool) -> Double {
        switch mechanism {
        case .roots(let roots):
            return sensory ? 0 : Self.rootShare(attachment.roots, roots)
        case .nerve(let lesion, let roots, let weights):
            guard let node = attachment.node, node.isWithin(lesion) else { return 0 }
            var share = roots.map { Self.rootShare(attachment.roots, $0) } ?? 1
            var current: NerveNode? = node
            while let here = current, here != lesion {
                if let weight = weights[here] {
                    share *= weight
                    break
                }
                current = here.parent
            }
            return share
        default:
            return 0
        }
    }

    private static func rootShare(_ supply: [Root: RootShare], _ lesion: [Root]) -> Double {
        var best = 0.0
        for root in lesion {
            switch supply[root] {
            case .main?: best = max(best, 1)
            case .minor?: best = max(best, minorRootShare)
            case nil: break
            }
        }
        return best
    }
}

extension Mechanism {
    var isFocal: Bool {
        switch self {
        case .roots, .nerve: true
        default: false
        }
    }
}

extension Anatomy {
    /// The specific lower-limb muscles of the model: not a paraspinal range or an unstated level,
    /// which a lab writes but a lesion does not choose.
    static var specificMuscles: [Muscle] {
        Muscle.allCases.filter { muscle in
            guard muscles[muscle] != nil else { return false }
            switch muscle {
            case .paraspinalLumbar, .paraspinalL2L3, .paraspinalL3L4, .paraspinalL4L5, .paraspinalL5S1: return false
            default: return true
            }
        }
    }
}
