public import EDXModel
public import EDXReference

/// A spinal root of the lumbosacral region.
public enum Root: String, Codable, Sendable, Hashable, CaseIterable, Comparable {
    case l2 = "L2", l3 = "L3", l4 = "L4", l5 = "L5", s1 = "S1", s2 = "S2", s3 = "S3", s4 = "S4"

    public static func < (a: Root, b: Root) -> Bool { a.segment < b.segment }

    /// The position of the root from cranial to caudal.
    private var segment: Int {
        switch self {
        case .l2: 2
        case .l3: 3
        case .l4: 4
        case .l5: 5
        case .s1: 6
        case .s2: 7
        case .s3: 8
        case .s4: 9
        }
    }
}

/// A place in the lower-limb nerve tree, from the plexus to the terminal branches.
public enum NerveNode: String, Codable, Sendable, Hashable, CaseIterable {
    /// The whole lumbosacral plexus: the lumbar plexus, the lumbosacral trunk and the sacral plexus.
    case lumbosacralPlexus = "lumbosacral-plexus"
    case lumbarPlexus = "lumbar-plexus"
    case lumbosacralTrunk = "lumbosacral-trunk"
    case sacralPlexus = "sacral-plexus"
    case femoral
    case saphenous
    case obturator
    case lateralFemoralCutaneous = "lateral-femoral-cutaneous"
    case superiorGluteal = "superior-gluteal"
    case inferiorGluteal = "inferior-gluteal"
    case sciatic
    case sciaticTibialDivision = "sciatic-tibial-division"
    case sciaticPeronealDivision = "sciatic-peroneal-division"
    /// The common peroneal nerve in the popliteal fossa, above the fibular head.
    case commonPeroneal = "common-peroneal"
    /// The common peroneal nerve where it winds round the fibular neck.
    case fibularHead = "fibular-head"
    case deepPeroneal = "deep-peroneal"
    /// The deep peroneal nerve under the extensor retinaculum (anterior tarsal tunnel), after its
    /// leg muscles: EDB and the first web space only.
    case anteriorTarsal = "anterior-tarsal"
    case superficialPeroneal = "superficial-peroneal"
    /// The superficial peroneal nerve after it pierces the fascia, below its muscular branches:
    /// sensory only.
    case superficialPeronealCutaneous = "superficial-peroneal-cutaneous"
    case tibial
    /// The tibial nerve under the flexor retinaculum (tarsal tunnel), before it divides.
    case tarsalTunnel = "tarsal-tunnel"
    case medialPlantar = "medial-plantar"
    case lateralPlantar = "lateral-plantar"
    case sural
    /// The pudendal nerve (S2-S4), to the external anal sphincter.
    case pudendal

    /// The node this one branches from (nil for the plexuses, which hang off the roots).
    public var parent: NerveNode? { Anatomy.parents[self] ?? nil }

    /// Whether `self` is `node` or lies distal to it.
    public func isWithin(_ node: NerveNode) -> Bool {
        var current: NerveNode? = self
        while let here = current {
            if here == node { return true }
            current = here.parent
        }
        return false
    }
}

/// How strongly a root supplies a muscle or skin area: a main root, or a minor one (segmental
/// innervation varies in about 28-30 % of legs, S86).
public enum RootShare: String, Codable, Sendable, Hashable {
    case main, minor
}

/// Where a muscle or a sensory nerve hangs in the model.
public struct Attachment: Codable, Sendable, Hashable {
    /// The branch it leaves from; nil for the paraspinals, supplied by the dorsal rami.
    public var node: NerveNode?
    /// Position along its nerve, proximal first (for the branch-order text).
    public var order: Int
    public var roots: [Root: RootShare]
    public var citation: Citation
}

/// The lower-limb anatomy the localization reasons with (docs/evidence.md §6): the nerve tree,
/// each muscle and sensory nerve on its branch, and their roots. Roots reach the paraspinals by their
/// dorsal rami and keep their dorsal root ganglion outside the canal, so a root lesion spares the
/// sensory responses (evidence §5.1, S77, S78).
public enum Anatomy {
    static let parents: [NerveNode: NerveNode?] = [
        .lumbosacralPlexus: nil,
        .lumbarPlexus: .lumbosacralPlexus, .lumbosacralTrunk: .lumbosacralPlexus, .sacralPlexus: .lumbosacralPlexus,
        .femoral: .lumbarPlexus, .saphenous: .femoral, .obturator: .lumbarPlexus,
        .lateralFemoralCutaneous: .lumbarPlexus,
        .superiorGluteal: .sacralPlexus, .inferiorGluteal: .sacralPlexus, .sciatic: .sacralPlexus,
        .sciaticTibialDivision: .sciatic, .sciaticPeronealDivision: .sciatic,
        .commonPeroneal: .sciaticPeronealDivision, .fibularHead: .commonPeroneal,
        .deepPeroneal: .fibularHead, .anteriorTarsal: .deepPeroneal, .superficialPeroneal: .fibularHead,
        .superficialPeronealCutaneous: .superficialPeroneal,
        .tibial: .sciaticTibialDivision, .tarsalTunnel: .tibial, .sural: .tibial,
        .medialPlantar: .tarsalTunnel, .lateralPlantar: .tarsalTunnel, .pudendal: .sacralPlexus,
    ]

    /// Roots carried by each plexus part (evidence §6.2, S102, S116, S117).
    public static let plexusRoots: [NerveNode: [Root]] = [
        .lumbosacralPlexus: [.l2, .l3, .l4, .l5, .s1, .s2],
        .lumbarPlexus: [.l2, .l3, .l4],
        .lumbosacralTrunk: [.l4, .l5],
        .sacralPlexus: [.l4, .l5, .s1, .s2],
    ]

    private static func a(
        _ node: NerveNode?, _ order: Int, _ roots: [Root: RootShare], _ sources: [String],
        _ evidence: Evidence = .verified
    ) -> Attachment {
        Attachment(
            node: node, order: order, roots: roots,
            citation: Citation(sources, "evidence §6.1, innervation table", evidence))
    }

    /// Each lower-limb muscle on its branch, with main and minor roots (evidence §6.1). Where the sources
    /// disagree (TA main root L4 in S86, L5 in S85/S55) the EMG convention (L5 main, L4 minor) is used.
    public static let muscles: [Muscle: Attachment] = [
        // Needle EMG of "iliopsoas" below the inguinal ligament samples iliacus, the most proximal
        // femoral branch (S104); psoas proper takes direct plexus branches.
        .iliopsoas: a(.femoral, 1, [.l2: .main, .l3: .main, .l4: .minor], ["S104", "S85"]),
        .adductorLongus: a(.obturator, 1, [.l2: .minor, .l3: .main, .l4: .minor], ["S86", "S106"]),
        .vastusLateralis: a(.femoral, 3, [.l2: .minor, .l3: .main, .l4: .main], ["S104", "S86", "S107"]),
        .vastusMedialis: a(.femoral, 3, [.l2: .minor, .l3: .main, .l4: .main], ["S104", "S86", "S107"]),
        .rectusFemoris: a(.femoral, 3, [.l2: .minor, .l3: .main, .l4: .main], ["S104", "S86"]),
        .gluteusMedius: a(.superiorGluteal, 1, [.l4: .minor, .l5: .main, .s1: .minor], ["S108", "S109"]),
        .gluteusMinimus: a(.superiorGluteal, 2, [.l4: .minor, .l5: .main, .s1: .minor], ["S108"]),
        .tensorFasciaeLatae: a(.superiorGluteal, 3, [.l4: .minor, .l5: .main, .s1: .minor], ["S108", "S84"]),
        .gluteusMaximus: a(.inferiorGluteal, 1, [.l5: .minor, .s1: .main, .s2: .minor], ["S86", "S107"]),
        .semitendinosus: a(
            .sciaticTibialDivision, 1, [.l5: .minor, .s1: .main, .s2: .minor], ["S110", "S98"], .convention),
        .semimembranosus: a(
            .sciaticTibialDivision, 1, [.l5: .minor, .s1: .main, .s2: .minor], ["S110", "S98"], .convention),
        .bicepsFemorisLongHead: a(.sciaticTibialDivision, 1, [.l5: .minor, .s1: .main, .s2: .minor], ["S111", "S55"]),
        .bicepsFemorisShortHead: a(
            .sciaticPeronealDivision, 1, [.l5: .minor, .s1: .main, .s2: .minor], ["S8", "S111", "S97"]),
        .tibialisAnterior: a(.deepPeroneal, 1, [.l4: .minor, .l5: .main], ["S86", "S85", "S113"]),
        .extensorHallucisLongus: a(.deepPeroneal, 2, [.l5: .main, .s1: .minor], ["S107", "S113"], .convention),
        .extensorDigitorumLongus: a(.deepPeroneal, 2, [.l5: .main, .s1: .minor], ["S113"], .convention),
        .extensorDigitorumBrevis: a(.anteriorTarsal, 3, [.l5: .main, .s1: .main], ["S113", "S43"], .convention),
        .peroneusLongus: a(.superficialPeroneal, 1, [.l5: .main, .s1: .minor], ["S86", "S107"]),
        .peroneusBrevis: a(.superficialPeroneal, 2, [.l5: .main, .s1: .minor], ["S107"], .convention),
        .tibialisPosterior: a(.tibial, 2, [.l5: .main, .s1: .minor], ["S83", "S89"]),
        .flexorDigitorumLongus: a(.tibial, 2, [.l5: .main, .s1: .minor], ["S89"], .convention),
        .gastrocnemiusMedial: a(.tibial, 1, [.l5: .minor, .s1: .main, .s2: .minor], ["S86", "S115"]),
        .gastrocnemiusLateral: a(.tibial, 1, [.l5: .minor, .s1: .main, .s2: .minor], ["S86", "S115"]),
        .soleus: a(.tibial, 1, [.s1: .main, .s2: .minor], ["S115"]),
        .abductorHallucis: a(.medialPlantar, 4, [.s1: .main, .s2: .minor], ["S107", "S55", "S119"]),
        .abductorDigitiMinimiPedis: a(.lateralPlantar, 4, [.s1: .main, .s2: .minor], ["S55", "S119"], .convention),
        .flexorDigitorumBrevis: a(.medialPlantar, 4, [.l5: .minor, .s1: .main, .s2: .minor], ["S119"], .convention),
        .firstDorsalInterosseousPedis: a(.lateralPlantar, 5, [.s1: .main, .s2: .main], ["S119"], .convention),
        .flexorHallucisLongus: a(.tibial, 2, [.l5: .minor, .s1: .main, .s2: .minor], ["S115"], .convention),
        .popliteus: a(.tibial, 1, [.l4: .minor, .l5: .main, .s1: .minor], ["S115"]),
        .peroneusTertius: a(.deepPeroneal, 2, [.l5: .main, .s1: .minor], ["S113"], .convention),
        .sartorius: a(.femoral, 2, [.l2: .main, .l3: .main], ["S104"], .convention),
        .pectineus: a(.femoral, 2, [.l2: .main, .l3: .main], ["S104"], .convention),
        .gracilis: a(.obturator, 1, [.l2: .minor, .l3: .main], ["S106"], .convention),
        .adductorMagnus: a(.obturator, 1, [.l2: .minor, .l3: .main, .l4: .main], ["S106"], .convention),
        .externalAnalSphincter: a(.pudendal, 1, [.s2: .main, .s3: .main, .s4: .main], ["S102"], .convention),
        .paraspinalL2: a(nil, 0, [.l2: .main, .l3: .minor], ["S101", "S72"], .convention),
        .paraspinalL3: a(nil, 0, [.l3: .main, .l2: .minor, .l4: .minor], ["S101", "S72"], .convention),
        .paraspinalL4: a(nil, 0, [.l4: .main, .l3: .minor, .l5: .minor], ["S101", "S72"], .convention),
        .paraspinalL5: a(nil, 0, [.l5: .main, .l4: .minor, .s1: .minor], ["S101", "S72"], .convention),
        .paraspinalS1: a(nil, 0, [.s1: .main, .l5: .minor], ["S101", "S72"], .convention),
        // Level not stated: any lumbosacral level may have been sampled.
        .paraspinalLumbar: a(
            nil, 0, [.l2: .main, .l3: .main, .l4: .main, .l5: .main, .s1: .main], ["S101", "S72"], .convention),
        // A range of two levels covers each level in it.
        .paraspinalL2L3: a(nil, 0, [.l2: .main, .l3: .main, .l4: .minor], ["S101", "S72"], .convention),
        .paraspinalL3L4: a(nil, 0, [.l3: .main, .l4: .main, .l2: .minor, .l5: .minor], ["S101", "S72"], .convention),
        .paraspinalL4L5: a(nil, 0, [.l4: .main, .l5: .main, .l3: .minor, .s1: .minor], ["S101", "S72"], .convention),
        .paraspinalL5S1: a(nil, 0, [.l5: .main, .s1: .main, .l4: .minor], ["S101", "S72"], .convention),
    ]

    /// The lower-limb muscles a laboratory samples routinely, the ones a suggested test may name: the
    /// standard screens and their usual extensions (S73, S74). The sphincter, the small foot muscles
    /// besides EDB, AH and ADM pedis, and the minor thigh muscles are studied for a question of their
    /// own, never suggested as the next muscle to sample.
    public static let routinelySampled: Set<Muscle> = [
        .tibialisAnterior, .extensorHallucisLongus, .extensorDigitorumLongus, .extensorDigitorumBrevis,
        .peroneusLongus, .peroneusBrevis, .tibialisPosterior, .flexorDigitorumLongus, .gastrocnemiusMedial,
        .gastrocnemiusLateral, .soleus, .abductorHallucis, .abductorDigitiMinimiPedis, .bicepsFemorisShortHead,
        .bicepsFemorisLongHead, .semitendinosus, .semimembranosus, .gluteusMedius, .gluteusMinimus,
        .tensorFasciaeLatae, .gluteusMaximus, .vastusLateralis, .vastusMedialis, .rectusFemoris, .iliopsoas,
        .adductorLongus, .paraspinalL2, .paraspinalL3, .paraspinalL4, .paraspinalL5, .paraspinalS1,
    ]

    /// The branch a muscle hangs on, for judging which sampled muscles are neighbours: its nerve node,
    /// or for a muscle outside the nerve tree (paraspinals, arm and axial muscles) its segment.
    public enum Branch: Hashable, Sendable {
        case node(NerveNode)
        case segment(MuscleSegment)
    }

    public static func branch(of muscle: Muscle) -> Branch {
        let node = muscles[muscle]?.node ?? groups[muscle]?.first.flatMap { muscles[$0]?.node }
        return node.map(Branch.node) ?? .segment(segment(of: muscle))
    }

    /// Generic names and the muscles each may mean. The localization uses what they share: a group
    /// is abnormal under a lesion as often as its members are on average (docs/localization.md §2.3).
    public static let groups: [Muscle: [Muscle]] = [
        .quadriceps: [.vastusMedialis, .vastusLateralis, .rectusFemoris],
        // Division of the sciatic nerve unknown: the short head is the peroneal-division member.
        .hamstrings: [.semitendinosus, .semimembranosus, .bicepsFemorisLongHead, .bicepsFemorisShortHead],
        .gastrocnemius: [.gastrocnemiusMedial, .gastrocnemiusLateral],
        .bicepsFemoris: [.bicepsFemorisLongHead, .bicepsFemorisShortHead],
    ]

    /// The roots a group of muscles shares: each root with its weakest share among the members.
    public static func sharedRoots(_ group: Muscle) -> [Root: RootShare] {
        guard let members = groups[group]?.compactMap({ muscles[$0] }), let first = members.first else { return [:] }
        var shared = first.roots
        for member in members.dropFirst() {
            for (root, share) in shared {
                switch (share, member.roots[root]) {
                case (_, nil): shared[root] = nil
                case (.main, .minor?): shared[root] = .minor
                default: break
                }
            }
        }
        return shared
    }

    /// Each sensory nerve on its branch, with its roots (evidence §6.3). All are postganglionic.
    public static let sensoryNerves: [Nerve: Attachment] = [
        .sural: a(.sural, 5, [.s1: .main, .l5: .minor, .s2: .minor], ["S120", "S121"]),
        .superficialPeroneal: a(
            .superficialPeronealCutaneous, 3, [.l5: .main, .l4: .minor, .s1: .minor], ["S55", "S123"]),
        .deepPeroneal: a(.anteriorTarsal, 4, [.l5: .main], ["S6", "S113"], .transcribed),
        .saphenous: a(.saphenous, 4, [.l3: .main, .l4: .main], ["S120"]),
        .lateralFemoralCutaneous: a(.lateralFemoralCutaneous, 1, [.l2: .main, .l3: .main], ["S121"]),
        // Mixed nerve potentials from the sole: postganglionic L5/S1 fibres below the tarsal tunnel.
        .medialPlantar: a(.medialPlantar, 6, [.l5: .main, .s1: .main], ["S119"], .convention),
        .lateralPlantar: a(.lateralPlantar, 6, [.s1: .main, .s2: .minor], ["S119"], .convention),
    ]

    /// The recording muscle of each motor conduction study used in localization.
    public static let motorRecordings: [ReferenceStudy: Muscle] = [
        .peronealEDB: .extensorDigitorumBrevis, .peronealTA: .tibialisAnterior, .tibialAH: .abductorHallucis,
        .lateralPlantarMotor: .abductorDigitiMinimiPedis, .femoralMotor: .vastusMedialis,
    ]
}

/// Where a muscle lies along its limb, for processes that act by length (polyneuropathy) or by
/// region (motor neuron disease, myopathy).
public enum MuscleSegment: String, Codable, Sendable, Hashable, CaseIterable {
    case foot, leg, thigh, lumbarParaspinal, hand, arm, thoracic, bulbar, sphincter
}

extension Anatomy {
    /// The segment of each muscle (evidence §6.1; the arm and axial muscles by their region).
    public static func segment(of muscle: Muscle) -> MuscleSegment {
        switch muscle {
        case .extensorDigitorumBrevis, .abductorHallucis, .abductorDigitiMinimiPedis, .flexorDigitorumBrevis,
            .firstDorsalInterosseousPedis:
            .foot
        case .tibialisAnterior, .extensorHallucisLongus, .extensorDigitorumLongus, .peroneusLongus, .peroneusBrevis,
            .peroneusTertius, .tibialisPosterior, .flexorDigitorumLongus, .flexorHallucisLongus, .gastrocnemiusMedial,
            .gastrocnemiusLateral, .gastrocnemius, .soleus, .popliteus:
            .leg
        case .abductorPollicisBrevis, .firstDorsalInterosseous, .abductorDigitiMinimi:
            .hand
        case .deltoid, .biceps, .triceps, .extensorDigitorumCommunis, .flexorCarpiRadialis, .pronatorTeres,
            .cervicalParaspinal, .diaphragm:
            .arm
        case .thoracicParaspinal: .thoracic
        case .genioglossus, .sternocleidomastoid: .bulbar
        case .externalAnalSphincter: .sphincter
        default: muscle.isParaspinal ? .lumbarParaspinal : .thigh
        }
    }
}
