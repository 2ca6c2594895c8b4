import EDXModel
import EDXReference

/// Prolonged or absent F waves and H reflexes; an F latency beyond 130 % of its limit is in the
/// demyelinating range (EFNS/PNS 2010, S39; evidence §1.7, evidence §1.8).
struct LateResponses: StudyRule {
    func apply(to context: inout Context) {
        for finding in context.findings.measurements
        where finding.measure.isLateResponse && finding.classification.isAbnormal {
            var kind = NerveFinding.Kind.slowing
            var citation = finding.limit?.citation
            if finding.measure == .fMinimumLatency, let value = finding.value, let limit = finding.limit,
                value / limit.value * 100 > Criteria.demyelinatingFLatency.value
            {
                kind = .demyelinatingSlowing
                citation = Criteria.demyelinatingFLatency.citation
            }
            var values = NerveValues()
            values.latency = finding.value
            context.findings.nerves.append(
                NerveFinding(
                    id: .nerve(finding.study, finding.side, .lateResponse(kind)), kind: kind, side: finding.side,
                    study: finding.study, referenceStudy: finding.referenceStudy, nerve: finding.nerve,
                    fibres: .motor, location: .proximal, grade: nil, values: values,
                    possiblyTemperatureRelated: finding.possiblyTemperatureRelated, basis: [finding.id],
                    citation: citation, caveats: []))
        }
    }
}

/// An H reflex later than the other side's by more than the side-to-side limit (evidence §1.8).
struct HReflexAsymmetry: StudyRule {
    func apply(to context: inout Context) {
        for comparison in context.findings.comparisons where comparison.abnormal && comparison.study.kind == .hReflex {
            var values = NerveValues()
            values.difference = comparison.difference
            context.findings.nerves.append(
                NerveFinding(
                    id: .nerve(comparison.study, comparison.worseSide, .asymmetry), kind: .slowing,
                    side: comparison.worseSide, study: comparison.study, referenceStudy: .hReflex, nerve: .tibial,
                    fibres: .motor, location: .proximal, grade: nil, values: values, possiblyTemperatureRelated: false,
                    basis: [comparison.id], citation: comparison.limit.citation, caveats: []))
        }
    }
}
