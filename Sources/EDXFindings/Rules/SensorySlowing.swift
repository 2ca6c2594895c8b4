import EDXModel
import EDXReference

/// Sensory slowing with a normal amplitude: a prolonged latency or a slow velocity of a response
/// whose amplitude showed no axon loss.
struct SensorySlowing: EntryRule {
    func apply(_ sensory: SensoryStudy, to context: inout Context) -> RuleOutcome {
        let key = StudyKey(sensory)
        for finding in context.findings.measurements
        where finding.study == key && finding.side == sensory.side && finding.classification.isAbnormal
            && finding.measure != .amplitude
        {
            var values = NerveValues()
            values.value = finding.value ?? 0
            context.findings.nerves.append(
                NerveFinding(
                    id: .nerve(key, sensory.side, .sensorySlowing(finding.measure)), kind: .slowing,
                    side: sensory.side, study: key, referenceStudy: key.reference, nerve: sensory.nerve,
                    fibres: .sensory, location: .at(finding.site), grade: nil, values: values,
                    possiblyTemperatureRelated: finding.possiblyTemperatureRelated, basis: [finding.id],
                    citation: finding.limit?.citation, caveats: []))
        }
        return .next
    }
}
