import EDXFindings
import EDXModel
import EDXReference

/// Display names: the vocabulary's canonical name where the export's label was recognised, the
/// label as exported otherwise; studies, measures and sides as sentences name them.
enum Names {
    static func site(_ site: StimulationSite?, label: String) -> String {
        site.map { Format.words($0.rawValue).capitalizedFirst } ?? label
    }

    /// Recording muscles by their usual abbreviations (EDB, TA, AH), other sites in words.
    static func recording(_ recording: RecordingSite?, label: String) -> String {
        switch recording {
        case .extensorDigitorumBrevis?: "EDB"
        case .tibialisAnterior?: "TA"
        case .abductorHallucis?: "AH"
        case let site?: Format.words(site.rawValue)
        case nil: label
        }
    }

    static func segment(_ segment: Segment) -> String {
        "\(site(segment.from, label: segment.fromLabel)) - \(site(segment.to, label: segment.toLabel))"
    }

    /// `Left` or `Right`.
    static func title(_ side: Side) -> String { side == .left ? "Left" : "Right" }

    /// `peroneal motor (EDB)`, `tibial motor (abductor hallucis)`, `sural sensory`, `tibial F wave`.
    static func title(_ study: StudyKey) -> String {
        switch study.kind {
        case .motor:
            switch study.reference {
            case .peronealEDB: "peroneal motor (EDB)"
            case .peronealTA: "peroneal motor (tibialis anterior)"
            case .tibialAH: "tibial motor (abductor hallucis)"
            default: "\(Format.words(study.nerveName)) motor (\(Format.words(study.recordingName ?? "")))"
            }
        case .sensory: "\(Format.words(study.nerveName)) sensory"
        case .fWave: "\(Format.words(study.nerveName)) F wave"
        case .hReflex: "H reflex"
        }
    }

    /// A measure as sentences name it.
    static func words(_ measure: Measure) -> String {
        switch measure {
        case .distalLatency: "distal latency"
        case .amplitude: "amplitude"
        case .duration: "duration"
        case .legVelocity: "velocity"
        case .acrossFibularHeadVelocity: "velocity across the fibular head"
        case .onsetLatency: "onset latency"
        case .peakLatency: "peak latency"
        case .sensoryVelocity: "velocity"
        case .fMinimumLatency: "minimal F latency"
        case .hLatency: "H latency"
        case .latencyDifference: "latency difference"
        case .amplitudeDrop: "amplitude asymmetry"
        case .velocityDifference: "velocity difference"
        }
    }

    static func words(_ feature: MUAPFeature) -> String {
        switch feature {
        case .longDuration: "long-duration MUAPs"
        case .highAmplitude: "high-amplitude MUAPs"
        case .polyphasic: "polyphasic MUAPs"
        }
    }
}
