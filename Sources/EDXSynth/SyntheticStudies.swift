package import EDXModel

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The lesion a synthetic study is made with.
package enum SyntheticLesion: String, CaseIterable, Sendable {
    case normal
    case peronealFibularHead = "peroneal-neuropathy-fibular-head"
    case deepPeroneal = "deep-peroneal-neuropathy"
    case superficialPeroneal = "superficial-peroneal-neuropathy"
    case sciatic = "sciatic-neuropathy"
    case lumbosacralPlexus = "lumbosacral-plexopathy"
    case l4Root = "l4-radiculopathy"
    case l5Root = "l5-radiculopathy"
    case s1Root = "s1-radiculopathy"
    case tibial = "tibial-neuropathy"
    case femoral = "femoral-neuropathy"
    case polyneuropathy
}

/// A deterministic generator of realistic studies of every lesion class, with measurement noise:
/// the same seed gives the same studies, in any run and on any machine.
///
/// For load (benchmarks) and for properties of the code (round trips, hostile-free throughput). It
/// must never be used to measure accuracy: it is built from the same picture of each lesion as the
/// engine, so the engine would be grading its own model. The values are plausible adult ranges,
/// not reference data [P].
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
        return Builder(index: index, lesion: lesion, random: &random).study
    }
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

    /// A normal deviate (Box-Muller).
    mutating func gaussian() -> Double {
        let u = max(unit(), 1e-12)
        let v = unit()
        return (-2 * log(u)).squareRoot() * cos(2 * Double.pi * v)
    }
}

/// Builds one study.
private struct Builder {
    let lesion: SyntheticLesion
    let side: Side
    /// 0 (none) … 1 (complete) axon loss in the lesion's territory.
    let axonLoss: Double
    /// Conduction block across the fibular head, 0 … 0.8 (peroneal lesions only).
    let block: Double
    let chronic: Bool
    var study: Study

    init(index: Int, lesion: SyntheticLesion, random: inout SplitMix64) {
        self.lesion = lesion
        side = random.unit() < 0.5 ? .left : .right
        axonLoss = lesion == .normal ? 0 : [0.3, 0.6, 0.9][Int(random.next() % 3)]
        block = lesion == .peronealFibularHead && random.unit() < 0.6 ? random.uniform(0.5...0.8) : 0
        chronic = random.unit() < 0.4
        let number = String(index + 1)
        let padded = String(repeating: "0", count: max(0, 7 - number.count)) + number
        study = Study(id: "SYN-\(padded)", source: SourceLocation(file: "synthetic", line: index + 1))
        let day = index % 3650
        study.date = Self.date(daysAfter2015: day)
        study.patient.id = "SP-\(padded)"
        study.patient.ageYears = (random.uniform(25...80)).rounded()
        study.patient.sex = random.unit() < 0.5 ? .female : .male
        study.patient.heightCm = (random.uniform(150...195)).rounded()
        study.indication = lesion == .normal ? "Leg pain" : "\(side == .left ? "Left" : "Right") leg weakness"
        study.symptomDurationDays = chronic ? random.uniform(200...900).rounded() : random.uniform(21...90).rounded()
        for limb in Side.allCases {
            study.temperatures.append(
                LimbTemperature(
                    side: limb, site: "foot", celsius: Self.round(random.uniform(30.5...33.5), 1), source: study.source)
            )
        }
        addConduction(&random)
        addNeedle(&random)
    }

    // MARK: Territories (generator assumptions, [P])

    /// The fraction of axons lost in a nerve study on `limb`.
    func loss(_ what: String, on limb: Side) -> Double {
        if lesion == .polyneuropathy {
            return ["sural", "superficial-peroneal"].contains(what) ? axonLoss : axonLoss * 0.4
        }
        guard limb == side else { return 0 }
        let share: Double =
            switch (lesion, what) {
            case (.peronealFibularHead, "peroneal"), (.peronealFibularHead, "superficial-peroneal"): 1
            case (.deepPeroneal, "peroneal"): 1
            case (.superficialPeroneal, "superficial-peroneal"): 1
            case (.sciatic, "peroneal"), (.sciatic, "superficial-peroneal"): 1
            case (.sciatic, "tibial"), (.sciatic, "sural"): 0.6
            case (.lumbosacralPlexus, "peroneal"), (.lumbosacralPlexus, "superficial-peroneal"): 0.7
            case (.lumbosacralPlexus, "tibial"), (.lumbosacralPlexus, "sural"): 0.5
            case (.l5Root, "peroneal"): 0.4
            case (.s1Root, "tibial"): 0.4
            case (.tibial, "tibial"): 1
            default: 0
            }
        return axonLoss * share
    }

    /// Muscles with denervation and their share of the lesion.
    var territory: [(Muscle, Double)] {
        switch lesion {
        case .normal: []
        case .peronealFibularHead:
            [(.tibialisAnterior, 1), (.extensorHallucisLongus, 1), (.peroneusLongus, 1)]
        case .deepPeroneal: [(.tibialisAnterior, 1), (.extensorHallucisLongus, 1)]
        case .superficialPeroneal: [(.peroneusLongus, 0.6)]
        case .sciatic:
            [
                (.tibialisAnterior, 1), (.extensorHallucisLongus, 1), (.peroneusLongus, 1), (.tibialisPosterior, 0.7),
                (.gastrocnemiusMedial, 0.7), (.bicepsFemorisShortHead, 1),
            ]
        case .lumbosacralPlexus:
            [
                (.tibialisAnterior, 1), (.extensorHallucisLongus, 1), (.tibialisPosterior, 1), (.gluteusMedius, 1),
                (.gastrocnemiusMedial, 0.6),
            ]
        case .l5Root:
            [
                (.tibialisAnterior, 1), (.extensorHallucisLongus, 1), (.peroneusLongus, 0.8), (.tibialisPosterior, 1),
                (.gluteusMedius, 1), (.paraspinalL5, 1),
            ]
        case .s1Root: [(.gastrocnemiusMedial, 1), (.bicepsFemorisShortHead, 0.6), (.paraspinalS1, 1)]
        case .l4Root: [(.vastusLateralis, 1), (.tibialisAnterior, 0.5), (.paraspinalL4, 1)]
        case .tibial: [(.gastrocnemiusMedial, 1), (.tibialisPosterior, 1)]
        case .femoral: [(.vastusLateralis, 1)]
        case .polyneuropathy: [(.tibialisAnterior, 0.3), (.gastrocnemiusMedial, 0.3)]
        }
    }

    // MARK: Nerve conduction

    mutating func addConduction(_ random: inout SplitMix64) {
        let age = study.patient.ageYears ?? 50
        let ageFactor = age > 60 ? 0.8 : 1
        let slowing = lesion == .polyneuropathy ? 1 - 0.15 * axonLoss : 1
        for limb in Side.allCases {
            // Peroneal to EDB: ankle, below and above the fibular head.
            let peronealLoss = loss("peroneal", on: limb)
            let edb = 5.5 * ageFactor * (1 - peronealLoss)
            let acrossSlow =
                limb == side && lesion == .peronealFibularHead && block > 0 ? random.uniform(0.55...0.8) : 1
            let legVelocity = Self.noisy(48 * slowing, &random)
            let acrossVelocity = Self.noisy(52 * slowing, &random) * acrossSlow
            let ankleLatency = Self.noisy(4.6 / slowing, &random)
            let belowLatency = ankleLatency + 300 / legVelocity / 1
            let aboveLatency = belowLatency + 100 / acrossVelocity
            var peroneal = MotorStudy(
                nerve: .peroneal, nerveLabel: "Peroneal", side: limb, recording: .extensorDigitorumBrevis,
                recordingLabel: "EDB", source: study.source)
            let blocked = limb == side ? block : 0
            let amplitudes = [edb, edb * 0.95, edb * 0.93 * (1 - blocked)]
            let latencies = [ankleLatency, belowLatency, aboveLatency]
            for (position, site) in [StimulationSite.ankle, .belowFibularHead, .aboveFibularHead].enumerated() {
                var motorSite = MotorSite(site: site, siteLabel: Self.label(site), source: study.source)
                if amplitudes[position] < 0.05 {
                    motorSite.noResponse = true
                } else {
                    motorSite.latencyMs = Self.round(latencies[position], 1)
                    motorSite.amplitudeMV = Self.round(Self.noisy(amplitudes[position], &random), 1)
                    motorSite.durationMs = Self.round(Self.noisy(5.8, &random), 1)
                }
                if position == 0 && !motorSite.noResponse { motorSite.distanceCm = 8 }
                peroneal.sites.append(motorSite)
            }
            if !peroneal.sites[0].noResponse {
                peroneal.segments = [
                    Self.segment(.belowFibularHead, .ankle, distance: 30, velocity: legVelocity),
                    Self.segment(.aboveFibularHead, .belowFibularHead, distance: 10, velocity: acrossVelocity),
                ]
            }
            study.motor.append(peroneal)

            // Tibial to abductor hallucis: ankle and popliteal fossa.
            let tibialLoss = loss("tibial", on: limb)
            let ah = 10 * ageFactor * (1 - tibialLoss)
            let tibialVelocity = Self.noisy(46 * slowing, &random)
            var tibial = MotorStudy(
                nerve: .tibial, nerveLabel: "Tibial", side: limb, recording: .abductorHallucis, recordingLabel: "AH",
                source: study.source)
            let tibialAnkle = Self.noisy(4.4 / slowing, &random)
            for (position, site) in [StimulationSite.ankle, .poplitealFossa].enumerated() {
                var motorSite = MotorSite(site: site, siteLabel: Self.label(site), source: study.source)
                if ah < 0.05 {
                    motorSite.noResponse = true
                } else {
                    motorSite.latencyMs = Self.round(
                        position == 0 ? tibialAnkle : tibialAnkle + 400 / tibialVelocity, 1)
                    motorSite.amplitudeMV = Self.round(Self.noisy(position == 0 ? ah : ah * 0.85, &random), 1)
                    motorSite.durationMs = Self.round(Self.noisy(6.0, &random), 1)
                }
                if position == 0 && !motorSite.noResponse { motorSite.distanceCm = 8 }
                tibial.sites.append(motorSite)
            }
            if !tibial.sites[0].noResponse {
                tibial.segments = [Self.segment(.poplitealFossa, .ankle, distance: 40, velocity: tibialVelocity)]
            }
            study.motor.append(tibial)

            // Sural and superficial peroneal, antidromic, 14 cm.
            for (nerve, site, recording, normal) in [
                (Nerve.sural, StimulationSite.calf, RecordingSite.lateralMalleolus, 16.0),
                (.superficialPeroneal, .lateralLeg, .dorsumOfFoot, 11.0),
            ] {
                let fraction = loss(nerve.rawValue, on: limb)
                var sensory = SensoryStudy(
                    nerve: nerve, nerveLabel: Self.words(nerve.rawValue), side: limb, recording: recording,
                    recordingLabel: Self.words(recording.rawValue), method: .antidromic, source: study.source)
                var sensorySite = SensorySite(site: site, siteLabel: Self.label(site), source: study.source)
                let amplitude = normal * (age > 60 ? 0.75 : 1) * (1 - fraction)
                if amplitude < 1 {
                    sensorySite.noResponse = true
                } else {
                    let velocity = Self.noisy(48 * slowing, &random)
                    sensorySite.onsetLatencyMs = Self.round(140 / velocity, 1)
                    sensorySite.peakLatencyMs = Self.round(140 / velocity + 0.7, 1)
                    sensorySite.amplitudeUV = Self.round(Self.noisy(amplitude, &random), 0)
                    sensorySite.velocityMS = Self.round(velocity, 0)
                    sensorySite.distanceCm = 14
                }
                sensory.sites.append(sensorySite)
                study.sensory.append(sensory)
            }

            // Tibial F wave and H reflex, by height.
            let height = study.patient.heightCm ?? 170
            var wave = FWaveStudy(
                nerve: .tibial, nerveLabel: "Tibial", side: limb, recording: .abductorHallucis, recordingLabel: "AH",
                source: study.source)
            wave.minLatencyMs = Self.round(Self.noisy(height * 0.29 / slowing, &random), 1)
            wave.persistencePercent = Self.round(random.uniform(70...100), 0)
            study.fWaves.append(wave)
            var reflex = HReflexStudy(
                nerve: .tibial, nerveLabel: "Tibial", side: limb, recording: .soleus, recordingLabel: "Soleus",
                source: study.source)
            if lesion == .s1Root && limb == side && axonLoss > 0.5 {
                reflex.noResponse = true
            } else {
                let delay = lesion == .s1Root && limb == side ? 2.5 : 0
                reflex.latencyMs = Self.round(Self.noisy(height * 0.18 / slowing + delay, &random), 1)
                reflex.amplitudeMV = Self.round(Self.noisy(2.5, &random), 1)
            }
            study.hReflexes.append(reflex)
        }
    }

    // MARK: Needle EMG

    mutating func addNeedle(_ random: inout SplitMix64) {
        let sampled: [Muscle] = [
            .tibialisAnterior, .extensorHallucisLongus, .peroneusLongus, .tibialisPosterior, .gastrocnemiusMedial,
            .bicepsFemorisShortHead, .gluteusMedius, .vastusLateralis, .paraspinalL4, .paraspinalL5, .paraspinalS1,
        ]
        let involved = Dictionary(territory, uniquingKeysWith: max)
        for muscle in sampled {
            var exam = NeedleExam(
                muscle: muscle, muscleLabel: Self.words(muscle.rawValue), side: side, source: study.source)
            let share = (involved[muscle] ?? 0) * axonLoss
            exam.insertionalActivity = share > 0.2 && !chronic ? .increased : .normal
            let grade: SpontaneousGrade =
                share > 0.75 ? .three : share > 0.45 ? .two : share > 0.15 ? .one : .none
            // Chronic lesions: fewer fibrillations, large long motor units.
            let fibrillations = chronic && grade != .none ? (random.unit() < 0.5 ? .none : .one) : grade
            exam.fibrillations = fibrillations
            exam.positiveSharpWaves = fibrillations
            exam.fasciculations = SpontaneousGrade.none
            let reinnervated = chronic && share > 0.15
            exam.muapAmplitude = reinnervated ? .increased : .normal
            exam.muapDuration = reinnervated ? .increased : .normal
            exam.polyphasia = reinnervated ? .increased : .normal
            exam.recruitment = share > 0.75 ? .discrete : share > 0.15 ? .reduced : .normal
            study.needle.append(exam)
        }
    }

    // MARK: Helpers

    static func segment(_ from: StimulationSite, _ to: StimulationSite, distance: Double, velocity: Double) -> Segment {
        var segment = Segment(
            from: from, fromLabel: label(from), to: to, toLabel: label(to),
            source: SourceLocation(file: "synthetic", line: 0))
        segment.distanceCm = distance
        segment.velocityMS = round(velocity, 0)
        return segment
    }

    /// `value` with 5 % Gaussian measurement noise.
    static func noisy(_ value: Double, _ random: inout SplitMix64) -> Double {
        max(value * (1 + 0.05 * random.gaussian()), value * 0.5)
    }

    static func round(_ value: Double, _ digits: Int) -> Double {
        let scale = pow(10, Double(digits))
        return (value * scale).rounded() / scale
    }

    static func label(_ site: StimulationSite) -> String { words(site.rawValue) }

    static func words(_ raw: String) -> String {
        let text = raw.split(separator: "-").joined(separator: " ")
        return text.prefix(1).uppercased() + text.dropFirst()
    }

    /// `2015-01-01` plus `days`.
    static func date(daysAfter2015 days: Int) -> String {
        var remaining = days
        var year = 2015
        while true {
            let length = year % 4 == 0 ? 366 : 365
            if remaining < length { break }
            remaining -= length
            year += 1
        }
        let months = [31, year % 4 == 0 ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        var month = 0
        while remaining >= months[month] {
            remaining -= months[month]
            month += 1
        }
        let two = { (value: Int) in value < 10 ? "0\(value)" : "\(value)" }
        return "\(year)-\(two(month + 1))-\(two(remaining + 1))"
    }
}
