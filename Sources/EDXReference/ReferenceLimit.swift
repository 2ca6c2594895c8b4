/// The nerve conduction studies that have published reference values, each a nerve recorded at a
/// standard site with a standard technique.
public enum ReferenceStudy: String, Codable, Sendable, Hashable, CaseIterable {
    case peronealEDB = "peroneal-motor-edb"
    case peronealTA = "peroneal-motor-tibialis-anterior"
    case tibialAH = "tibial-motor-abductor-hallucis"
    case sural = "sural-sensory"
    case superficialPeroneal = "superficial-peroneal-sensory"
    case saphenous = "saphenous-sensory"
    case lateralFemoralCutaneous = "lateral-femoral-cutaneous-sensory"
    case tibialFWave = "tibial-f-wave"
    case peronealFWave = "peroneal-f-wave"
    case hReflex = "h-reflex"
    case femoralMotor = "femoral-motor"
    case lateralPlantarMotor = "lateral-plantar-motor"
    case medialPlantarMixed = "medial-plantar-mixed"
    case lateralPlantarMixed = "lateral-plantar-mixed"
    case deepPeronealSensory = "deep-peroneal-sensory"
    case medianMotor = "median-motor-apb"
    case ulnarMotor = "ulnar-motor-adm"
    case medianSensory = "median-sensory"
    case ulnarSensory = "ulnar-sensory"
    case radialSensory = "radial-sensory"

    /// The technique behind the published values: distances, electrodes, minimum temperature.
    public var technique: Technique { PublishedNorms.technique(self) }
}

/// How the reference population was studied.
public struct Technique: Codable, Sendable, Hashable {
    public var description: String
    /// The lowest limb temperature allowed in the reference study, °C, where it was published.
    public var minimumTemperatureC: Double?
    /// The oldest age in the reference population, years, where it was published.
    public var oldestAge: Double?

    public init(_ description: String, minimumTemperatureC: Double? = nil, oldestAge: Double? = nil) {
        self.description = description
        self.minimumTemperatureC = minimumTemperatureC
        self.oldestAge = oldestAge
    }
}

/// A measured quantity that has a reference limit.
public enum Measure: String, Codable, Sendable, Hashable, CaseIterable {
    /// Motor onset latency from the distal stimulation site, ms.
    case distalLatency = "distal-latency"
    /// CMAP amplitude (mV) or SNAP amplitude (µV) from the distal site.
    case amplitude
    /// CMAP negative-phase duration, ms.
    case duration
    /// Motor velocity of the leg segment (peroneal below fibular head to ankle; tibial knee to ankle), m/s.
    case legVelocity = "leg-velocity"
    /// Motor velocity across the fibular head (above to below), m/s.
    case acrossFibularHeadVelocity = "across-fibular-head-velocity"
    /// Sensory onset latency, ms.
    case onsetLatency = "onset-latency"
    /// Sensory peak latency, ms.
    case peakLatency = "peak-latency"
    /// Sensory conduction velocity, m/s.
    case sensoryVelocity = "sensory-velocity"
    /// Minimal F-wave latency, ms.
    case fMinimumLatency = "f-minimum-latency"
    /// H-reflex onset latency, ms.
    case hLatency = "h-latency"
    /// Side-to-side difference of the latency, ms (upper limit).
    case latencyDifference = "latency-difference"
    /// Side-to-side amplitude drop of the smaller side, % of the larger (upper limit).
    case amplitudeDrop = "amplitude-drop"
    /// Side-to-side difference of the velocity, m/s (upper limit).
    case velocityDifference = "velocity-difference"
}

/// Which side of a limit is normal.
public enum Bound: String, Codable, Sendable, Hashable {
    /// The value must be at least the limit (amplitudes, velocities).
    case lower
    /// The value must be at most the limit (latencies, durations, differences).
    case upper
}

/// A published limit chosen for one patient, with what had to be assumed to choose it.
public struct ReferenceLimit: Encodable, Sendable, Hashable {
    public var study: ReferenceStudy
    public var measure: Measure
    public var bound: Bound
    public var value: Double
    public var unit: String
    /// The covariate band the limit belongs to (`age 40-79 y`, `height >= 170 cm, age 19-39 y`), or nil
    /// for the all-subjects limit.
    public var band: String?
    public var technique: Technique
    public var citation: Citation
    /// What the lookup assumed: a missing covariate, a patient outside the reference population.
    public var assumptions: [LimitAssumption]
}

/// A patient covariate that reference limits depend on.
public enum Covariate: String, Codable, Sendable, Hashable, CaseIterable {
    case age, height
}

/// What a limit lookup had to assume to choose a limit for this patient.
public enum LimitAssumption: Encodable, Sendable, Hashable {
    /// Covariates the limits are banded by were not recorded: the all-subjects limit was used, or,
    /// where the source publishes none, the most lenient band (`mostLenientBand`).
    case covariatesMissing([Covariate], mostLenientBand: String?)
    /// The patient lies outside every band of the reference population: the nearest band was used.
    case outsideReferencePopulation(ageYears: Double?, heightCm: Double?, nearestBand: String?)
    /// The patient is older than anyone in the reference population (its norms end at `oldestAge`).
    case olderThanReferencePopulation(ageYears: Double, oldestAge: Double)
}

/// One row of a published table: a limit for a covariate band.
struct NormEntry: Sendable {
    var study: ReferenceStudy
    var measure: Measure
    var bound: Bound
    var value: Double
    var unit: String
    /// Ages in the band, years (lower bound inclusive, upper exclusive).
    var age: Range<Double>?
    /// Heights in the band, cm (lower bound inclusive, upper exclusive).
    var height: Range<Double>?
    var citation: Citation

    var bandDescription: String? {
        var parts: [String] = []
        if let height { parts.append(Self.describe(height, "cm")) }
        if let age { parts.append(Self.describe(age, "y", label: "age")) }
        return parts.isEmpty ? nil : parts.joined(separator: ", ")
    }

    private static func describe(_ range: Range<Double>, _ unit: String, label: String = "height") -> String {
        func text(_ value: Double) -> String { String(Int(value)) }
        if range.lowerBound <= 0 { return "\(label) < \(text(range.upperBound)) \(unit)" }
        if range.upperBound >= 250 { return "\(label) >= \(text(range.lowerBound)) \(unit)" }
        return "\(label) \(text(range.lowerBound))-\(text(range.upperBound - 1)) \(unit)"
    }
}

/// Looks up published limits by study, measure and the patient's age and height.
public enum ReferenceValues {
    /// The published limit for `measure` of `study` for a patient of `ageYears` and `heightCm`, or nil
    /// when no source publishes one (the measurement is then reported without classification).
    ///
    /// A missing covariate selects the all-subjects limit; a patient outside every band gets the
    /// nearest band. Both are stated in ``ReferenceLimit/assumptions``.
    public static func limit(
        _ study: ReferenceStudy, _ measure: Measure, ageYears: Double?, heightCm: Double?
    ) -> ReferenceLimit? {
        let entries = PublishedNorms.entries.filter { $0.study == study && $0.measure == measure }
        guard !entries.isEmpty else { return nil }
        let usesAge = entries.contains { $0.age != nil }
        let usesHeight = entries.contains { $0.height != nil }
        var assumptions: [LimitAssumption] = []
        let missing = [usesAge && ageYears == nil ? Covariate.age : nil, usesHeight && heightCm == nil ? .height : nil]
            .compactMap { $0 }
        let chosen: NormEntry
        if !missing.isEmpty {
            let general = entries.first { $0.age == nil && $0.height == nil }
            let fallback = general ?? mostLenient(entries)
            chosen = fallback
            assumptions.append(
                .covariatesMissing(missing, mostLenientBand: general != nil ? nil : fallback.bandDescription ?? "all"))
        } else {
            let banded = entries.filter { $0.age != nil || $0.height != nil }
            if let best = banded.map({ ($0, distance(ageYears, $0.age) + distance(heightCm, $0.height)) })
                .min(by: { $0.1 < $1.1 })
            {
                chosen = best.0
                if best.1 > 0 {
                    assumptions.append(
                        .outsideReferencePopulation(
                            ageYears: ageYears, heightCm: heightCm, nearestBand: chosen.bandDescription))
                }
            } else {
                chosen = entries[0]
            }
        }
        // Norms end at the oldest age studied: beyond it the patient is judged by limits that were not
        // measured on anyone that old (docs/clinical-model.md §1.4).
        if let age = ageYears, let oldest = study.technique.oldestAge, age > oldest,
            !assumptions.contains(where: {
                if case .outsideReferencePopulation = $0 { return true }
                return false
            })
        {
            assumptions.append(.olderThanReferencePopulation(ageYears: age, oldestAge: oldest))
        }
        return ReferenceLimit(
            study: study, measure: measure, bound: chosen.bound, value: chosen.value, unit: chosen.unit,
            band: chosen.bandDescription, technique: study.technique, citation: chosen.citation,
            assumptions: assumptions)
    }

    /// Every published entry, for the documentation and the audit command.
    public static func table() -> [ReferenceLimit] {
        PublishedNorms.entries.map { entry in
            ReferenceLimit(
                study: entry.study, measure: entry.measure, bound: entry.bound, value: entry.value, unit: entry.unit,
                band: entry.bandDescription, technique: entry.study.technique, citation: entry.citation,
                assumptions: [])
        }
    }

    private static func distance(_ value: Double?, _ range: Range<Double>?) -> Double {
        guard let value, let range else { return 0 }
        if value < range.lowerBound { return range.lowerBound - value }
        if value >= range.upperBound { return value - range.upperBound + 1 }
        return 0
    }

    /// The band whose limit classifies the fewest values as abnormal (`entries` is never empty).
    private static func mostLenient(_ entries: [NormEntry]) -> NormEntry {
        entries.dropFirst().reduce(entries[0]) { best, entry in
            let better = entry.bound == .lower ? entry.value < best.value : entry.value > best.value
            return better ? entry : best
        }
    }
}

extension LimitAssumption {
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: EncodingKey.self)
        switch self {
        case .covariatesMissing(let covariates, let band):
            try container.encode("covariates-missing", forKey: "assumption")
            try container.encode(covariates, forKey: "covariates")
            try container.encodeIfPresent(band, forKey: "mostLenientBand")
        case .outsideReferencePopulation(let age, let height, let band):
            try container.encode("outside-reference-population", forKey: "assumption")
            try container.encodeIfPresent(age, forKey: "ageYears")
            try container.encodeIfPresent(height, forKey: "heightCm")
            try container.encodeIfPresent(band, forKey: "nearestBand")
        case .olderThanReferencePopulation(let age, let oldest):
            try container.encode("older-than-reference-population", forKey: "assumption")
            try container.encode(age, forKey: "ageYears")
            try container.encode(oldest, forKey: "oldestAge")
        }
    }
}
