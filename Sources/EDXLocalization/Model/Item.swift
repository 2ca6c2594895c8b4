public import EDXModel
public import EDXReference

/// What an observation is about, in the terms of the anatomical model: a muscle, a sensory
/// response, a CMAP, conduction across the fibular head, a distal latency, a late response.
public enum ModelItem: Hashable, Sendable, Encodable {
    /// Neurogenic change in a muscle: denervation, reinnervation or reduced recruitment.
    case muscle(Muscle, Side)
    /// Myopathic change in a muscle: small, short motor units or early recruitment.
    case myopathic(Muscle, Side)
    /// Reinnervation (long-duration or high-amplitude units) in a muscle with neurogenic change: observed
    /// only for such muscles, it tells a chronic process from an acute one.
    case reinnervation(Muscle, Side)
    case sensory(Nerve, Side)
    /// A low or absent distal CMAP of a standard motor study.
    case cmap(ReferenceStudy, Side)
    /// Conduction block, dispersion or focal slowing across the fibular head.
    case fibularHeadConduction(Side)
    /// A prolonged distal motor latency (or one much longer than the other side's).
    case distalConduction(ReferenceStudy, Side)
    /// Prolonged or absent F waves of a standard motor study.
    case fWave(ReferenceStudy, Side)
    case hReflex(Side)

    public var side: Side {
        switch self {
        case .muscle(_, let s), .myopathic(_, let s), .reinnervation(_, let s), .sensory(_, let s), .cmap(_, let s),
            .fibularHeadConduction(let s), .distalConduction(_, let s), .fWave(_, let s), .hReflex(let s):
            s
        }
    }

    /// The same item on `side`: the homologous item of the other leg or arm.
    func on(_ side: Side) -> ModelItem {
        switch self {
        case .muscle(let m, _): .muscle(m, side)
        case .myopathic(let m, _): .myopathic(m, side)
        case .reinnervation(let m, _): .reinnervation(m, side)
        case .sensory(let n, _): .sensory(n, side)
        case .cmap(let r, _): .cmap(r, side)
        case .fibularHeadConduction: .fibularHeadConduction(side)
        case .distalConduction(let r, _): .distalConduction(r, side)
        case .fWave(let r, _): .fWave(r, side)
        case .hReflex: .hReflex(side)
        }
    }

    /// The body region of the item, for processes that cross regions.
    public var region: BodyRegion {
        switch self {
        case .muscle(let m, _), .myopathic(let m, _), .reinnervation(let m, _): m.region
        case .sensory(let n, _): n.region
        case .cmap(let r, _), .fWave(let r, _), .distalConduction(let r, _): r.region
        case .fibularHeadConduction, .hReflex: .lumbosacral
        }
    }
}

extension ReferenceStudy {
    /// The body region of a study's nerve.
    public var region: BodyRegion {
        switch self {
        case .medianMotor, .ulnarMotor, .medianSensory, .ulnarSensory, .radialSensory: .cervical
        default: .lumbosacral
        }
    }
}

extension ModelItem {
    /// `{"item": "muscle", "muscle": "tibialis-anterior", "side": "left"}`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: EncodingKey.self)
        switch self {
        case .muscle(let muscle, _):
            try container.encode("muscle", forKey: "item")
            try container.encode(muscle, forKey: "muscle")
        case .myopathic(let muscle, _):
            try container.encode("myopathic-muscle", forKey: "item")
            try container.encode(muscle, forKey: "muscle")
        case .reinnervation(let muscle, _):
            try container.encode("reinnervated-muscle", forKey: "item")
            try container.encode(muscle, forKey: "muscle")
        case .sensory(let nerve, _):
            try container.encode("sensory", forKey: "item")
            try container.encode(nerve, forKey: "nerve")
        case .cmap(let study, _):
            try container.encode("cmap", forKey: "item")
            try container.encode(study, forKey: "study")
        case .fibularHeadConduction:
            try container.encode("fibular-head-conduction", forKey: "item")
        case .distalConduction(let study, _):
            try container.encode("distal-latency", forKey: "item")
            try container.encode(study, forKey: "study")
        case .fWave(let study, _):
            try container.encode("f-wave", forKey: "item")
            try container.encode(study, forKey: "study")
        case .hReflex:
            try container.encode("h-reflex", forKey: "item")
        }
        try container.encode(side, forKey: "side")
    }
}
