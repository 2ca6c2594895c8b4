import EDXFindings
import EDXModel
import EDXReference
import EDXTestSupport
import Testing

/// The remaining rules at their thresholds: distal latency and F waves in the demyelinating range,
/// prolonged distal duration, the distal-amplitude floor for block, definite block, the severe
/// axon-loss bound, H-reflex asymmetry and the sensory Wallerian caveat.
@Suite("More interpretation rules at their thresholds")
struct MoreThresholdTests {
    func nerves(_ builder: StudyBuilder) -> [NerveFinding] { Interpreter().interpret(builder.study).nerves }

    @Test("Distal latency: 150 % of the upper limit is slowing, beyond it the demyelinating range")
    func distalLatency() {
        func kinds(_ latency: Double) -> [NerveFinding.Kind] {
            var builder = StudyBuilder()
            builder.motor(.peroneal, .extensorDigitorumBrevis, .left, [(.ankle, latency, 4.0, 6.0)])
            return nerves(builder).map(\.kind)
        }
        #expect(kinds(9.75) == [.slowing])  // 150 % of 6.5 ms
        #expect(kinds(9.76) == [.demyelinatingSlowing])
        #expect(kinds(6.5).isEmpty)
    }

    @Test("Prolonged distal CMAP duration: peroneal 7.6 ms, tibial 8.8 ms")
    func distalDuration() {
        func kinds(_ nerve: Nerve, _ recording: RecordingSite, _ duration: Double) -> [NerveFinding.Kind] {
            var builder = StudyBuilder()
            builder.motor(nerve, recording, .left, [(.ankle, 4.5, 8.0, duration)])
            return nerves(builder).map(\.kind)
        }
        #expect(kinds(.peroneal, .extensorDigitorumBrevis, 7.59) == [])
        #expect(kinds(.peroneal, .extensorDigitorumBrevis, 7.6) == [.temporalDispersion])
        #expect(kinds(.tibial, .abductorHallucis, 8.79) == [])
        #expect(kinds(.tibial, .abductorHallucis, 8.8) == [.temporalDispersion])
    }

    @Test("Block: 49 % drop probable, 50 % definite; distal CMAP under 20 % of the limit carries a caveat")
    func blockGradesAndFloor() throws {
        func block(distal: Double, proximal: Double) throws -> NerveFinding {
            var builder = StudyBuilder(age: 50)  // EDB lower limit 1.1 mV; 20 % is 0.22 mV
            builder.motor(
                .peroneal, .extensorDigitorumBrevis, .left,
                [
                    (.ankle, 5, distal, 6.0), (.belowFibularHead, 11, distal, 6.0),
                    (.aboveFibularHead, 13, proximal, 6.0),
                ])
            return try #require(nerves(builder).first { $0.kind == .conductionBlock })
        }
        #expect(try block(distal: 4.0, proximal: 2.04).grade?.description == "probable")
        #expect(try block(distal: 4.0, proximal: 2.0).grade?.description == "definite")
        #expect(try block(distal: 0.21, proximal: 0.05).caveats.contains(.distalResponseTooSmallForBlock))
        #expect(try !block(distal: 0.23, proximal: 0.05).caveats.contains(.distalResponseTooSmallForBlock))
    }

    @Test("Axon loss: 10 % of the other side is moderate, below it severe")
    func severeBound() {
        func grade(_ left: Double) -> String? {
            var builder = StudyBuilder(age: 50)
            builder.motor(.peroneal, .extensorDigitorumBrevis, .left, [(.ankle, 5, left, 6.0)])
            builder.motor(.peroneal, .extensorDigitorumBrevis, .right, [(.ankle, 5, 10.0, 6.0)])
            return nerves(builder).first { $0.kind == .axonLoss }?.grade?.description
        }
        #expect(grade(1.0) == "moderate")
        #expect(grade(0.99) == "severe")
    }

    @Test("F waves: 130 % of the upper limit is prolonged, beyond it the demyelinating range")
    func fWaves() {
        func kinds(_ latency: Double) -> [NerveFinding.Kind] {
            var builder = StudyBuilder()
            builder.fWave(.left, minLatency: latency)
            return nerves(builder).map(\.kind)
        }
        // 50 years, 170 cm: the Manual's tibial limit for that age and height band, 61.1 ms (S141).
        #expect(kinds(61.1).isEmpty)
        #expect(kinds(79.4) == [.slowing])  // 130 % of 61.1 ms is 79.43 ms
        #expect(kinds(79.5) == [.demyelinatingSlowing])
    }

    @Test("H reflex: a 2.0 ms side difference is within the limit, more is abnormal")
    func hReflexAsymmetry() {
        func asymmetric(_ right: Double) -> Bool {
            var builder = StudyBuilder(age: 50, height: 170)
            builder.hReflex(.left, latency: 30)
            builder.hReflex(.right, latency: right)
            let findings = Interpreter().interpret(builder.study)
            return findings.comparisons.first { $0.study.description == "h-reflex" }?.abnormal ?? false
        }
        #expect(!asymmetric(32.0))
        #expect(asymmetric(32.01))
    }

    @Test("Sensory responses: the Wallerian caveat applies before day 10")
    func sensoryWallerian() throws {
        func caveats(days: Double) throws -> [FindingNote] {
            var builder = StudyBuilder(days: days)
            builder.sensory(.sural, .left, amplitude: nil)
            return try #require(nerves(builder).first { $0.kind == .axonLoss }).caveats
        }
        #expect(try caveats(days: 9) == [.earlyForSensoryAxonLoss(days: 9)])
        #expect(try caveats(days: 10).isEmpty)
    }
}
