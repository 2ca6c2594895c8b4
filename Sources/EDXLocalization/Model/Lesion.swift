import EDXAnatomy
import EDXModel

/// A process that is not at one place: polyneuropathies, and the disorders outside the lesion model.
enum DiffuseProcess: Hashable, Sendable, CaseIterable {
    /// Length-dependent sensorimotor polyneuropathy, axonal: sural first, distal before proximal.
    case lengthDependentPolyneuropathy
    /// Acquired demyelinating polyneuropathy (AIDP, CIDP): slow distal latencies and F waves, low
    /// CMAPs, sensory responses relatively spared (S38, S39).
    case demyelinatingPolyneuropathy
    /// Motor axonal neuropathy (AMAN and other motor axonal forms): low CMAPs in several nerves without
    /// demyelinating features, sensory responses normal (S155).
    case motorAxonalNeuropathy
    /// Widespread active and chronic denervation across regions, sensory responses spared.
    case motorNeuronDisease
    /// Low CMAPs, normal sensory responses, no denervation.
    case neuromuscularJunction
    /// Myopathic motor units.
    case myopathy
    /// Abnormal findings no lesion of the model explains.
    case unexplained

    /// Whether the process affects the two sides alike: the polyneuropathies, myopathy and junction
    /// disorders do; motor neuron disease begins focally and spreads (S143), and an unexplained
    /// pattern has no known symmetry.
    var isSymmetric: Bool {
        switch self {
        case .lengthDependentPolyneuropathy, .demyelinatingPolyneuropathy, .motorAxonalNeuropathy, .myopathy,
            .neuromuscularJunction:
            true
        case .motorNeuronDisease, .unexplained: false
        }
    }
}

/// Where a lesion is: a root, a place in the nerve tree, or a diffuse process.
enum LesionSite: Hashable, Sendable {
    case root(Root)
    case node(NerveNode)
    case diffuse(DiffuseProcess)
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
    case medialPlantar = "medial-plantar"
    case lateralPlantar = "lateral-plantar"
    /// A common peroneal neuropathy whose site the conduction studies did not show (no block or
    /// focal slowing across the fibular head was recorded).
    case commonPeronealSiteNotLocalized = "common-peroneal-site-not-localized"
}

/// A lesion hypothesis component: a site on one side (nil side for a diffuse process).
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
        case .node(.medialPlantar): .medialPlantar
        case .node(.lateralPlantar): .lateralPlantar
        default: nil
        }
    }

    var code: DiagnosisCode {
        switch site {
        case .root(.l3): .l3Radiculopathy
        case .root(.l4): .l4Radiculopathy
        case .root(.l5): .l5Radiculopathy
        case .root(.s1): .s1Radiculopathy
        case .root(.s2), .root(.s3), .root(.s4): .outsideModel
        case .root: .insufficientData
        case .node(.lumbosacralPlexus), .node(.lumbarPlexus), .node(.lumbosacralTrunk), .node(.sacralPlexus):
            .lumbosacralPlexopathy
        case .node(.sciatic), .node(.sciaticPeronealDivision), .node(.sciaticTibialDivision): .sciaticNeuropathy
        case .node(.fibularHead), .node(.commonPeroneal): .peronealNeuropathyFibularHead
        case .node(.deepPeroneal), .node(.anteriorTarsal): .deepPeronealNeuropathy
        case .node(.superficialPeroneal), .node(.superficialPeronealCutaneous): .superficialPeronealNeuropathy
        case .node(.tibial), .node(.tarsalTunnel), .node(.medialPlantar), .node(.lateralPlantar): .tibialNeuropathy
        case .node(.femoral): .femoralNeuropathy
        case .node(.obturator): .obturatorNeuropathy
        case .node(.saphenous): .saphenousNeuropathy
        case .node(.lateralFemoralCutaneous): .lateralFemoralCutaneousNeuropathy
        case .node(.sural): .suralNeuropathy
        case .node: .insufficientData
        case .diffuse(.lengthDependentPolyneuropathy), .diffuse(.demyelinatingPolyneuropathy),
            .diffuse(.motorAxonalNeuropathy):
            .polyneuropathy
        case .diffuse: .outsideModel
        }
    }

    /// For the disorders outside the model, the pattern they show.
    var pattern: OutsidePattern? {
        switch site {
        case .root(.s2), .root(.s3), .root(.s4): .sacralRoots
        case .diffuse(.motorNeuronDisease): .motorNeuronDisease
        case .diffuse(.neuromuscularJunction): .neuromuscularJunction
        case .diffuse(.myopathy): .myopathy
        case .diffuse(.unexplained): .unexplained
        default: nil
        }
    }

    /// The form, for a polyneuropathy.
    var form: PolyneuropathyForm? {
        switch site {
        case .diffuse(.lengthDependentPolyneuropathy): .lengthDependent
        case .diffuse(.demyelinatingPolyneuropathy): .demyelinating
        case .diffuse(.motorAxonalNeuropathy): .motorAxonal
        default: nil
        }
    }

    /// The diffuse process, for a diffuse lesion.
    var diffuseProcess: DiffuseProcess? {
        if case .diffuse(let process) = site { return process }
        return nil
    }

    /// A diffuse process involves both sides alike.
    var isDiffuse: Bool {
        if case .diffuse = site { return true }
        return false
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
            case .root(.l3): .priorL3
            case .root: .priorSacralRoots
            case .node(.fibularHead): .priorFibularHead
            case .node(.sciatic): .priorSciatic
            case .node(.sciaticPeronealDivision): .priorSciaticPeronealDivision
            case .node(.lumbosacralTrunk), .node(.sacralPlexus), .node(.lumbarPlexus), .node(.lumbosacralPlexus):
                .priorPlexus
            case .node(.deepPeroneal), .node(.superficialPeroneal): .priorPeronealBranch
            case .node(.anteriorTarsal), .node(.superficialPeronealCutaneous), .node(.tarsalTunnel),
                .node(.medialPlantar), .node(.lateralPlantar):
                .priorDistalBranch
            case .node(.sciaticTibialDivision): .priorSciaticTibialDivision
            case .node(.tibial), .node(.femoral): .priorTibialOrFemoral
            case .node(.obturator), .node(.saphenous), .node(.lateralFemoralCutaneous), .node(.sural):
                .priorSmallNerve
            case .diffuse(.lengthDependentPolyneuropathy): .priorPolyneuropathy
            case .diffuse(.demyelinatingPolyneuropathy): .priorDemyelinatingPolyneuropathy
            case .diffuse(.motorAxonalNeuropathy): .priorMotorAxonalNeuropathy
            case .diffuse(.motorNeuronDisease): .priorMotorNeuronDisease
            case .diffuse(.neuromuscularJunction): .priorNeuromuscularJunction
            case .diffuse(.myopathy): .priorMyopathy
            case .diffuse(.unexplained): .priorUnexplained
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

    /// The focal lesion sites the model weighs, on each side.
    static let focalSites: [LesionSite] = [
        .root(.l3), .root(.l4), .root(.l5), .root(.s1), .root(.s2), .node(.lumbosacralPlexus), .node(.lumbarPlexus),
        .node(.lumbosacralTrunk), .node(.sacralPlexus), .node(.sciatic), .node(.sciaticPeronealDivision),
        .node(.sciaticTibialDivision), .node(.fibularHead), .node(.deepPeroneal), .node(.anteriorTarsal),
        .node(.superficialPeroneal), .node(.superficialPeronealCutaneous), .node(.tibial), .node(.tarsalTunnel),
        .node(.medialPlantar), .node(.lateralPlantar), .node(.femoral), .node(.obturator), .node(.saphenous),
        .node(.lateralFemoralCutaneous), .node(.sural),
    ]

    /// Every hypothesis the engine weighs.
    static let all: [Hypothesis] = {
        var singles: [Lesion] = []
        for side in Side.allCases {
            for site in focalSites { singles.append(Lesion(site: site, side: side)) }
            // Entrapment sites can show block or focal slowing without axon loss.
            for site in [NerveNode.fibularHead, .tarsalTunnel, .anteriorTarsal] {
                singles.append(Lesion(site: .node(site), side: side, mode: .block))
            }
        }
        let diffuse = DiffuseProcess.allCases.map { Lesion(site: .diffuse($0), side: nil) }
        var all =
            [Hypothesis(lesions: [])] + singles.map { Hypothesis(lesions: [$0]) }
            + diffuse.map { Hypothesis(lesions: [$0]) }
        // Coexisting lesions the literature describes: a focal neuropathy or radiculopathy on a
        // polyneuropathy, and an L5 radiculopathy with a peroneal neuropathy (evidence §3.5, §5.1).
        let poly = Lesion(site: .diffuse(.lengthDependentPolyneuropathy), side: nil)
        for side in Side.allCases {
            for site in [LesionSite.node(.fibularHead), .root(.l5), .root(.s1), .node(.sciatic), .node(.deepPeroneal)] {
                all.append(Hypothesis(lesions: [Lesion(site: site, side: side), poly]))
            }
            all.append(
                Hypothesis(lesions: [
                    Lesion(site: .root(.l5), side: side), Lesion(site: .node(.fibularHead), side: side),
                ]))
        }
        // The sacral roots of both sides together: a conus or cauda equina lesion (S146).
        all.append(
            Hypothesis(lesions: [Lesion(site: .root(.s2), side: .left), Lesion(site: .root(.s2), side: .right)]))
        return all
    }()
}
