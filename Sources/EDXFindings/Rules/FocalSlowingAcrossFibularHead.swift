import EDXModel
import EDXReference

/// Focal slowing across the fibular head: slower than the leg segment by more than 10 m/s
/// (Buschbacher 1999, S5), or below its lower limit while the leg segment is normal (evidence §3.2).
struct FocalSlowingAcrossFibularHead: EntryRule {
    func apply(_ motor: MotorStudy, to context: inout Context) -> RuleOutcome {
        guard motor.nerve == .peroneal else { return .next }
        let key = StudyKey(motor)
        let measurements = context.findings.measurements
        let across = measurements.first {
            $0.study == key && $0.side == motor.side && $0.measure == .acrossFibularHeadVelocity
        }
        // The leg segment is always the one recorded at EDB (published for that recording only).
        let leg = measurements.first {
            $0.study.reference == .peronealEDB && $0.side == motor.side && $0.measure == .legVelocity
        }
        guard let across, let acrossValue = across.value else { return .next }
        var values = NerveValues()
        values.acrossFibularHeadVelocity = acrossValue
        values.legVelocity = leg?.value
        func finding(basis: [FindingID], citation: Citation?, caveats: [FindingNote]) -> NerveFinding {
            NerveFinding(
                id: .nerve(key, motor.side, .focalSlowing), kind: .focalSlowing, side: motor.side, study: key,
                referenceStudy: key.reference, nerve: motor.nerve, fibres: .motor, location: .acrossFibularHead,
                grade: nil, values: values, possiblyTemperatureRelated: false, basis: basis, citation: citation,
                caveats: caveats)
        }
        if let leg, let legValue = leg.value, legValue - acrossValue > Criteria.fibularHeadSlowing.value {
            values.slowingMS = legValue - acrossValue
            context.findings.nerves.append(
                finding(
                    basis: [across.id, leg.id], citation: Criteria.fibularHeadSlowing.citation,
                    caveats: [.sameLimbSoNotCooling]))
        } else if across.classification == .low, leg.map({ $0.classification == .normal }) ?? false {
            context.findings.nerves.append(
                finding(
                    basis: [across.id] + (leg.map { [$0.id] } ?? []), citation: across.limit?.citation,
                    caveats: across.possiblyTemperatureRelated ? [.coolLimbPossiblyTemperature] : []))
        }
        return .next
    }
}
