/// The side of the body.
public enum Side: String, Codable, Sendable, Hashable, CaseIterable, Comparable {
    case left, right

    public var opposite: Side { self == .left ? .right : .left }

    public static func < (lhs: Side, rhs: Side) -> Bool { lhs == .left && rhs == .right }
}

/// Nerves studied by conduction. Upper-limb nerves are imported and reported, but lie outside the
/// lower-limb localization.
public enum Nerve: String, Codable, Sendable, Hashable, CaseIterable {
    case peroneal
    case tibial
    case sural
    case superficialPeroneal = "superficial-peroneal"
    case deepPeroneal = "deep-peroneal"
    case saphenous
    case lateralFemoralCutaneous = "lateral-femoral-cutaneous"
    case femoral
    case medialPlantar = "medial-plantar"
    case lateralPlantar = "lateral-plantar"
    case sciatic
    case median
    case ulnar
    case radial

    public var isLowerLimb: Bool {
        switch self {
        case .median, .ulnar, .radial: false
        default: true
        }
    }
}

/// Where a response is recorded: a muscle for motor studies, a skin site for sensory studies.
public enum RecordingSite: String, Codable, Sendable, Hashable, CaseIterable {
    case extensorDigitorumBrevis = "extensor-digitorum-brevis"
    case tibialisAnterior = "tibialis-anterior"
    case peroneusLongus = "peroneus-longus"
    case peroneusBrevis = "peroneus-brevis"
    case abductorHallucis = "abductor-hallucis"
    case abductorDigitiMinimiPedis = "abductor-digiti-minimi-pedis"
    case soleus
    case gastrocnemius
    case vastusMedialis = "vastus-medialis"
    case rectusFemoris = "rectus-femoris"
    case vastusLateralis = "vastus-lateralis"
    case lateralMalleolus = "lateral-malleolus"
    case dorsumOfFoot = "dorsum-of-foot"
    case firstWebSpace = "first-web-space"
    case medialAnkle = "medial-ankle"
    case anteriorThigh = "anterior-thigh"
    case medialSole = "medial-sole"
    case lateralSole = "lateral-sole"
    case abductorPollicisBrevis = "abductor-pollicis-brevis"
    case abductorDigitiMinimi = "abductor-digiti-minimi"
    case firstDorsalInterosseous = "first-dorsal-interosseous"
    case extensorIndicis = "extensor-indicis"
    case indexFinger = "index-finger"
    case littleFinger = "little-finger"
    case thumbBase = "thumb-base"
}

/// Where a nerve is stimulated.
public enum StimulationSite: String, Codable, Sendable, Hashable, CaseIterable {
    case ankle
    case belowFibularHead = "below-fibular-head"
    case aboveFibularHead = "above-fibular-head"
    case poplitealFossa = "popliteal-fossa"
    case calf
    case lateralLeg = "lateral-leg"
    case medialLeg = "medial-leg"
    case inguinal
    case glutealFold = "gluteal-fold"
    case medialMalleolus = "medial-malleolus"
    case wrist
    case palm
    case forearm
    case belowElbow = "below-elbow"
    case aboveElbow = "above-elbow"
    case elbow
    case axilla
    case erbsPoint = "erbs-point"
    case spiralGroove = "spiral-groove"
}

/// Muscles sampled by needle EMG.
public enum Muscle: String, Codable, Sendable, Hashable, CaseIterable {
    case tibialisAnterior = "tibialis-anterior"
    case extensorHallucisLongus = "extensor-hallucis-longus"
    case extensorDigitorumLongus = "extensor-digitorum-longus"
    case extensorDigitorumBrevis = "extensor-digitorum-brevis"
    case peroneusLongus = "peroneus-longus"
    case peroneusBrevis = "peroneus-brevis"
    case tibialisPosterior = "tibialis-posterior"
    case flexorDigitorumLongus = "flexor-digitorum-longus"
    case gastrocnemiusMedial = "gastrocnemius-medial-head"
    case gastrocnemiusLateral = "gastrocnemius-lateral-head"
    case soleus
    case abductorHallucis = "abductor-hallucis"
    case abductorDigitiMinimiPedis = "abductor-digiti-minimi-pedis"
    case bicepsFemorisShortHead = "biceps-femoris-short-head"
    case bicepsFemorisLongHead = "biceps-femoris-long-head"
    case semitendinosus
    case semimembranosus
    case gluteusMedius = "gluteus-medius"
    case gluteusMinimus = "gluteus-minimus"
    case tensorFasciaeLatae = "tensor-fasciae-latae"
    case gluteusMaximus = "gluteus-maximus"
    case vastusLateralis = "vastus-lateralis"
    case vastusMedialis = "vastus-medialis"
    case rectusFemoris = "rectus-femoris"
    case iliopsoas
    case adductorLongus = "adductor-longus"
    case paraspinalL2 = "lumbar-paraspinal-l2"
    case paraspinalL3 = "lumbar-paraspinal-l3"
    case paraspinalL4 = "lumbar-paraspinal-l4"
    case paraspinalL5 = "lumbar-paraspinal-l5"
    case paraspinalS1 = "lumbar-paraspinal-s1"
    /// Lumbar paraspinals, level not stated.
    case paraspinalLumbar = "lumbar-paraspinal"
    /// Lumbar paraspinals sampled over a range of two levels: each level in it.
    case paraspinalL2L3 = "lumbar-paraspinal-l2-l3"
    case paraspinalL3L4 = "lumbar-paraspinal-l3-l4"
    case paraspinalL4L5 = "lumbar-paraspinal-l4-l5"
    case paraspinalL5S1 = "lumbar-paraspinal-l5-s1"

    // Generic names: a muscle group, or a muscle whose head is not stated. The localization uses what
    // the members share (EDXAnatomy).
    /// Vastus medialis, vastus lateralis or rectus femoris.
    case quadriceps
    /// Semitendinosus, semimembranosus or biceps femoris (division of the sciatic nerve unknown).
    case hamstrings
    /// The medial or lateral head.
    case gastrocnemius
    /// The long or short head.
    case bicepsFemoris = "biceps-femoris"

    // More lower-limb muscles.
    case adductorMagnus = "adductor-magnus"
    case sartorius
    case pectineus
    case gracilis
    case flexorHallucisLongus = "flexor-hallucis-longus"
    case flexorDigitorumBrevis = "flexor-digitorum-brevis"
    case firstDorsalInterosseousPedis = "first-dorsal-interosseous-pedis"
    case peroneusTertius = "peroneus-tertius"
    case popliteus

    // Outside the leg: they count for or against a widespread process.
    /// Below S1: S2-S4 through the pudendal nerve.
    case externalAnalSphincter = "external-anal-sphincter"
    case thoracicParaspinal = "thoracic-paraspinal"
    case genioglossus
    case sternocleidomastoid
    case diaphragm
    case abductorPollicisBrevis = "abductor-pollicis-brevis"
    case firstDorsalInterosseous = "first-dorsal-interosseous"
    case abductorDigitiMinimi = "abductor-digiti-minimi"
    case deltoid
    case biceps = "biceps-brachii"
    case triceps
    case extensorDigitorumCommunis = "extensor-digitorum-communis"
    case flexorCarpiRadialis = "flexor-carpi-radialis"
    case pronatorTeres = "pronator-teres"
    case cervicalParaspinal = "cervical-paraspinal"

    /// A lumbosacral paraspinal muscle (supplied by the dorsal rami).
    public var isParaspinal: Bool {
        switch self {
        case .paraspinalL2, .paraspinalL3, .paraspinalL4, .paraspinalL5, .paraspinalS1, .paraspinalLumbar,
            .paraspinalL2L3, .paraspinalL3L4, .paraspinalL4L5, .paraspinalL5S1:
            true
        default: false
        }
    }

    /// Whether the muscle belongs to the lower limb and its lumbosacral paraspinals, the territory of
    /// the lesion model.
    public var isLowerLimb: Bool { region == .lumbosacral && self != .externalAnalSphincter }

    /// The body region of the muscle, as criteria for widespread disease count them (bulbar,
    /// cervical, thoracic, lumbosacral).
    public var region: BodyRegion {
        switch self {
        case .abductorPollicisBrevis, .firstDorsalInterosseous, .abductorDigitiMinimi, .deltoid, .biceps, .triceps,
            .extensorDigitorumCommunis, .flexorCarpiRadialis, .pronatorTeres, .cervicalParaspinal, .diaphragm:
            .cervical
        case .thoracicParaspinal: .thoracic
        case .genioglossus, .sternocleidomastoid: .bulbar
        default: .lumbosacral
        }
    }
}

/// A body region, as criteria for motor neuron disease count regions.
public enum BodyRegion: String, Codable, Sendable, Hashable, CaseIterable {
    case bulbar, cervical, thoracic, lumbosacral
}

extension Nerve {
    /// The body region of a nerve studied by conduction.
    public var region: BodyRegion { isLowerLimb ? .lumbosacral : .cervical }
}

/// A three-way grade: insertional activity, MUAP amplitude, duration, polyphasia.
public enum Activity: String, Codable, Sendable, Hashable {
    case normal, increased, decreased
}

/// Semi-quantitative grade of spontaneous activity (fibrillations, PSW, fasciculations).
public enum SpontaneousGrade: String, Codable, Sendable, Hashable, CaseIterable, Comparable {
    case none = "0"
    case equivocal = "+/-"
    case one = "1+"
    case two = "2+"
    case three = "3+"
    case four = "4+"

    /// 0 for none, 0.5 for equivocal, 1…4 otherwise.
    public var value: Double {
        switch self {
        case .none: 0
        case .equivocal: 0.5
        case .one: 1
        case .two: 2
        case .three: 3
        case .four: 4
        }
    }

    public static func < (lhs: SpontaneousGrade, rhs: SpontaneousGrade) -> Bool { lhs.value < rhs.value }
}

/// Motor unit recruitment, from normal to none; `early` is the myopathic pattern.
public enum Recruitment: String, Codable, Sendable, Hashable, CaseIterable {
    case normal
    case mildlyReduced = "mildly-reduced"
    case reduced
    /// Severely reduced: discrete single units firing fast.
    case discrete
    /// No voluntary motor units.
    case none
    case early

    /// 0 (normal) to 4 (none); `early` scores 0 for neurogenic loss.
    public var neurogenicLoss: Int {
        switch self {
        case .normal, .early: 0
        case .mildlyReduced: 1
        case .reduced: 2
        case .discrete: 3
        case .none: 4
        }
    }
}
