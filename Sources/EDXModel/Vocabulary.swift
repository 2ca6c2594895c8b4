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

    public var isParaspinal: Bool {
        switch self {
        case .paraspinalL2, .paraspinalL3, .paraspinalL4, .paraspinalL5, .paraspinalS1, .paraspinalLumbar: true
        default: false
        }
    }

    public var isLowerLimb: Bool {
        switch self {
        case .abductorPollicisBrevis, .firstDorsalInterosseous, .abductorDigitiMinimi, .deltoid, .biceps, .triceps,
            .extensorDigitorumCommunis, .flexorCarpiRadialis, .pronatorTeres, .cervicalParaspinal:
            false
        default: true
        }
    }
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
