public import EDXModel
public import EDXReference

/// What an observation is about, in the terms of the anatomical model: a muscle, a sensory
/// response, a CMAP, conduction across the fibular head, a distal latency, the H reflex.
public enum ModelItem: Hashable, Sendable, Encodable {
    case muscle(Muscle, Side)
    case sensory(Nerve, Side)
    /// A low or absent distal CMAP of a standard motor study.
    case cmap(ReferenceStudy, Side)
    /// Conduction block, dispersion or focal slowing across the fibular head.
    case fibularHeadConduction(Side)
    /// A prolonged distal motor latency (or one much longer than the other side's).
    case distalConduction(ReferenceStudy, Side)
    case hReflex(Side)

    public var side: Side {
        switch self {
        case .muscle(_, let s), .sensory(_, let s), .cmap(_, let s), .fibularHeadConduction(let s),
            .distalConduction(_, let s), .hReflex(let s):
            s
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
        case .hReflex:
            try container.encode("h-reflex", forKey: "item")
        }
        try container.encode(side, forKey: "side")
    }
}
