import EDXModel
import EDXReference

/// Classifies the minimal F latency of an F-wave study. Absent peroneal F waves are not a finding:
/// they are often absent in normal subjects [U] (evidence §1.7).
struct FWaveValue: EntryRule {
    func apply(_ wave: FWaveStudy, to context: inout Context) -> RuleOutcome {
        let key = StudyKey(wave)
        context.classify(
            MeasuredValue(
                study: key, nerve: wave.nerve, side: wave.side, place: .fWave, measure: .fMinimumLatency,
                value: wave.noResponse ? nil : wave.minLatencyMs,
                noResponse: wave.noResponse && wave.nerve != .peroneal,
                unit: "ms", lab: wave.labLimits["minLatency"], source: wave.source, reference: key.reference,
                notes: wave.nerve == .peroneal ? [.peronealFWavesOftenAbsent] : []))
        return .next
    }
}

/// Classifies the H-reflex latency against the age- and height-banded limit (evidence §1.8).
struct HReflexValue: EntryRule {
    func apply(_ reflex: HReflexStudy, to context: inout Context) -> RuleOutcome {
        let key = StudyKey(reflex)
        context.classify(
            MeasuredValue(
                study: key, nerve: reflex.nerve, side: reflex.side, place: .hReflex, measure: .hLatency,
                value: reflex.noResponse ? nil : reflex.latencyMs, noResponse: reflex.noResponse, unit: "ms",
                lab: reflex.labLimits["latency"], source: reflex.source, reference: key.reference))
        return .next
    }
}
