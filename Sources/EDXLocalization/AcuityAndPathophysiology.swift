import EDXAnatomy
import EDXFindings
import EDXModel

/// The acuity of a lesion from the muscles it involves (evidence §4.2, S69).
enum AcuityJudgement {
    static func acuity(involved: [Observation], findings: StudyFindings) -> DiagnosisAcuity {
        let muscles = involved.compactMap { SeverityGrading.muscleFinding($0, in: findings) }
        if muscles.isEmpty { return .undetermined }
        let classes = Set(muscles.filter(\.neurogenic).compactMap(\.acuity))
        if classes.contains(.subacuteOrChronicActive)
            || (classes.contains(.acute) && classes.contains(.chronicInactive))
        {
            return .subacuteOrChronicActive
        }
        if classes.contains(.acute) { return .acute }
        if classes.contains(.chronicInactive) { return .chronicInactive }
        if muscles.contains(where: { $0.acuity == .tooEarly }) { return .tooEarly }
        return .undetermined
    }
}

/// The pathophysiology of a lesion: axon loss, block, demyelinating slowing, or mixed.
enum PathophysiologyJudgement {
    static func pathophysiology(lesion: Lesion, involved: [Observation], findings: StudyFindings) -> Pathophysiology {
        func showsAxonLoss(_ o: Observation) -> Bool {
            guard o.abnormal else { return false }
            switch o.item {
            case .cmap, .sensory:
                return true
            case .muscle:
                return SeverityGrading.muscleFinding(o, in: findings).map { $0.activeDenervation || $0.reinnervation }
                    ?? false
            default:
                return false
            }
        }
        let axonal = involved.contains(where: showsAxonLoss)
        if case .root = lesion.site { return axonal ? .axonal : .undetermined }
        let nerves = findings.nerves.filter { lesion.side == nil || $0.side == lesion.side }
        var block = false
        var demyelinating = false
        switch lesion.site {
        case .node(.fibularHead):
            block = nerves.contains {
                ($0.kind == .conductionBlock || $0.kind == .temporalDispersion) && $0.nerve == .peroneal
            }
            demyelinating = nerves.contains { $0.kind == .focalSlowing && $0.nerve == .peroneal }
        case .diffuse:
            demyelinating = Set(nerves.filter { $0.kind == .demyelinatingSlowing }.map(\.study)).count >= 2
        default:
            block = nerves.contains { $0.kind == .conductionBlock }
        }
        if axonal && block { return .mixed }
        if axonal && demyelinating { return .slowingAndAxonLoss }
        if block { return .conductionBlock }
        if demyelinating { return .demyelinating }
        return axonal ? .axonal : .undetermined
    }
}
