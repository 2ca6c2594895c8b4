import EDXModel
import EDXReference

/// Classifies the onset and peak latency, amplitude and velocity of a sensory study from its distal
/// site. A low or absent sural, superficial peroneal or saphenous response carries the caveats of
/// evidence §1.4-1.6 (absent in healthy older people; saphenous unobtainable in a quarter of normals).
struct SensoryValues: EntryRule {
    func apply(_ sensory: SensoryStudy, to context: inout Context) -> RuleOutcome {
        let key = StudyKey(sensory)
        guard let distal = sensory.sites.first else { return .next }
        let site = MeasurementPlace.site(SiteKey(distal))
        let caveats = Self.caveats(sensory.nerve, context.covariates)
        context.classifyDistal(
            [
                (.onsetLatency, distal.onsetLatencyMs, "ms", "onsetLatency"),
                (.peakLatency, distal.peakLatencyMs, "ms", "peakLatency"),
                (.amplitude, distal.amplitudeUV, "µV", "amplitude"),
                (.sensoryVelocity, distal.velocityMS, "m/s", "velocity"),
            ], study: key, nerve: sensory.nerve, side: sensory.side, place: site, noResponse: distal.noResponse,
            labLimits: distal.labLimits, source: distal.source, abnormalNotes: { $0 == .amplitude ? caveats : [] })
        return .next
    }

    /// Caveats on a low or absent response of this nerve, by the patient's age.
    static func caveats(_ nerve: Nerve?, _ covariates: Covariates) -> [FindingNote] {
        switch nerve {
        case .superficialPeroneal, .sural:
            guard let age = covariates.ageYears, age > Criteria.sensoryAgeCaveat.value else { return [] }
            return [.olderSensoryResponseWeakEvidence]
        case .saphenous:
            return [.saphenousOftenUnobtainable]
        default:
            return []
        }
    }
}
