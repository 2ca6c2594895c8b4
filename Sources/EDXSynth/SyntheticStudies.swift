package import EDXModel

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The class a synthetic study is made with, named by the diagnosis code the engine reports for it
/// (`DiagnosisCode` raw values). A code that covers several pictures adds `/` and the level
/// (`LesionLevel`), the pattern (`OutsidePattern`) or the form (`PolyneuropathyForm`):
/// `tibial-neuropathy/medial-plantar`, `outside-model/myopathy`, `polyneuropathy/demyelinating`.
package enum SyntheticLesion: String, CaseIterable, Sendable {
    case normal = "normal-study"
    case peronealFibularHead = "peroneal-neuropathy-fibular-head"
    case deepPeroneal = "deep-peroneal-neuropathy"
    case superficialPeroneal = "superficial-peroneal-neuropathy"
    case sciatic = "sciatic-neuropathy"
    /// One part of the plexus, drawn per study: the lumbar plexus, the lumbosacral trunk or the sacral plexus.
    case lumbosacralPlexus = "lumbosacral-plexopathy"
    case l3Root = "l3-radiculopathy"
    case l4Root = "l4-radiculopathy"
    case l5Root = "l5-radiculopathy"
    case s1Root = "s1-radiculopathy"
    /// The tibial nerve in the popliteal fossa or the leg.
    case tibial = "tibial-neuropathy"
    case medialPlantar = "tibial-neuropathy/medial-plantar"
    case lateralPlantar = "tibial-neuropathy/lateral-plantar"
    case femoral = "femoral-neuropathy"
    case obturator = "obturator-neuropathy"
    case saphenous = "saphenous-neuropathy"
    case lateralFemoralCutaneous = "lateral-femoral-cutaneous-neuropathy"
    case sural = "sural-neuropathy"
    /// Length-dependent sensorimotor axonal polyneuropathy.
    case polyneuropathy = "polyneuropathy/length-dependent"
    /// Slow distal latencies, velocities and F waves in every motor nerve; sensory responses relatively spared.
    case demyelinatingPolyneuropathy = "polyneuropathy/demyelinating"
    /// Low CMAPs and distal denervation, sensory responses normal.
    case motorAxonalNeuropathy = "polyneuropathy/motor-axonal"
    /// Active and chronic denervation with fasciculations in leg, arm and thoracic paraspinal muscles, on
    /// both sides; sensory responses normal.
    case motorNeuronDisease = "outside-model/motor-neuron-disease"
    /// Small, short, polyphasic units recruited early in proximal muscles; conduction normal.
    case myopathy = "outside-model/myopathy"
    /// Low CMAPs in every motor study, sensory responses and needle normal.
    case neuromuscularJunction = "outside-model/neuromuscular-junction"
    /// The S2-S4 roots on one side: the external anal sphincter and the S1-S2 muscles, sensory spared.
    case sacralRoots = "outside-model/sacral-roots"

    /// The diagnosis code (`DiagnosisCode` raw value) the class belongs to.
    package var code: String { String(rawValue.prefix { $0 != "/" }) }

    /// The level, pattern or form after the code, if the class names one.
    package var qualifier: String? {
        rawValue.firstIndex(of: "/").map { String(rawValue[rawValue.index(after: $0)...]) }
    }

    /// Whether the lesion lies on one side (a nerve, plexus or root, including the sacral roots); the
    /// normal study and the diffuse processes have no side.
    package var isFocal: Bool {
        switch self {
        case .normal, .polyneuropathy, .demyelinatingPolyneuropathy, .motorAxonalNeuropathy, .motorNeuronDisease,
            .myopathy, .neuromuscularJunction:
            false
        default: true
        }
    }
}

/// A hard shape of study, drawn at random for each study, each with its own probability,
/// independently of the others.
package enum SyntheticShape: String, CaseIterable, Sendable {
    /// Generic muscle names where a lab writes them: `Gastrocnemius`, `Quadriceps`, `Hamstrings`,
    /// `Biceps Femoris` (read as the long head), one exam per name and side.
    case genericNames = "generic-names"
    /// Only the leg of the lesion (a random leg for a study without a side) is examined.
    case oneSided = "one-sided"
    /// Feet at 26-29 °C, latencies and velocities changed by the engine's own correction factors.
    case cool
    /// At most two conduction studies per leg, no late responses, at most four leg muscles.
    case sparse
    /// Median, ulnar and radial studies and arm muscles on one side, with a hand temperature.
    case arms

    /// The chance that a study has this shape [P].
    package var probability: Double {
        switch self {
        case .genericNames: 0.25
        case .oneSided: 0.15
        case .cool: 0.2
        case .sparse: 0.15
        case .arms: 0.2
        }
    }
}

/// What a synthetic study was made of, as its indication states it:
/// `synthetic: l5-radiculopathy; side: left; shape: one-sided, cool`. `side` is `bilateral` for a
/// study without a side; `shape` is `standard` when no shape was drawn. EDX Study XML and
/// summary-csv carry the indication; measurements-csv has no column for it.
package struct SyntheticLabel: Hashable, Sendable {
    package var lesion: SyntheticLesion
    /// The side of a focal lesion; nil for the normal study and the diffuse processes.
    package var side: Side?
    /// The shapes of the study, in ``SyntheticShape/allCases`` order.
    package var shapes: [SyntheticShape]

    package init(lesion: SyntheticLesion, side: Side?, shapes: [SyntheticShape]) {
        self.lesion = lesion
        self.side = side
        self.shapes = SyntheticShape.allCases.filter(shapes.contains)
    }

    /// The label of a study's indication, or nil when it is not a synthetic study's.
    package init?(_ study: Study) {
        guard let indication = study.indication else { return nil }
        self.init(indication: indication)
    }

    package init?(indication: String) {
        var fields: [String: String] = [:]
        for part in indication.split(separator: ";") {
            guard let colon = part.firstIndex(of: ":") else { return nil }
            let key = String(part[..<colon]).trimmingWhitespace()
            fields[key] = String(part[part.index(after: colon)...]).trimmingWhitespace()
        }
        guard fields.count == 3, let lesion = fields["synthetic"].flatMap(SyntheticLesion.init(rawValue:)),
            let sideText = fields["side"], let shapeText = fields["shape"]
        else { return nil }
        let side = Side(rawValue: sideText)
        guard side != nil || sideText == "bilateral" else { return nil }
        var shapes: [SyntheticShape] = []
        if shapeText != "standard" {
            for name in shapeText.split(separator: ",") {
                guard let shape = SyntheticShape(rawValue: String(name).trimmingWhitespace()) else { return nil }
                shapes.append(shape)
            }
        }
        self.init(lesion: lesion, side: side, shapes: shapes)
    }

    /// The indication text.
    package var indication: String {
        let shapeText = shapes.isEmpty ? "standard" : shapes.map(\.rawValue).joined(separator: ", ")
        return "synthetic: \(lesion.rawValue); side: \(side?.rawValue ?? "bilateral"); shape: \(shapeText)"
    }
}

/// A deterministic generator of realistic studies of every class, in turn, with measurement noise
/// and randomly drawn hard shapes: the same seed gives the same studies, in any run and on any machine.
///
/// For load (benchmarks) and for properties of the code (round trips, throughput, localization
/// properties). It must never be used to measure accuracy: it is built from the same picture of each
/// lesion as the engine (the muscles and sensory nerves a lesion reaches are read from `EDXAnatomy`,
/// normal values are drawn inside the published limits of `EDXReference` for the patient's age and
/// height), so the engine would be grading its own model. Each study states its class and shapes in
/// its indication (``SyntheticLabel``).
package struct SyntheticStudies: Sequence, IteratorProtocol {
    private var random: SplitMix64
    private var index = 0
    private let count: Int?

    /// `count` studies (or endless when nil), from `seed`.
    package init(seed: UInt64, count: Int? = nil) {
        random = SplitMix64(seed: seed)
        self.count = count
    }

    package mutating func next() -> Study? {
        if let count, index >= count { return nil }
        defer { index += 1 }
        let lesion = SyntheticLesion.allCases[index % SyntheticLesion.allCases.count]
        var builder = Builder(index: index, lesion: lesion, random: random)
        builder.build()
        random = builder.random
        return builder.study
    }

    /// The class and shapes of a synthetic study (read from its indication).
    package static func label(of study: Study) -> SyntheticLabel? { SyntheticLabel(study) }
}

/// SplitMix64 (Steele, Lea and Flood 2014): small, fast and the same everywhere, so that the
/// generator, and the property tests that use it, replay from a seed.
package struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64

    package init(seed: UInt64) { state = seed }

    package mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Uniform in [0, 1).
    mutating func unit() -> Double { Double(next() >> 11) / Double(1 << 53) }

    mutating func uniform(_ range: ClosedRange<Double>) -> Double {
        range.lowerBound + unit() * (range.upperBound - range.lowerBound)
    }

    /// Uniform in 0 ..< `count` (`count` > 0), independent of the standard library's algorithms.
    mutating func index(_ count: Int) -> Int { Int(next() % UInt64(count)) }

    /// One of `items` (not empty).
    mutating func pick<Item>(_ items: [Item]) -> Item { items[index(items.count)] }

    /// A normal deviate (Box-Muller).
    mutating func gaussian() -> Double {
        let u = max(unit(), 1e-12)
        let v = unit()
        return (-2 * log(u)).squareRoot() * cos(2 * Double.pi * v)
    }
}
