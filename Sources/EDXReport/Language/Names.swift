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

    /// `ankle`, `popliteal fossa`: a stimulation site inside a sentence.
    static func words(_ site: SiteKey) -> String { Format.words(site.description) }

    /// `ankle to below fibular head`; the segment from below to above the fibular head is `across the
    /// fibular head`.
    static func words(_ segment: SegmentKey) -> String {
        if segment.joins(.belowFibularHead, .aboveFibularHead) { return "across the fibular head" }
        return "\(words(segment.from)) to \(words(segment.to))"
    }

    /// Where a value was measured, inside a sentence: `ankle`, `ankle to below fibular head`; nil for
    /// a late response, whose study names it.
    static func words(_ place: MeasurementPlace) -> String? {
        switch place {
        case .site(let site): words(site)
        case .segment(let segment): words(segment)
        case .fWave, .hReflex: nil
        }
    }

    /// `peroneal motor (EDB)`, `tibial motor (abductor hallucis)`, `sural sensory`, `tibial F wave`.
    static func title(_ study: StudyKey) -> String {
        switch study.kind {
        case .motor:
            switch study.reference {
            case .peronealEDB: "peroneal motor (EDB)"
            case .peronealTA: "peroneal motor (tibialis anterior)"
            case .tibialAH: "tibial motor (abductor hallucis)"
            default:
                if let recording = study.recordingName, !recording.isEmpty {
                    "\(Format.words(study.nerveName)) motor (\(Format.words(recording)))"
                } else {
                    "\(Format.words(study.nerveName)) motor"
                }
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
        case .fMinimumLatency: "minimal latency"
        case .hLatency: "latency"
        case .latencyDifference: "latency difference"
        case .amplitudeDrop: "amplitude asymmetry"
        case .velocityDifference: "velocity difference"
        }
    }

    /// The late response a study records, as its findings name it: `tibial F waves`, `H reflex`.
    static func lateResponse(_ study: StudyKey) -> String {
        study.kind == .hReflex ? "H reflex" : "\(Format.words(study.nerveName)) F waves"
    }

    /// Recruitment in a sentence: `reduced recruitment`, `no voluntary motor units`.
    static func words(_ recruitment: Recruitment) -> String {
        switch recruitment {
        case .normal: "normal recruitment"
        case .mildlyReduced: "mildly reduced recruitment"
        case .reduced: "reduced recruitment"
        case .discrete: "discrete recruitment"
        case .none: "no voluntary motor units"
        case .early: "early recruitment"
        }
    }

    /// A nerve finding as a noun: `focal slowing`, `conduction block`.
    static func words(_ kind: NerveFinding.Kind) -> String {
        switch kind {
        case .axonLoss: "axon loss"
        case .conductionBlock: "conduction block"
        case .possibleConductionBlock: "possible conduction block"
        case .temporalDispersion: "temporal dispersion"
        case .focalSlowing: "focal slowing"
        case .demyelinatingSlowing: "slowing in the demyelinating range"
        case .slowing: "slowing"
        case .accessoryDeepPeroneal: "accessory deep peroneal nerve"
        case .physiologicalProximalDrop: "proximal amplitude drop"
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
