import EDXModel
import EDXReference

/// A slow motor velocity or a prolonged distal latency, in the demyelinating range (EFNS/PNS 2010,
/// S39; AAN 1991, S38) or in the range axon loss explains (evidence §3.4). A slow across-fibular-head
/// velocity already called focal slowing is not counted again.
struct SlowingRange: EntryRule {
    func apply(_ motor: MotorStudy, to context: inout Context) -> RuleOutcome {
        guard let distal = motor.sites.first else { return .next }
        let key = StudyKey(motor)
        let cmapPercent = context.distalAmplitude(key, motor.side, SiteKey(distal))?.percentOfLimit
        for finding in context.findings.measurements
        where finding.study == key && finding.side == motor.side && finding.classification.isAbnormal {
            guard let value = finding.value, let limit = finding.limit else { continue }
            let percent = value / limit.value * 100
            var kind: NerveFinding.Kind?
            var citation: Citation?
            if finding.measure.isVelocity {
                if finding.measure == .acrossFibularHeadVelocity
                    && context.findings.nerves.contains(where: {
                        $0.kind == .focalSlowing && $0.basis.contains(finding.id)
                    })
                {
                    continue
                }
                if percent < Criteria.demyelinatingVelocity.value {
                    (kind, citation) = (.demyelinatingSlowing, Criteria.demyelinatingVelocity.citation)
                } else if let cmapPercent, cmapPercent >= Criteria.preservedCMAP.value,
                    percent < Criteria.demyelinatingVelocityPreservedCMAP.value
                {
                    (kind, citation) = (.demyelinatingSlowing, Criteria.demyelinatingVelocityPreservedCMAP.citation)
                } else {
                    (kind, citation) = (.slowing, limit.citation)
                }
            } else if finding.measure == .distalLatency {
                if percent > Criteria.demyelinatingLatency.value {
                    (kind, citation) = (.demyelinatingSlowing, Criteria.demyelinatingLatency.citation)
                } else {
                    (kind, citation) = (.slowing, limit.citation)
                }
            }
            guard let kind else { continue }
            var values = NerveValues()
            values.value = value
            values.percentOfLimit = percent
            context.findings.nerves.append(
                NerveFinding(
                    id: .nerve(key, motor.side, .slowing(finding.site, kind)), kind: kind, side: motor.side,
                    study: key, referenceStudy: key.reference, nerve: motor.nerve, fibres: .motor,
                    location: .at(finding.site), grade: nil, values: values,
                    possiblyTemperatureRelated: finding.possiblyTemperatureRelated, basis: [finding.id],
                    citation: citation, caveats: []))
        }
        return .next
    }
}

/// A prolonged distal CMAP duration: peroneal >= 7.6 ms, tibial >= 8.8 ms (EFNS/PNS 2010, S39).
/// Not judged at tibialis anterior, whose normal duration is longer.
struct ProlongedDistalDuration: EntryRule {
    func apply(_ motor: MotorStudy, to context: inout Context) -> RuleOutcome {
        let key = StudyKey(motor)
        let durationLimit: Threshold? =
            switch motor.nerve {
            case .peroneal: Criteria.prolongedDurationPeroneal
            case .tibial: Criteria.prolongedDurationTibial
            default: nil
            }
        guard let durationLimit, let distal = motor.sites.first, let duration = distal.durationMs,
            duration >= durationLimit.value, key.reference != .peronealTA
        else { return .next }
        var values = NerveValues()
        values.duration = duration
        context.findings.nerves.append(
            NerveFinding(
                id: .nerve(key, motor.side, .distalDuration), kind: .temporalDispersion, side: motor.side, study: key,
                referenceStudy: key.reference, nerve: motor.nerve, fibres: .motor, location: .distal, grade: nil,
                values: values, possiblyTemperatureRelated: false,
                basis: [.measurement(key, motor.side, .site(SiteKey(distal)), .duration)],
                citation: durationLimit.citation, caveats: []))
        return .next
    }
}
