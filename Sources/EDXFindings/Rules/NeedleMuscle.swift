public import EDXModel
import EDXReference

extension Muscle {
    /// Days after onset by which fibrillations are expected: paraspinals first, distal muscles last
    /// (evidence §4.2; S62, S63, S64).
    public var fibrillationOnsetDays: Double {
        if isParaspinal { return Criteria.fibrillationOnsetParaspinal.value }
        switch self {
        case .gluteusMedius, .gluteusMinimus, .gluteusMaximus, .tensorFasciaeLatae, .bicepsFemorisShortHead,
            .bicepsFemorisLongHead, .bicepsFemoris, .hamstrings, .semitendinosus, .semimembranosus, .vastusLateralis,
            .vastusMedialis, .rectusFemoris, .quadriceps, .iliopsoas, .adductorLongus, .adductorMagnus, .sartorius,
            .pectineus, .gracilis, .deltoid, .biceps, .triceps, .thoracicParaspinal, .cervicalParaspinal, .diaphragm,
            .sternocleidomastoid, .genioglossus:
            return Criteria.fibrillationOnsetProximal.value
        default:
            return Criteria.fibrillationOnsetDistal.value
        }
    }
}

/// The needle examination of one muscle: active denervation (fibrillations or positive waves of
/// 1+ or more), reinnervation (long-duration or high-amplitude MUAPs), recruitment, and acuity in
/// the terms of evidence §4.2 (S69).
struct NeedleMuscle: EntryRule {
    func apply(_ exam: NeedleExam, to context: inout Context) -> RuleOutcome {
        let spontaneous = [exam.fibrillations, exam.positiveSharpWaves].compactMap { $0 }
        let denervation = spontaneous.max()
        let active = (denervation ?? .none) >= .one
        var features: [MUAPFeature] = []
        if exam.muapDuration == .increased { features.append(.longDuration) }
        if exam.muapAmplitude == .increased { features.append(.highAmplitude) }
        let polyphasic = exam.polyphasia == .increased || (exam.polyphasiaGrade ?? .none) >= .one
        let reinnervation = !features.isEmpty
        if polyphasic { features.append(.polyphasic) }
        let myopathic =
            exam.muapDuration == .decreased || exam.muapAmplitude == .decreased || exam.recruitment == .early
        let reduced = (exam.recruitment?.neurogenicLoss ?? 0) > 0
        let onset = exam.muscle?.fibrillationOnsetDays ?? Criteria.fibrillationOnsetDistal.value
        let days = context.covariates.symptomDurationDays
        let early = days.map { $0 < onset } ?? false

        var acuity: Acuity?
        var notes: [FindingNote] = []
        if active && reinnervation {
            acuity = .subacuteOrChronicActive
        } else if active {
            acuity = .acute
        } else if reinnervation {
            acuity = .chronicInactive
        } else if early {
            acuity = .tooEarly
            notes.append(.beforeFibrillationOnset(day: days ?? 0, expectedDay: onset))
        }
        if polyphasic && !reinnervation { notes.append(.polyphasiaAloneWeak) }
        if denervation == .equivocal { notes.append(.equivocalSpontaneousActivity) }
        if let muscle = exam.muscle, muscle.isParaspinal, active { notes.append(.paraspinalActivityInHealthy) }
        if myopathic { notes.append(.myopathicFeatures) }
        if exam.insertionalActivity == .increased && !active { notes.append(.insertionalActivityAlone) }
        context.findings.muscles.append(
            MuscleFinding(
                id: .muscle(exam), muscle: exam.muscle, label: exam.muscleLabel, side: exam.side,
                denervation: denervation, activeDenervation: active, reinnervation: reinnervation,
                reinnervationFeatures: features, recruitment: exam.recruitment, myopathicFeatures: myopathic,
                neurogenic: active || reinnervation || reduced, acuity: acuity, fibrillationOnsetDays: onset,
                beforeFibrillationOnset: early, notes: notes, source: exam.source))
        return .next
    }
}
