import EDXFindings
import EDXModel
import EDXReference
import EDXTestSupport
import Testing

/// Each rule just inside and just outside its threshold, on studies built in code.
@Suite("Interpretation rules at their thresholds")
struct RuleThresholdTests {
    func interpret(_ builder: StudyBuilder, _ preference: LimitPreference = .lab) -> StudyFindings {
        Interpreter(preference: preference).interpret(builder.study)
    }

    func measurement(_ findings: StudyFindings, _ id: String) -> MeasurementFinding? {
        findings.measurements.first { $0.id.rawValue == id }
    }

    func kinds(_ findings: StudyFindings) -> Set<NerveFinding.Kind> { Set(findings.nerves.map(\.kind)) }

    @Test("Amplitude and latency: at the limit is normal, beyond it abnormal, with % of the limit")
    func amplitudeAndLatency() throws {
        for (amplitude, latency, expected) in [(1.1, 6.5, Classification.normal), (1.09, 6.51, .low)] {
            var builder = StudyBuilder(age: 50)
            builder.motor(.peroneal, .extensorDigitorumBrevis, .left, [(.ankle, latency, amplitude, 5)])
            let findings = interpret(builder)
            let amp = try #require(measurement(findings, "peroneal-motor-edb.L.ankle.amplitude"))
            #expect(amp.classification == expected)
            #expect(amp.limit?.value == 1.1)
            #expect(amp.limit?.origin == .published)
            let lat = try #require(measurement(findings, "peroneal-motor-edb.L.ankle.distal-latency"))
            #expect(lat.classification == (expected == .normal ? .normal : .high))
        }
        var builder = StudyBuilder(age: 50)
        builder.motor(.peroneal, .extensorDigitorumBrevis, .left, [(.ankle, 5, 0.55, 5)])
        let amp = try #require(measurement(interpret(builder), "peroneal-motor-edb.L.ankle.amplitude"))
        #expect(amp.percentOfLimit.map { Int($0.rounded()) } == 50)
        #expect(amp.classification == .low && amp.limit?.bound == .lower)
    }

    @Test("Lab limits win by default and the published one is shown beside; --limits published reverses it")
    func labLimits() throws {
        var builder = StudyBuilder(age: 50)
        builder.motor(
            .peroneal, .extensorDigitorumBrevis, .left, [(.ankle, 5, 1.8, 5)],
            lab: ["amplitude": LabLimit(lower: 2.0, upper: nil, text: ">2.0")])
        let lab = try #require(measurement(interpret(builder), "peroneal-motor-edb.L.ankle.amplitude"))
        #expect(lab.classification == .low)
        #expect(lab.limit?.origin == .lab)
        #expect(lab.alternativeLimit?.value == 1.1)
        let published = try #require(
            measurement(interpret(builder, .published), "peroneal-motor-edb.L.ankle.amplitude"))
        #expect(published.classification == .normal)
        #expect(published.limit?.origin == .published)
        #expect(published.alternativeLimit?.value == 2.0)
    }

    @Test("A study without reference values is reported, not classified")
    func unclassified() throws {
        var builder = StudyBuilder()
        builder.motor(.peroneal, .peroneusLongus, .left, [(.belowFibularHead, 2.6, 6.0, nil)])
        let finding = try #require(
            measurement(interpret(builder), "peroneal-motor-peroneus-longus.L.below-fibular-head.amplitude"))
        #expect(finding.classification == .unclassified)
        #expect(finding.limit == nil)
    }

    @Test("Block across the fibular head: 25 % drop normal, 26 % probable, 50 % definite, +31 % duration is dispersion")
    func fibularHeadBlock() {
        func run(_ above: Double, duration: Double = 6.0) -> [NerveFinding] {
            var builder = StudyBuilder()
            builder.motor(
                .peroneal, .extensorDigitorumBrevis, .left,
                [(.ankle, 5, 4.0, 6.0), (.belowFibularHead, 11, 4.0, 6.0), (.aboveFibularHead, 13, above, duration)])
            return interpret(builder).nerves
        }
        #expect(run(3.0).isEmpty)
        #expect(run(2.96).map(\.kind) == [.conductionBlock])
        #expect(run(2.96).first?.grade?.description == "probable")
        #expect(run(2.0).first?.grade?.description == "definite")
        #expect(run(2.0, duration: 7.86).map(\.kind) == [.temporalDispersion])
        #expect(run(2.0, duration: 7.8).map(\.kind) == [.conductionBlock])
    }

    @Test("Block elsewhere on the peroneal nerve needs a 30 % drop")
    func legSegmentBlock() {
        func run(_ below: Double) -> [NerveFinding.Kind] {
            var builder = StudyBuilder()
            builder.motor(
                .peroneal, .extensorDigitorumBrevis, .left,
                [(.ankle, 5, 4.0, 6.0), (.belowFibularHead, 11, below, 6.0)])
            return interpret(builder).nerves.map(\.kind)
        }
        #expect(run(2.84).isEmpty)
        #expect(run(2.8) == [.conductionBlock])
    }

    @Test("Area is used for block when both areas are exported")
    func areaBlock() throws {
        var builder = StudyBuilder()
        builder.motor(
            .peroneal, .extensorDigitorumBrevis, .left,
            [(.ankle, 5, 4.0, 6.0), (.belowFibularHead, 11, 4.0, 6.0), (.aboveFibularHead, 13, 2.8, 6.0)],
            areas: [12, 12, 11])
        // Amplitude drops 30 % but area only 8 %: no block.
        #expect(interpret(builder).nerves.isEmpty)
    }

    @Test("Tibial: a smaller knee CMAP is not block on amplitude alone")
    func tibialDrop() {
        func run(_ knee: Double, other: Double?) -> [NerveFinding.Kind] {
            var builder = StudyBuilder()
            builder.motor(.tibial, .abductorHallucis, .left, [(.ankle, 4.5, 10, 6), (.poplitealFossa, 13, knee, 6.5)])
            if let other {
                builder.motor(
                    .tibial, .abductorHallucis, .right, [(.ankle, 4.5, 10, 6), (.poplitealFossa, 13, other, 6.5)])
            }
            return interpret(builder).nerves.map(\.kind)
        }
        #expect(run(6.0, other: nil) == [.physiologicalProximalDrop])
        #expect(run(5.0, other: nil) == [.physiologicalProximalDrop])
        #expect(run(4.0, other: nil) == [.physiologicalProximalDrop])
        #expect(run(4.0, other: 8.0).contains(.possibleConductionBlock))
        #expect(!run(4.0, other: 8.0).contains(.conductionBlock))
        #expect(run(8.5, other: 8.0).isEmpty)
    }

    @Test("Accessory deep peroneal nerve: larger CMAP from below the fibular head is a variant, not block")
    func accessoryPeroneal() {
        var builder = StudyBuilder()
        builder.motor(
            .peroneal, .extensorDigitorumBrevis, .left,
            [(.ankle, 5, 3.0, 6.0), (.belowFibularHead, 11, 4.5, 6.0), (.aboveFibularHead, 13, 4.4, 6.0)])
        #expect(interpret(builder).nerves.map(\.kind) == [.accessoryDeepPeroneal])
        var small = StudyBuilder()
        small.motor(
            .peroneal, .extensorDigitorumBrevis, .left, [(.ankle, 5, 3.0, 6.0), (.belowFibularHead, 11, 3.3, 6.0)])
        #expect(interpret(small).nerves.isEmpty)
    }

    @Test("Focal slowing across the fibular head: > 10 m/s slower than the leg, or below its limit with a normal leg")
    func focalSlowing() {
        func run(leg: Double, across: Double) -> [NerveFinding.Kind] {
            var builder = StudyBuilder(age: 50, height: 175)
            builder.motor(
                .peroneal, .extensorDigitorumBrevis, .left,
                [(.ankle, 5, 4.0, 6.0), (.belowFibularHead, 11, 4.0, 6.0), (.aboveFibularHead, 13, 3.9, 6.0)],
                velocities: [(.belowFibularHead, .ankle, leg), (.aboveFibularHead, .belowFibularHead, across)])
            return interpret(builder).nerves.map(\.kind)
        }
        #expect(run(leg: 52, across: 42).isEmpty)
        #expect(run(leg: 52, across: 41.9) == [.focalSlowing])
        #expect(run(leg: 45, across: 42).isEmpty)
        #expect(run(leg: 45, across: 41) == [.focalSlowing])
    }

    @Test("Demyelinating range: velocity below 70 % of the limit; 80 % when the CMAP is preserved")
    func demyelinatingRange() {
        func run(velocity: Double, amplitude: Double) -> [NerveFinding.Kind] {
            var builder = StudyBuilder(age: 50, height: 175)  // leg limit 36 m/s
            builder.motor(
                .peroneal, .extensorDigitorumBrevis, .left,
                [(.ankle, 5, amplitude, 6.0), (.belowFibularHead, 11, amplitude, 6.0)],
                velocities: [(.belowFibularHead, .ankle, velocity)])
            return interpret(builder).nerves.map(\.kind)
        }
        #expect(!run(velocity: 25.3, amplitude: 0.5).contains(.demyelinatingSlowing))  // 70.3 % of 36 m/s
        #expect(run(velocity: 25.1, amplitude: 0.5).contains(.demyelinatingSlowing))  // 69.7 %
        #expect(!run(velocity: 28.9, amplitude: 3.0).contains(.demyelinatingSlowing))  // 80.3 %, CMAP preserved
        #expect(run(velocity: 28.7, amplitude: 3.0).contains(.demyelinatingSlowing))  // 79.7 %, CMAP preserved
        #expect(run(velocity: 28.7, amplitude: 0.5) == [.axonLoss, .slowing])
    }

    @Test("Cool limb: slow values warming could explain are marked; amplitudes never")
    func coolLimb() throws {
        func run(footC: Double?, velocity: Double) -> StudyFindings {
            var builder = StudyBuilder(age: 50, height: 175, footC: footC)
            builder.motor(
                .peroneal, .extensorDigitorumBrevis, .left, [(.ankle, 5, 0.9, 6.0), (.belowFibularHead, 11, 0.9, 6.0)],
                velocities: [(.belowFibularHead, .ankle, velocity)])
            return interpret(builder)
        }
        let cool = run(footC: 27, velocity: 33)
        #expect(cool.technical.contains { $0.kind == .coolLimb && $0.side == .left })
        let velocity = try #require(measurement(cool, "peroneal-motor-edb.L.below-fibular-head-to-ankle.leg-velocity"))
        #expect(velocity.possiblyTemperatureRelated)
        let amplitude = try #require(measurement(cool, "peroneal-motor-edb.L.ankle.amplitude"))
        #expect(amplitude.classification == .low && !amplitude.possiblyTemperatureRelated)
        // Too slow for cooling to explain: (33.4 - 27) * 2 = 12.8 m/s below the limit at most.
        let tooSlow = try #require(
            measurement(run(footC: 27, velocity: 23), "peroneal-motor-edb.L.below-fibular-head-to-ankle.leg-velocity"))
        #expect(!tooSlow.possiblyTemperatureRelated)
        let warm = run(footC: 30, velocity: 33)
        #expect(!warm.technical.contains { $0.kind == .coolLimb })
        #expect(
            measurement(warm, "peroneal-motor-edb.L.below-fibular-head-to-ankle.leg-velocity")?
                .possiblyTemperatureRelated == false)
        let unknown = run(footC: nil, velocity: 33)
        #expect(unknown.technical.contains { $0.kind == .temperatureMissing && $0.side == .left })
    }

    @Test("Axon loss severity: absent severe, under 10 % of the other side severe, under 50 % moderate")
    func axonLossSeverity() {
        func run(_ left: Double) -> NerveFinding? {
            var builder = StudyBuilder(age: 50)
            builder.motor(.peroneal, .extensorDigitorumBrevis, .left, [(.ankle, 5, left, 6.0)])
            builder.motor(.peroneal, .extensorDigitorumBrevis, .right, [(.ankle, 5, 6.0, 6.0)])
            return interpret(builder).nerves.first { $0.kind == .axonLoss }
        }
        #expect(run(0)?.grade?.description == "severe")
        #expect(run(0.5)?.grade?.description == "severe")
        #expect(run(1.5)?.grade?.description == "moderate")
        #expect(run(2.4) == nil)  // 60 % drop: within the 61 % side-to-side limit
        #expect(run(2.3)?.grade?.description == "moderate")
    }

    @Test("Sensory: absent superficial peroneal over 60 carries the age caveat")
    func sensoryAgeCaveat() throws {
        var builder = StudyBuilder(age: 67)
        builder.sensory(.superficialPeroneal, .left, amplitude: nil)
        builder.sensory(.superficialPeroneal, .right, amplitude: nil)
        let finding = try #require(interpret(builder).nerves.first { $0.kind == .axonLoss && $0.side == .left })
        #expect(finding.grade?.description == "severe")
        #expect(finding.caveats.contains(.olderSensoryResponseWeakEvidence))
        var younger = StudyBuilder(age: 45)
        younger.sensory(.superficialPeroneal, .left, amplitude: nil)
        let young = try #require(interpret(younger).nerves.first { $0.kind == .axonLoss })
        #expect(!young.caveats.contains(.olderSensoryResponseWeakEvidence))
    }

    @Test("Needle acuity: acute, subacute or chronic-active, chronic-inactive, too early")
    func needleAcuity() {
        func acuity(
            days: Double?, _ muscle: Muscle = .tibialisAnterior, fibs: SpontaneousGrade = .none,
            duration: Activity = .normal, polyphasia: Activity = .normal, recruitment: Recruitment = .normal
        ) -> MuscleFinding {
            var builder = StudyBuilder(days: days)
            builder.needle(muscle, fibs: fibs, duration: duration, polyphasia: polyphasia, recruitment: recruitment)
            return interpret(builder).muscles[0]
        }
        #expect(acuity(days: 30, fibs: .one).acuity == .acute)
        #expect(acuity(days: 90, fibs: .two, duration: .increased).acuity == .subacuteOrChronicActive)
        #expect(acuity(days: 400, duration: .increased).acuity == .chronicInactive)
        #expect(acuity(days: 20, recruitment: .reduced).acuity == .tooEarly)
        #expect(acuity(days: 21, recruitment: .reduced).acuity == nil)
        #expect(acuity(days: 10, .paraspinalL5).acuity == nil)  // paraspinal fibrillations appear at ~7 days
        #expect(acuity(days: 6, .paraspinalL5).acuity == .tooEarly)
        #expect(acuity(days: 13, .gluteusMedius).acuity == .tooEarly)
        #expect(acuity(days: nil).acuity == nil)
        let equivocal = acuity(days: 60, fibs: .equivocal)
        #expect(!equivocal.activeDenervation && !equivocal.neurogenic)
        let polyphasic = acuity(days: 60, polyphasia: .increased)
        #expect(!polyphasic.reinnervation && polyphasic.acuity == nil)
        #expect(acuity(days: 60, recruitment: .early).myopathicFeatures)
    }

    @Test("Missing covariates: interpretation completes, with all-subjects limits and notes")
    func missingCovariates() throws {
        var builder = StudyBuilder(age: nil, height: nil, days: nil, footC: nil)
        builder.motor(
            .peroneal, .extensorDigitorumBrevis, .left, [(.ankle, 5, 1.2, 6.0), (.belowFibularHead, 11, 1.2, 6.0)],
            velocities: [(.belowFibularHead, .ankle, 40)])
        let findings = interpret(builder)
        let kinds = Set(findings.technical.map(\.kind))
        #expect(kinds.isSuperset(of: [.covariateMissing, .temperatureMissing]))
        let amplitude = try #require(measurement(findings, "peroneal-motor-edb.L.ankle.amplitude"))
        #expect(amplitude.limit?.value == 1.3)
        #expect(amplitude.classification == .low)
        #expect(amplitude.notes.contains(.limitAssumption(.covariatesMissing([.age], mostLenientBand: nil))))
        let velocity = try #require(
            measurement(findings, "peroneal-motor-edb.L.below-fibular-head-to-ankle.leg-velocity"))
        #expect(velocity.limit?.value == 38)
    }

    @Test("Studies in the first week are flagged: distal amplitudes do not yet show axon loss")
    func tooEarlyForAxonLoss() {
        var builder = StudyBuilder(days: 5)
        builder.motor(
            .peroneal, .extensorDigitorumBrevis, .left,
            [(.ankle, 5, 4.0, 6.0), (.belowFibularHead, 11, 4.0, 6.0), (.aboveFibularHead, 13, 1.5, 6.0)])
        let findings = interpret(builder)
        #expect(findings.technical.contains { $0.kind == .tooEarlyForAxonLoss })
        let block = findings.nerves.first { $0.kind == .conductionBlock }
        #expect(block?.caveats.contains(.earlyDropMayBeAxonLoss) == true)
    }
}
