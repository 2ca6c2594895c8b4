import EDXAnatomy
import EDXModel

/// Where a lesion is: a root, a place in the nerve tree, or the diffuse length-dependent process.
enum LesionSite: Hashable, Sendable {
    case root(Root)
    case node(NerveNode)
    case polyneuropathy
}

/// The level within a diagnosis, where the model tells levels apart: which part of the plexus,
/// which division of the sciatic nerve, where along the peroneal or tibial nerve.
public enum LesionLevel: String, Codable, Sendable, Hashable, CaseIterable {
    case lumbarPlexus = "lumbar-plexus"
    case lumbosacralTrunk = "lumbosacral-trunk"
    case sacralPlexus = "sacral-plexus"
    case sciaticPeronealDivision = "sciatic-peroneal-division"
    case sciaticTibialDivision = "sciatic-tibial-division"
    case aboveFibularHead = "above-fibular-head"
    case deepPeronealInLeg = "deep-peroneal-in-leg"
    case anteriorTarsalTunnel = "anterior-tarsal-tunnel"
    case superficialPeronealInLeg = "superficial-peroneal-in-leg"
    case superficialPeronealSensoryBranch = "superficial-peroneal-sensory-branch"
    case poplitealFossaOrLeg = "popliteal-fossa-or-leg"
    case tarsalTunnel = "tarsal-tunnel"
}

/// A lesion hypothesis component: a site on one side (nil side for the diffuse process).
struct Lesion: Hashable, Sendable {
    /// How the lesion acts on the axons.
    enum Mode: Hashable, Sendable {
        /// Axon loss (with or without block): the usual assumption.
        case axonal
        /// Pure conduction block or focal demyelination: axons intact below the lesion, so distal
        /// responses and needle findings stay normal (about half of compressive fibular-head
        /// lesions, S45; pure block recovers in weeks, S92).
        case block
    }

    var site: LesionSite
    var side: Side?
    var mode: Mode = .axonal

    /// The level within the code, where the model has more than one (nil otherwise).
    var level: LesionLevel? {
        switch site {
        case .node(.lumbarPlexus): .lumbarPlexus
        case .node(.lumbosacralTrunk): .lumbosacralTrunk
        case .node(.sacralPlexus): .sacralPlexus
        case .node(.sciaticPeronealDivision): .sciaticPeronealDivision
        case .node(.sciaticTibialDivision): .sciaticTibialDivision
        case .node(.commonPeroneal): .aboveFibularHead
        case .node(.deepPeroneal): .deepPeronealInLeg
        case .node(.anteriorTarsal): .anteriorTarsalTunnel
        case .node(.superficialPeroneal): .superficialPeronealInLeg
        case .node(.superficialPeronealCutaneous): .superficialPeronealSensoryBranch
        case .node(.tibial): .poplitealFossaOrLeg
        case .node(.tarsalTunnel): .tarsalTunnel
        default: nil
        }
    }

    var code: DiagnosisCode {
        switch site {
        case .root(.l4): .l4Radiculopathy
        case .root(.l5): .l5Radiculopathy
        case .root(.s1): .s1Radiculopathy
        case .root: .insufficientData
        case .node(.lumbarPlexus), .node(.lumbosacralTrunk), .node(.sacralPlexus): .lumbosacralPlexopathy
        case .node(.sciatic), .node(.sciaticPeronealDivision), .node(.sciaticTibialDivision): .sciaticNeuropathy
        case .node(.fibularHead), .node(.commonPeroneal): .peronealNeuropathyFibularHead
        case .node(.deepPeroneal), .node(.anteriorTarsal): .deepPeronealNeuropathy
        case .node(.superficialPeroneal), .node(.superficialPeronealCutaneous): .superficialPeronealNeuropathy
        case .node(.tibial), .node(.tarsalTunnel): .tibialNeuropathy
        case .node(.femoral): .femoralNeuropathy
        case .node: .insufficientData
        case .polyneuropathy: .polyneuropathy
        }
    }

    /// The model's prior weight for this lesion on one side, before any finding [P]: rough referral
    /// frequencies in an EMG lab seeing leg weakness and foot drop, deliberately flat.
    var prior: Double {
        if mode == .block { return ParameterKey.priorBlock.value }
        let key: ParameterKey =
            switch site {
            case .root(.l5): .priorL5
            case .root(.s1): .priorS1
            case .root(.l4): .priorL4
            case .node(.fibularHead): .priorFibularHead
            case .node(.sciatic): .priorSciatic
            case .node(.sciaticPeronealDivision): .priorSciaticPeronealDivision
            case .node(.lumbosacralTrunk), .node(.sacralPlexus), .node(.lumbarPlexus): .priorPlexus
            case .node(.deepPeroneal), .node(.superficialPeroneal): .priorPeronealBranch
            case .node(.anteriorTarsal), .node(.superficialPeronealCutaneous), .node(.tarsalTunnel): .priorDistalBranch
            case .node(.sciaticTibialDivision): .priorSciaticTibialDivision
            case .node(.tibial), .node(.femoral): .priorTibialOrFemoral
            case .polyneuropathy: .priorPolyneuropathy
            default: .priorOther
            }
        return key.value
    }
}

/// A hypothesis: no lesion (a normal study), one lesion, or two coexisting lesions.
struct Hypothesis: Hashable, Sendable {
    var lesions: [Lesion]

    /// Prior weight: a pair is the product of its parts' priors, times a factor so that two lesions
    /// are proposed only when the data demand them. [P]
    var prior: Double {
        switch lesions.count {
        case 0: ParameterKey.priorNormal.value
        case 1: lesions[0].prior
        default: lesions.map(\.prior).reduce(1, *) * ParameterKey.pairFactor.value
        }
    }

    /// Every hypothesis the engine weighs.
    static let all: [Hypothesis] = {
        var singles: [Lesion] = []
        let focal: [LesionSite] = [
            .root(.l4), .root(.l5), .root(.s1), .node(.lumbarPlexus), .node(.lumbosacralTrunk), .node(.sacralPlexus),
            .node(.sciatic), .node(.sciaticPeronealDivision), .node(.sciaticTibialDivision), .node(.fibularHead),
            .node(.deepPeroneal), .node(.anteriorTarsal), .node(.superficialPeroneal),
            .node(.superficialPeronealCutaneous), .node(.tibial), .node(.tarsalTunnel), .node(.femoral),
        ]
        for side in Side.allCases {
            for site in focal { singles.append(Lesion(site: site, side: side)) }
            // Entrapment sites can show block or focal slowing without axon loss.
            for site in [NerveNode.fibularHead, .tarsalTunnel, .anteriorTarsal] {
                singles.append(Lesion(site: .node(site), side: side, mode: .block))
            }
        }
        let poly = Lesion(site: .polyneuropathy, side: nil)
        var all = [Hypothesis(lesions: [])] + singles.map { Hypothesis(lesions: [$0]) } + [Hypothesis(lesions: [poly])]
        // Coexisting lesions the literature describes: a focal neuropathy or radiculopathy on a
        // polyneuropathy, and an L5 radiculopathy with a peroneal neuropathy (evidence §3.5, evidence §5.1).
        for side in Side.allCases {
            for site in [LesionSite.node(.fibularHead), .root(.l5), .root(.s1), .node(.sciatic), .node(.deepPeroneal)] {
                all.append(Hypothesis(lesions: [Lesion(site: site, side: side), poly]))
            }
            all.append(
                Hypothesis(lesions: [
                    Lesion(site: .root(.l5), side: side), Lesion(site: .node(.fibularHead), side: side),
                ]))
        }
        return all
    }()
}
