import EDXAnatomy
import EDXModel

/// Where a lesion is: a root, a place in the nerve tree, or the diffuse length-dependent process.
enum LesionSite: Hashable, Sendable {
    case root(Root)
    case node(NerveNode)
    case polyneuropathy
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

    /// The level within the code, in words, where the model has more than one (nil otherwise).
    var level: String? {
        switch site {
        case .node(.lumbarPlexus): "of the lumbar plexus"
        case .node(.lumbosacralTrunk): "at the lumbosacral trunk"
        case .node(.sacralPlexus): "of the sacral plexus"
        case .node(.sciaticPeronealDivision): "predominantly affecting the peroneal division"
        case .node(.sciaticTibialDivision): "predominantly affecting the tibial division"
        case .node(.commonPeroneal): "above the fibular head"
        case .node(.deepPeroneal): "in the leg"
        case .node(.anteriorTarsal): "at the ankle (anterior tarsal tunnel)"
        case .node(.superficialPeroneal): "in the leg"
        case .node(.superficialPeronealCutaneous): "distal, sensory branch only"
        case .node(.tibial): "in the popliteal fossa or leg"
        case .node(.tarsalTunnel): "at the ankle (tarsal tunnel)"
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
        if mode == .block { return 0.05 }
        return switch site {
        case .root(.l5): 0.10
        case .root(.s1): 0.07
        case .root(.l4): 0.04
        case .node(.fibularHead): 0.10
        case .node(.sciatic): 0.03
        case .node(.sciaticPeronealDivision): 0.03
        case .node(.lumbosacralTrunk), .node(.sacralPlexus), .node(.lumbarPlexus): 0.015
        case .node(.deepPeroneal), .node(.superficialPeroneal): 0.02
        case .node(.anteriorTarsal), .node(.superficialPeronealCutaneous), .node(.tarsalTunnel): 0.015
        case .node(.sciaticTibialDivision): 0.01
        case .node(.tibial), .node(.femoral): 0.02
        case .polyneuropathy: 0.12
        default: 0.01
        }
    }
}

/// A hypothesis: no lesion (a normal study), one lesion, or two coexisting lesions.
struct Hypothesis: Hashable, Sendable {
    var lesions: [Lesion]

    /// Prior weight: normal 0.2; a pair is the product of its parts' priors, times a complexity
    /// penalty so that two lesions are proposed only when the data demand them. [P]
    var prior: Double {
        switch lesions.count {
        case 0: 0.20
        case 1: lesions[0].prior
        default: lesions.map(\.prior).reduce(1, *) * 2.0
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
        // polyneuropathy, and an L5 radiculopathy with a peroneal neuropathy (§3.5, §5.1).
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
