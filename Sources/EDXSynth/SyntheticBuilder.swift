import EDXAnatomy
import EDXModel
import EDXReference

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Builds one study: the draws that define it in `init`, the measurements in ``build()``.
struct Builder {
    let lesion: SyntheticLesion
    /// The side of a focal lesion; for the other classes, the side of the needle examination, the
    /// arm studies and the examined leg of a one-sided study.
    let side: Side
    /// 0 (none) … 1 (complete) axon loss in the lesion's territory; the intensity of a diffuse process.
    let axonLoss: Double
    /// Conduction block across the fibular head, 0 … 0.8 (peroneal lesions at the fibular head only).
    let block: Double
    let chronic: Bool
    /// An inflammatory myopathy: fibrillations in the myopathic muscles.
    let inflammatory: Bool
    let shapes: [SyntheticShape]
    let mechanism: Mechanism
    let territory: Territory
    /// The legs examined, left first.
    let legs: [Side]
    var random: SplitMix64
    var norms: Norms
    var footCelsius: [Side: Double] = [:]
    var tibialAbsent: [Side: Bool] = [:]
    var study: Study

    init(index: Int, lesion: SyntheticLesion, random start: SplitMix64) {
        var random = start
        self.lesion = lesion
        side = random.unit() < 0.5 ? .left : .right
        // A lesion that reaches no muscle shows only in its SNAP, which a loss of less than about
        // two thirds leaves within its limits: those lesions lose more [P].
        let sensoryOnly =
            lesion.isFocal
            && !Anatomy.specificMuscles.contains {
                Territory(mechanism: Mechanism(lesion, plexusPart: .sacralPlexus)).muscle($0) > 0
            }
        axonLoss = lesion == .normal ? 0 : random.pick(sensoryOnly ? [0.7, 0.85, 1] : [0.3, 0.6, 0.9])
        block = lesion == .peronealFibularHead && random.unit() < 0.6 ? random.uniform(0.5...0.8) : 0
        let chronicDraw = random.unit()
        // Motor neuron disease shows chronic and active change together (S143).
        chronic = lesion == .motorNeuronDisease || chronicDraw < 0.4
        var shapes: [SyntheticShape] = []
        for shape in SyntheticShape.allCases {
            let draw = random.unit()
            if draw < shape.probability || (shape == .arms && lesion == .motorNeuronDisease) { shapes.append(shape) }
        }
        self.shapes = shapes
        let plexusPart = random.pick([NerveNode.lumbarPlexus, .lumbosacralTrunk, .sacralPlexus])
        inflammatory = lesion == .myopathy && random.unit() < 0.3
        mechanism = Mechanism(lesion, plexusPart: plexusPart)
        territory = Territory(mechanism: mechanism)
        legs = shapes.contains(.oneSided) ? [side] : Side.allCases

        let number = String(index + 1)
        let padded = String(repeating: "0", count: max(0, 7 - number.count)) + number
        study = Study(id: "SYN-\(padded)", source: SourceLocation(file: "synthetic", line: index + 1))
        study.date = Self.date(daysAfter2015: index % 3650)
        study.patient.id = "SP-\(padded)"
        let age = random.uniform(25...80).rounded()
        study.patient.ageYears = age
        study.patient.sex = random.unit() < 0.5 ? .female : .male
        let height = random.uniform(150...195).rounded()
        study.patient.heightCm = height
        norms = Norms(ageYears: age, heightCm: height)
        study.indication =
            SyntheticLabel(lesion: lesion, side: lesion.isFocal ? side : nil, shapes: shapes).indication
        study.symptomDurationDays = (chronic ? random.uniform(200...900) : random.uniform(21...90)).rounded()
        let cool = shapes.contains(.cool)
        for limb in legs {
            let celsius = Self.round(cool ? random.uniform(26...29) : random.uniform(30.5...33.5), 1)
            footCelsius[limb] = celsius
            study.temperatures.append(
                LimbTemperature(side: limb, site: "foot", celsius: celsius, source: study.source))
        }
        if shapes.contains(.arms) {
            study.temperatures.append(
                LimbTemperature(
                    side: side, site: "hand", celsius: Self.round(random.uniform(32...34), 1), source: study.source))
        }
        self.random = random
    }

    func has(_ shape: SyntheticShape) -> Bool { shapes.contains(shape) }

    mutating func build() {
        let height = study.patient.heightCm ?? 170
        for limb in legs {
            for item in legConduction(height: height) {
                switch item {
                case .motor(let plan): addMotor(plan, on: limb)
                case .sensory(let plan): addSensory(plan, on: limb)
                }
            }
            if !has(.sparse) {
                addFWave(on: limb)
                addHReflex(on: limb)
            }
        }
        if has(.arms) {
            let motor =
                has(.sparse) ? [MotorPlan.median(height: height)] : [.median(height: height), .ulnar(height: height)]
            let sensory: [SensoryPlan] = has(.sparse) ? [.median] : [.median, .ulnar, .radial]
            for plan in motor { addMotor(plan, on: side) }
            for plan in sensory { addSensory(plan, on: side) }
        }
        addNeedle()
    }

    // MARK: Which conduction studies

    enum Conduction {
        case motor(MotorPlan)
        case sensory(SensoryPlan)
    }

    /// The leg studies of each examined leg: those the lesion reaches first, then the studies that
    /// mark its borders (under the same parent node, or the sensory nerves of a root lesion's root),
    /// then the standard ones (peroneal and tibial motor, sural and superficial peroneal). A sparse
    /// study keeps the first two.
    func legConduction(height: Double) -> [Conduction] {
        let standard: [Conduction] = [
            .motor(.peronealEDB(height: height)), .motor(.tibialAH(height: height)), .sensory(.sural),
            .sensory(.superficialPeroneal),
        ]
        let optional: [Conduction] = [
            .motor(.femoral), .motor(.lateralPlantarMotor), .sensory(.saphenous), .sensory(.lateralFemoralCutaneous),
            .sensory(.medialPlantar), .sensory(.lateralPlantar),
        ]
        let reached = (standard + optional).filter { share($0) > 0 }
        let borders = optional.filter { item in share(item) == 0 && isBorder(item) }
        let rest = standard.filter { share($0) == 0 }
        let all = reached + borders + rest
        return has(.sparse) ? Array(all.prefix(2)) : all
    }

    /// The share of a focal lesion in a study's response.
    func share(_ item: Conduction) -> Double {
        switch item {
        case .motor(let plan): territory.cmap(plan.muscle)
        case .sensory(let plan): territory.sensory(plan.nerve)
        }
    }

    /// Whether a study marks the border of the lesion, or is the study a diffuse process calls for.
    func isBorder(_ item: Conduction) -> Bool {
        switch (mechanism, item) {
        case (.roots, .motor(let plan)): return plan.muscle.map { territory.muscle($0) >= 1 } ?? false
        case (.roots, .sensory(let plan)): return territory.rootSpares(plan.nerve)
        case (.nerve(let node, _, _), _):
            guard let parent = node.parent else { return true }
            let attachment: Attachment? =
                switch item {
                case .motor(let plan): plan.muscle.flatMap { Anatomy.muscles[$0] }
                case .sensory(let plan): Anatomy.sensoryNerves[plan.nerve]
                }
            return attachment?.node?.isWithin(parent) ?? false
        case (.lengthDependent, .sensory(let plan)): return plan.nerve == .medialPlantar
        case (.myopathy, .motor(let plan)), (.neuromuscularJunction, .motor(let plan)): return plan.nerve == .femoral
        default: return false
        }
    }

    // MARK: What the lesion does to a response

    struct Effect {
        /// Fraction of axons lost.
        var loss = 0.0
        /// A CMAP below its LLN whatever the patient's normal (junction, motor axonal neuropathy).
        var lowCMAP = false
        /// Latencies, velocities and F waves in the demyelinating range.
        var demyelinating = false
        /// 0 … 1: the mild slowing of an axonal polyneuropathy.
        var slowing = 0.0
    }

    /// The weight of a segment in a length-dependent process [P]: distal first.
    static func lengthWeight(_ segment: MuscleSegment?) -> Double {
        switch segment {
        case .foot?: 1
        case .leg?: 0.6
        case .thigh?: 0.15
        case .hand?: 0.35
        case .arm?: 0.1
        default: 0
        }
    }

    /// The weight of a sensory nerve in a length-dependent process [P]: the longest fall first.
    static func lengthWeight(_ nerve: Nerve) -> Double {
        switch nerve {
        case .sural, .superficialPeroneal, .medialPlantar, .lateralPlantar, .deepPeroneal: 1
        case .saphenous: 0.7
        case .lateralFemoralCutaneous: 0.2
        case .median, .ulnar, .radial: 0.35
        default: 0
        }
    }

    func motorEffect(_ plan: MotorPlan, on limb: Side) -> Effect {
        var effect = Effect()
        let segment = plan.muscle.map(Anatomy.segment(of:))
        switch mechanism {
        case .none, .myopathy: break
        case .roots, .nerve:
            if limb == side && !plan.isArm { effect.loss = territory.cmap(plan.muscle) * axonLoss }
        case .lengthDependent:
            effect.loss = 0.7 * Self.lengthWeight(segment) * axonLoss
            effect.slowing = axonLoss
        case .demyelinating:
            effect.demyelinating = true
            effect.loss = 0.2 * axonLoss
        case .motorAxonal, .neuromuscularJunction:
            effect.lowCMAP = true
        case .motorNeuronDisease:
            effect.loss = (segment == .foot || segment == .hand ? 0.5 : 0.25) * axonLoss
        }
        return effect
    }

    func sensoryEffect(_ plan: SensoryPlan, on limb: Side) -> Effect {
        var effect = Effect()
        switch mechanism {
        case .nerve:
            if limb == side && !plan.isArm { effect.loss = territory.sensory(plan.nerve) * axonLoss }
        case .lengthDependent:
            effect.loss = (0.65 + 0.35 * axonLoss) * Self.lengthWeight(plan.nerve)
            effect.slowing = axonLoss
        case .demyelinating:
            effect.loss = 0.2 * axonLoss
            effect.slowing = 0.5
        default: break
        }
        return effect
    }

    /// Degrees of cooling below the temperature the engine corrects to: the reference study's own
    /// minimum, else the cool-limb threshold (as `Classification.swift` does). Arms stay warm.
    func coolDegrees(_ reference: ReferenceStudy, on limb: Side, arm: Bool) -> Double {
        guard !arm, let celsius = footCelsius[limb], celsius < Criteria.coolFoot.value else { return 0 }
        return max(0, (reference.technique.minimumTemperatureC ?? Criteria.coolFoot.value) - celsius)
    }

    // MARK: Nerve conduction

    mutating func addMotor(_ plan: MotorPlan, on limb: Side) {
        let effect = motorEffect(plan, on: limb)
        let reference = plan.reference
        let cooling = coolDegrees(reference, on: limb, arm: plan.isArm)
        let baseLatency = norms.normal(reference, .distalLatency, typical: 4...5, &random)
        // Femoral: no amplitude limit is published; about 8 mV is typical at vastus medialis [P].
        let baseAmplitude = norms.normal(reference, .amplitude, typical: 6...10, &random)
        let baseDuration = norms.normal(reference, .duration, typical: 5.5...6.5, &random)
        let latencyLimit = norms.limit(reference, .distalLatency)
        var latency: Double
        if effect.demyelinating, let limit = latencyLimit {
            latency = limit * Criteria.demyelinatingLatency.value / 100 * random.uniform(1.02...1.2)
        } else {
            latency = noisy(baseLatency * (1 + 0.1 * effect.slowing))
        }
        latency += Criteria.latencyPerDegree.value * cooling
        let distal: Double
        if effect.lowCMAP {
            distal = (norms.limit(reference, .amplitude) ?? baseAmplitude * 0.5) * random.uniform(0.3...0.8)
        } else {
            distal = baseAmplitude * (1 - effect.loss)
        }
        var duration = baseDuration
        if effect.demyelinating {
            duration = (norms.limit(reference, .duration) ?? baseDuration * 1.3) * random.uniform(1.05...1.3)
        }
        var velocities: [Double] = []
        for measure in plan.segmentMeasures {
            let base = norms.normal(reference, measure, typical: 48...55, &random)
            var velocity: Double
            if effect.demyelinating, let limit = norms.limit(reference, measure) {
                velocity = limit * Criteria.demyelinatingVelocity.value / 100 * random.uniform(0.75...0.95)
            } else {
                velocity = noisy(base * (1 - 0.1 * effect.slowing))
            }
            if reference == .peronealEDB && measure == .acrossFibularHeadVelocity && limb == side && block > 0 {
                velocity *= random.uniform(0.55...0.8)
            }
            velocities.append(velocity - Criteria.motorVelocityPerDegree.value * cooling)
        }
        let blocked = reference == .peronealEDB && limb == side ? block : 0

        var motor = MotorStudy(
            nerve: plan.nerve, nerveLabel: Self.words(plan.nerve.rawValue), side: limb, recording: plan.recording,
            recordingLabel: Self.words(plan.recording.rawValue), source: study.source)
        var siteLatency = latency
        for (position, site) in plan.sites.enumerated() {
            if position > 0 { siteLatency += plan.distances[position] * 10 / velocities[position - 1] }
            var amplitude = distal * plan.siteAmplitudes[position]
            if site == .aboveFibularHead { amplitude *= 1 - blocked }
            var motorSite = MotorSite(site: site, siteLabel: Self.words(site.rawValue), source: study.source)
            if amplitude < 0.1 {
                motorSite.noResponse = true
            } else {
                motorSite.latencyMs = Self.round(siteLatency, 1)
                motorSite.amplitudeMV = Self.round(noisy(amplitude), 1)
                motorSite.durationMs = Self.round(noisy(duration * (1 + 0.05 * Double(position))), 1)
            }
            if position == 0 && !motorSite.noResponse { motorSite.distanceCm = plan.distances[0] }
            motor.sites.append(motorSite)
        }
        for position in plan.sites.indices.dropFirst()
        where !motor.sites[position].noResponse && !motor.sites[position - 1].noResponse {
            motor.segments.append(
                Self.segment(
                    plan.sites[position], plan.sites[position - 1], distance: plan.distances[position],
                    velocity: velocities[position - 1]))
        }
        if reference == .tibialAH { tibialAbsent[limb] = motor.sites[0].noResponse }
        study.motor.append(motor)
    }

    mutating func addSensory(_ plan: SensoryPlan, on limb: Side) {
        let effect = sensoryEffect(plan, on: limb)
        let reference = plan.reference
        let cooling = coolDegrees(reference, on: limb, arm: plan.isArm)
        // The lateral plantar potential has no published amplitude limit: the medial plantar one of the
        // same age is used [P]. The lateral femoral cutaneous has none either: about 10 µV is typical [P].
        let amplitudeLimit = reference == .lateralPlantarMixed ? norms.limit(.medialPlantarMixed, .amplitude) : nil
        let normal = norms.normal(
            reference, .amplitude, sensory: true, limit: amplitudeLimit, typical: 8...12, &random)
        let amplitude = normal * (1 - effect.loss)
        var sensory = SensoryStudy(
            nerve: plan.nerve, nerveLabel: Self.words(plan.nerve.rawValue), side: limb, recording: plan.recording,
            recordingLabel: Self.words(plan.recording.rawValue), method: .antidromic, source: study.source)
        var site = SensorySite(site: plan.site, siteLabel: Self.words(plan.site.rawValue), source: study.source)
        let onsetLimit = norms.limit(reference, .onsetLatency)
        let peakLimit = norms.limit(reference, .peakLatency)
        // Where only an onset limit is published, the velocity limit is the onset limit read at the
        // distance, as the norms derive the sural and saphenous velocity limits.
        let velocityLimit = norms.limit(reference, .sensoryVelocity) ?? onsetLimit.map { plan.distance * 10 / $0 }
        if amplitude < 1 {
            site.noResponse = true
        } else if let velocityLimit {
            let base = norms.normal(reference, .sensoryVelocity, limit: velocityLimit, typical: 45...55, &random)
            let velocity = noisy(base * (1 - 0.1 * effect.slowing))
            let onset = plan.distance * 10 / velocity
            let gap = onsetLimit.flatMap { onset in peakLimit.map { $0 - onset } } ?? 0.7
            site.onsetLatencyMs = Self.round(onset + Criteria.latencyPerDegree.value * cooling, 1)
            site.peakLatencyMs = Self.round(onset + gap + Criteria.latencyPerDegree.value * cooling, 1)
            site.velocityMS = Self.round(velocity - Criteria.sensoryVelocityPerDegree.value * cooling, 0)
        } else {
            let peak = noisy(
                norms.normal(reference, .peakLatency, typical: 3...3.4, &random) * (1 + 0.1 * effect.slowing))
            site.peakLatencyMs = Self.round(peak + Criteria.latencyPerDegree.value * cooling, 1)
        }
        if !site.noResponse {
            let value = noisy(amplitude)
            site.amplitudeUV = Self.round(value, value >= 10 ? 0 : 1)
            site.distanceCm = plan.distance
        }
        sensory.sites.append(site)
        study.sensory.append(sensory)
    }

    /// Tibial F waves at abductor hallucis: no correction for temperature is published, so a cool limb
    /// leaves them as they are.
    mutating func addFWave(on limb: Side) {
        var wave = FWaveStudy(
            nerve: .tibial, nerveLabel: "Tibial", side: limb, recording: .abductorHallucis, recordingLabel: "AH",
            source: study.source)
        let effect = motorEffect(.tibialAH(height: study.patient.heightCm ?? 170), on: limb)
        let normal = norms.normal(.tibialFWave, .fMinimumLatency, typical: 48...52, &random)
        if tibialAbsent[limb] ?? false {
            wave.noResponse = true
        } else {
            let latency: Double
            if effect.demyelinating, let limit = norms.limit(.tibialFWave, .fMinimumLatency) {
                latency = limit * Criteria.demyelinatingFLatency.value / 100 * random.uniform(1.02...1.15)
            } else {
                latency = noisy(normal * (1 + 0.05 * effect.slowing), percent: Self.lateResponseNoise)
            }
            wave.minLatencyMs = Self.round(latency, 1)
            wave.persistencePercent = Self.round(
                effect.demyelinating ? random.uniform(30...70) : random.uniform(70...100), 0)
        }
        study.fWaves.append(wave)
    }

    /// The soleus H reflex: delayed or lost with the share of the lesion in soleus (an S1 root, the
    /// tibial nerve, the sacral plexus), lost in a severe polyneuropathy, small in a junction disorder.
    mutating func addHReflex(on limb: Side) {
        var reflex = HReflexStudy(
            nerve: .tibial, nerveLabel: "Tibial", side: limb, recording: .soleus, recordingLabel: "Soleus",
            source: study.source)
        let normal = norms.normal(.hReflex, .hLatency, typical: 29...31, &random)
        let share = limb == side && mechanism.isFocal ? territory.muscle(.soleus) : 0
        let demyelinating: Bool
        if case .demyelinating = mechanism { demyelinating = true } else { demyelinating = false }
        let lengthDependent: Bool
        if case .lengthDependent = mechanism { lengthDependent = true } else { lengthDependent = false }
        if share * axonLoss > 0.5 || (lengthDependent && axonLoss > 0.8) {
            reflex.noResponse = true
        } else {
            let factor = demyelinating ? 1.3 : lengthDependent ? 1 + 0.05 * axonLoss : 1
            reflex.latencyMs = Self.round(noisy(normal * factor + 2.5 * share, percent: Self.lateResponseNoise), 1)
            var amplitude = random.uniform(1.5...3.5)
            if case .neuromuscularJunction = mechanism { amplitude *= 0.4 }
            reflex.amplitudeMV = Self.round(noisy(amplitude), 1)
        }
        study.hReflexes.append(reflex)
    }

    // MARK: Helpers

    /// `value` with Gaussian measurement noise: 5 %, or `percent`.
    mutating func noisy(_ value: Double, percent: Double = 5) -> Double {
        max(value * (1 + percent / 100 * random.gaussian()), value * 0.5)
    }

    /// The noise of a late response between the sides [P]: 5 % of a 30-50 ms latency would put normal
    /// legs past the 2 ms side-to-side limit of the H reflex in a third of studies.
    static let lateResponseNoise = 1.5

    static func segment(_ from: StimulationSite, _ to: StimulationSite, distance: Double, velocity: Double) -> Segment {
        var segment = Segment(
            from: from, fromLabel: words(from.rawValue), to: to, toLabel: words(to.rawValue),
            source: SourceLocation(file: "synthetic", line: 0))
        segment.distanceCm = distance
        segment.velocityMS = round(velocity, 0)
        return segment
    }

    static func round(_ value: Double, _ digits: Int) -> Double {
        let scale = pow(10, Double(digits))
        return (value * scale).rounded() / scale
    }

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
