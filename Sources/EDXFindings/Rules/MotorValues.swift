import EDXModel
import EDXReference

/// Classifies the distal latency, amplitude and duration of a motor study and the velocity of each
/// segment. The leg and across-fibular-head segments of the peroneal and tibial studies have published
/// limits; other segments are reported without classification (evidence §1.1-1.3).
struct MotorValues: EntryRule {
    func apply(_ motor: MotorStudy, to context: inout Context) -> RuleOutcome {
        let key = StudyKey(motor)
        guard let distal = motor.sites.first else { return .next }
        let site = MeasurementPlace.site(SiteKey(distal))
        context.classifyDistal(
            [
                (.distalLatency, distal.latencyMs, "ms", "latency"),
                (.amplitude, distal.amplitudeMV, "mV", "amplitude"),
                (.duration, distal.durationMs, "ms", "duration"),
            ], study: key, nerve: motor.nerve, side: motor.side, place: site, noResponse: distal.noResponse,
            labLimits: distal.labLimits, source: distal.source)
        for segment in motor.segments {
            guard let velocity = segment.velocityMS else { continue }
            let (measure, reference) = Self.velocityMeasure(segment, key.reference)
            context.classify(
                MeasuredValue(
                    study: key, nerve: motor.nerve, side: motor.side, place: .segment(SegmentKey(segment)),
                    measure: measure, value: velocity, noResponse: false, unit: "m/s",
                    lab: segment.labLimits["velocity"], source: segment.source, reference: reference))
        }
        return .next
    }

    /// Which velocity a segment measures, and whether a published table covers it.
    static func velocityMeasure(_ segment: Segment, _ reference: ReferenceStudy?) -> (Measure, ReferenceStudy?) {
        let ends = Set([segment.from, segment.to].compactMap { $0 })
        switch reference {
        case .peronealEDB where ends == [.belowFibularHead, .ankle]: return (.legVelocity, reference)
        case .peronealEDB where ends == [.aboveFibularHead, .belowFibularHead]:
            return (.acrossFibularHeadVelocity, reference)
        case .peronealTA where ends == [.aboveFibularHead, .belowFibularHead]:
            return (.acrossFibularHeadVelocity, reference)
        case .tibialAH where ends == [.poplitealFossa, .ankle]: return (.legVelocity, reference)
        default: return (.legVelocity, nil)
        }
    }
}
