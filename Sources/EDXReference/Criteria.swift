/// A threshold used by a rule, with its source.
public struct Threshold: Codable, Sendable, Hashable {
    public var value: Double
    public var unit: String
    public var citation: Citation

    public init(_ value: Double, _ unit: String, _ citation: Citation) {
        self.value = value
        self.unit = unit
        self.citation = citation
    }
}

/// Every threshold the interpretation rules use, with its source (keys of docs/bibliography.md; the
/// facts are in docs/evidence.md, section numbers given). `docs/clinical-model.md` lists the same
/// values; a test keeps the two in step.
public enum Criteria {
    // MARK: Temperature (evidence §2)

    /// A foot below this is a cool limb, and the temperature its latencies and velocities are corrected
    /// to when the reference study states no minimum of its own. [U] lab convention adopted as an
    /// engine rule [P].
    public static let coolFoot = Threshold(
        30, "C",
        Citation(
            ["S31", "S37"], "conventional lab minimum >= 30 C at the foot; normal leg skin 33.4 (1.1) C",
            .convention))
    /// Latencies of a cool limb are corrected by this much per °C below the reference temperature.
    public static let latencyPerDegree = Threshold(
        0.2, "ms/C", Citation("S31", "distal motor latency +0.2 ms per C of cooling", .verified))
    /// Motor velocities of a cool limb are corrected by this much per °C (textbook 1.5-2.5 m/s per °C;
    /// measured individual factors 0.1-2.0, smaller in slowed nerves, so the low end is used).
    public static let motorVelocityPerDegree = Threshold(
        1.5, "m/s/C",
        Citation(
            ["S34", "S148"], "motor CV 0.1-2.0 m/s per C (Wu 1993); textbook 1.5-2.5; lower end used", .convention))
    /// Sensory velocities of a cool limb are corrected by this much per °C.
    public static let sensoryVelocityPerDegree = Threshold(
        1.3, "m/s/C", Citation("S33", "sensory CV Q10 1.36-1.44: about 1.3 m/s per C", .verified))

    // MARK: Conduction block and temporal dispersion (evidence §3.1, evidence §3.2)

    /// Amplitude drop from below to above the fibular head that is still normal (97th percentile).
    public static let fibularHeadDropNormal = Threshold(
        25, "%",
        Citation("S5", "Buschbacher 1999: below- to above-fibular-head amplitude drop <= 25 % (97th)", .verified))
    /// A drop of at least this much is definite conduction block.
    public static let definiteBlock = Threshold(
        50, "%",
        Citation(["S39", "S40"], "EFNS/PNS 2010: proximal amplitude (or area) >= 50 % lower than distal", .verified))
    /// Away from the fibular head, a drop of at least this much is probable block (tibial excluded).
    public static let probableBlock = Threshold(
        30, "%",
        Citation("S39", "EFNS/PNS 2010 criterion II: >= 30 % proximal amplitude drop, tibial excluded", .verified))
    /// A proximal duration increase above this turns a drop into temporal dispersion.
    public static let dispersionDurationIncrease = Threshold(
        30, "%", Citation("S39", "EFNS/PNS 2010: > 30 % duration increase proximal vs distal = dispersion", .verified))
    /// Block is only judged when the distal CMAP is at least this fraction of the lower limit.
    public static let blockMinimumDistalAmplitude = Threshold(
        20, "% of LLN", Citation("S39", "EFNS/PNS 2010: distal CMAP >= 20 % of LLN for conduction block", .verified))
    /// Tibial CMAPs from the knee are normally up to this much smaller than from the ankle.
    public static let tibialPhysiologicalDrop = Threshold(
        50, "%", Citation("S8", "tibial popliteal-fossa CMAP drops of up to 50 % occur in normal subjects", .verified))
    /// A proximal EDB CMAP this much larger than the ankle CMAP suggests an accessory deep peroneal nerve.
    public static let accessoryPeronealExcess = Threshold(
        10, "%",
        Citation(
            ["S8", "S43"], "proximal EDB CMAP larger than the ankle CMAP (10 % margin for noise is ours)",
            .proposal))

    /// An accessory deep peroneal nerve is present in about this fraction of people.
    public static let accessoryPeronealPrevalence = Threshold(
        25, "%", Citation(["S43", "S8"], "accessory deep peroneal nerve in about 25 % of people", .verified))
    /// Tibial knee-to-ankle drops up to this size are listed as the physiological drop (smaller ones are
    /// not mentioned). [P]
    public static let tibialDropReportingFloor = Threshold(
        20, "%", Citation("S8", "engine choice: smaller tibial proximal drops are not worth a line", .proposal))

    // MARK: Focal slowing across the fibular head (evidence §3.2)

    /// Across-fibular-head velocity slower than the leg segment by more than this is focal slowing.
    public static let fibularHeadSlowing = Threshold(
        10, "m/s",
        Citation(
            "S5", "Buschbacher 1999: across-FH CV slower than the leg CV by > 10 m/s (mean - 2 SD)",
            .verified))

    // MARK: Demyelinating range (evidence §3.4)

    /// Motor velocity below this % of the LLN is in the demyelinating range.
    public static let demyelinatingVelocity = Threshold(
        70, "% of LLN", Citation("S39", "EFNS/PNS 2010: motor CV >= 30 % below LLN", .verified))
    /// With a CMAP of at least 80 % of its LLN, velocity below this % of the LLN is demyelinating.
    public static let demyelinatingVelocityPreservedCMAP = Threshold(
        80, "% of LLN", Citation("S38", "AAN 1991: CV < 80 % LLN when CMAP > 80 % LLN", .verified))
    /// The CMAP (% of its LLN) at or above which ``demyelinatingVelocityPreservedCMAP`` applies.
    public static let preservedCMAP = Threshold(
        80, "% of LLN",
        Citation("S38", "AAN 1991: the stricter velocity criterion applies when CMAP > 80 % LLN", .verified))
    /// Distal latency above this % of the ULN is in the demyelinating range.
    public static let demyelinatingLatency = Threshold(
        150, "% of ULN", Citation("S39", "EFNS/PNS 2010: distal motor latency >= 50 % above ULN", .verified))
    /// Minimal F latency above this % of the ULN is in the demyelinating range.
    public static let demyelinatingFLatency = Threshold(
        130, "% of ULN", Citation("S39", "EFNS/PNS 2010: F latency >= 30 % above ULN", .verified))
    /// Distal CMAP duration at or above this is prolonged (peroneal).
    public static let prolongedDurationPeroneal = Threshold(
        7.6, "ms", Citation("S39", "EFNS/PNS 2010: distal CMAP duration >= 7.6 ms (peroneal)", .verified))
    /// Distal CMAP duration at or above this is prolonged (tibial).
    public static let prolongedDurationTibial = Threshold(
        8.8, "ms", Citation("S39", "EFNS/PNS 2010: distal CMAP duration >= 8.8 ms (tibial)", .verified))

    // MARK: Axon loss and severity (evidence §3.3, evidence §7)

    /// Days after onset before a low distal CMAP measures axon loss (Wallerian degeneration).
    public static let wallerianMotorDays = Threshold(
        7, "days",
        Citation(
            ["S47", "S48"], "distal CMAP falls over days 3-9; axon loss judged >= 7 days after onset",
            .verified))
    /// Days after onset before a low SNAP measures axon loss (sensory potentials last a few days longer).
    public static let wallerianSensoryDays = Threshold(
        10, "days",
        Citation(
            ["S47", "S48"], "NCS hard to interpret in the first ~10 days; SNAPs persist 2-3 days longer",
            .verified))
    /// Amplitude at or above this % of the contralateral (or LLN) is mild axon loss at most.
    public static let severityMild = Threshold(
        50, "%",
        Citation("S47", "engine scheme: CMAP >= 50 % of contralateral = mild (no published standard)", .proposal))
    /// Amplitude below this % of the contralateral (or LLN) is severe axon loss.
    public static let severitySevere = Threshold(
        10, "%", Citation("S47", "engine scheme: CMAP < 10 % of contralateral or absent = severe", .proposal))
    /// A femoral CMAP at least this % of the other side's (an axon-loss estimate of at most 50 %)
    /// predicted recovery within a year.
    public static let femoralFavourableCMAP = Threshold(
        50, "%",
        Citation(
            "S153", "32 unilateral femoral neuropathies: axon-loss estimate <= 50 % all improved within 1 y", .verified)
    )
    /// A leg needled in at least this many muscles, a paraspinal among them, has had a radiculopathy
    /// screen: six muscles found 94-98 % of radiculopathies.
    public static let radiculopathyScreenMuscles = Threshold(
        6, "muscles", Citation(["S73", "S74"], "six-muscle screen with a paraspinal: 94-98 % sensitive", .verified))

    // MARK: Needle EMG timeline (evidence §4.1, evidence §4.2)

    /// Days after onset before fibrillations appear in the paraspinals.
    public static let fibrillationOnsetParaspinal = Threshold(
        7, "days", Citation("S62", "fibrillations in paraspinals at about 1 week", .verified))
    /// Days after onset before fibrillations appear in proximal limb muscles.
    public static let fibrillationOnsetProximal = Threshold(
        14, "days", Citation(["S62", "S63"], "fibrillations about 14 days after injury (1-4 weeks)", .verified))
    /// Days after onset before fibrillations appear in distal leg and foot muscles.
    public static let fibrillationOnsetDistal = Threshold(
        21, "days", Citation(["S62", "S64"], "fibrillations in distal limb muscles at 3-6 weeks", .verified))
    /// Fraction of asymptomatic adults with lumbar paraspinal spontaneous activity.
    public static let paraspinalFibsInHealthy = Threshold(
        14.5, "%",
        Citation("S59", "abnormal paraspinal spontaneous activity in 14.5 % of asymptomatic adults", .verified))
    /// Superficial peroneal responses are absent or abnormal in this fraction of healthy people over 60.
    public static let superficialPeronealAbsentOver60 = Threshold(
        27.3, "%",
        Citation(
            "S16", "SP SNAP abnormal or absent in 27.3 % of healthy people > 60 y (1.6 % <= 60 y)",
            .verified))
    /// Age above which an absent superficial peroneal or sural response is weak evidence.
    public static let sensoryAgeCaveat = Threshold(
        60, "y",
        Citation(["S16", "S18"], "SP and sural responses can be absent in asymptomatic people over 60", .verified))
    /// Saphenous responses are unobtainable bilaterally in this fraction of normal subjects.
    public static let saphenousAbsentInNormals = Threshold(
        25, "%", Citation("S6", "Buschbacher 2003: saphenous unobtainable bilaterally in 25 % of normals", .transcribed)
    )

    /// Every threshold with its name, for the documentation test and `edx rules`.
    public static let all: [(name: String, threshold: Threshold)] = [
        ("coolFoot", coolFoot), ("latencyPerDegree", latencyPerDegree),
        ("motorVelocityPerDegree", motorVelocityPerDegree), ("sensoryVelocityPerDegree", sensoryVelocityPerDegree),
        ("fibularHeadDropNormal", fibularHeadDropNormal), ("definiteBlock", definiteBlock),
        ("probableBlock", probableBlock), ("dispersionDurationIncrease", dispersionDurationIncrease),
        ("blockMinimumDistalAmplitude", blockMinimumDistalAmplitude),
        ("tibialPhysiologicalDrop", tibialPhysiologicalDrop),
        ("accessoryPeronealExcess", accessoryPeronealExcess),
        ("accessoryPeronealPrevalence", accessoryPeronealPrevalence),
        ("tibialDropReportingFloor", tibialDropReportingFloor), ("fibularHeadSlowing", fibularHeadSlowing),
        ("demyelinatingVelocity", demyelinatingVelocity),
        ("demyelinatingVelocityPreservedCMAP", demyelinatingVelocityPreservedCMAP), ("preservedCMAP", preservedCMAP),
        ("demyelinatingLatency", demyelinatingLatency), ("demyelinatingFLatency", demyelinatingFLatency),
        ("prolongedDurationPeroneal", prolongedDurationPeroneal), ("prolongedDurationTibial", prolongedDurationTibial),
        ("wallerianMotorDays", wallerianMotorDays), ("wallerianSensoryDays", wallerianSensoryDays),
        ("severityMild", severityMild), ("severitySevere", severitySevere),
        ("femoralFavourableCMAP", femoralFavourableCMAP), ("radiculopathyScreenMuscles", radiculopathyScreenMuscles),
        ("fibrillationOnsetParaspinal", fibrillationOnsetParaspinal),
        ("fibrillationOnsetProximal", fibrillationOnsetProximal), ("fibrillationOnsetDistal", fibrillationOnsetDistal),
        ("paraspinalFibsInHealthy", paraspinalFibsInHealthy),
        ("superficialPeronealAbsentOver60", superficialPeronealAbsentOver60), ("sensoryAgeCaveat", sensoryAgeCaveat),
        ("saphenousAbsentInNormals", saphenousAbsentInNormals),
    ]
}
