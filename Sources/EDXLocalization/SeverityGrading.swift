import EDXAnatomy
import EDXFindings
import EDXModel
import EDXReference

/// The severity of a lesion (evidence §7.2 scheme, [P]): the distal CMAPs of its territory first,
/// because they measure the axons lost (S47); the needle only where no CMAP of its territory was
/// recorded; complete when every CMAP is absent and no voluntary units fire.
enum SeverityGrading {
    /// - Parameters:
    ///   - involved: the observations the lesion involves (see ``ParameterKey/involvedForGrading``).
    ///   - cmaps: every CMAP observation the lesion can lower, however weakly.
    static func grade(lesion: Lesion, involved: [Observation], cmaps: [Observation], findings: StudyFindings)
        -> SeverityAssessment?
    {
        // Nothing abnormal where the lesion would act: no severity to grade.
        guard involved.contains(where: \.abnormal) else { return nil }
        var basis: [SeverityBasis] = []
        var cmapGrade: Severity?
        var allAbsent = true
        var anyCMAP = false
        for observation in cmaps {
            guard case .cmap(let study, let side) = observation.item,
                let measurement = findings.measurements.first(where: {
                    $0.referenceStudy == study && $0.side == side && $0.measure == .amplitude
                })
            else { continue }
            anyCMAP = true
            let other = findings.measurements.first {
                $0.referenceStudy == study && $0.side != side && $0.measure == .amplitude && $0.site == measurement.site
            }
            let grade: Severity
            if measurement.classification == .absent {
                grade = .severe
                basis.append(.cmapAbsent(measurement.study, side))
            } else {
                allAbsent = false
                let value = measurement.value ?? 0
                let low =
                    measurement.classification == .low
                    || (measurement.classification == .unclassified
                        && findings.nerves.contains {
                            $0.kind == .axonLoss && $0.basis.contains(measurement.id)
                        })
                // The other side as reference when it is normal, or has no lower limit to be judged by
                // (the femoral CMAP, S153).
                if let other, other.classification == .normal || other.classification == .unclassified,
                    let otherValue = other.value, otherValue > 0
                {
                    let ratio = value / otherValue * 100
                    grade = Severity.ofAmplitude(percent: ratio, belowLowerLimit: low, absent: false)
                    basis.append(.cmapOfOtherSide(measurement.study, side, amplitude: value, percent: ratio))
                } else {
                    grade = Severity.ofAmplitude(percent: nil, belowLowerLimit: low, absent: false)
                    basis.append(.cmapClassified(measurement.study, side, amplitude: value, measurement.classification))
                }
            }
            cmapGrade = max(cmapGrade ?? grade, grade)
        }
        var needleGrade: Severity?
        var allSilent = true
        var anyRecruitment = false
        for observation in involved where observation.abnormal {
            guard let finding = muscleFinding(observation, in: findings) else { continue }
            let fibs = finding.denervation?.value ?? 0
            let loss = finding.recruitment?.neurogenicLoss ?? 0
            if finding.recruitment != nil {
                anyRecruitment = true
                if finding.recruitment != Recruitment.none { allSilent = false }
            }
            // Needle column of the scheme [P]: severe with fibrillations 3-4+ or few or no units;
            // moderate with fibrillations 2+, or 1+ with reduced recruitment; mild otherwise.
            let grade: Severity =
                fibs >= 3 || loss >= 3 ? .severe : (fibs >= 2 || (fibs >= 1 && loss >= 2) ? .moderate : .mild)
            needleGrade = max(needleGrade ?? grade, grade)
        }
        if needleGrade != nil {
            let worst = involved.compactMap { muscleFinding($0, in: findings) }.filter(\.neurogenic).max {
                ($0.denervation?.value ?? 0) < ($1.denervation?.value ?? 0)
            }
            if let worst {
                basis.append(
                    .worstMuscle(
                        muscle: worst.muscle, label: worst.label, denervation: worst.denervation,
                        recruitment: worst.recruitment))
            }
        }
        // A block weakens as axon loss does: the fibres that do not conduct across it are lost to the
        // muscle while it lasts, so the response above the block, as % of the one below, is graded on
        // the amplitude scale (S45, evidence §7.2 [P]). A 60 % block is moderate, not mild.
        var blockGrade: Severity?
        if lesion.site == .node(.fibularHead) {
            for block in findings.nerves
            where (block.kind == .conductionBlock || block.kind == .focalSlowing) && block.side == lesion.side {
                if let drop = block.values.amplitudeDropPercent {
                    basis.append(.blockAcrossFibularHead(dropPercent: drop, recording: block.study.reference))
                    if block.kind == .conductionBlock {
                        let grade = Severity.ofAmplitude(percent: 100 - drop, belowLowerLimit: false, absent: false)
                        blockGrade = max(blockGrade ?? grade, grade)
                    }
                }
            }
        }
        if anyCMAP && allAbsent && anyRecruitment && allSilent && needleGrade != nil {
            return SeverityAssessment(grade: .complete, basis: basis + [.noVoluntaryUnits])
        }
        if let cmapGrade { return SeverityAssessment(grade: max(cmapGrade, blockGrade ?? cmapGrade), basis: basis) }
        if let needleGrade {
            return SeverityAssessment(grade: max(needleGrade, blockGrade ?? needleGrade), basis: basis)
        }
        if let blockGrade { return SeverityAssessment(grade: blockGrade, basis: basis) }
        // Sensory-only, block-only or slowing-only abnormality.
        return SeverityAssessment(grade: .mild, basis: basis.isEmpty ? [.noMotorAxonLossMeasured] : basis)
    }

    /// The needle finding a muscle observation rests on.
    static func muscleFinding(_ observation: Observation, in findings: StudyFindings) -> MuscleFinding? {
        guard case .muscle(let muscle, let side) = observation.item else { return nil }
        return findings.muscles.first { $0.muscle == muscle && $0.side == side }
    }
}
