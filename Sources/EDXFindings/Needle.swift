public import EDXModel
import EDXReference

extension Muscle {
    /// Days after onset by which fibrillations are expected: paraspinals first, distal muscles last
    /// (§4.2; S62, S63, S64).
    public var fibrillationOnsetDays: Double {
        if isParaspinal { return Criteria.fibrillationOnsetParaspinal.value }
        switch self {
        case .gluteusMedius, .gluteusMinimus, .gluteusMaximus, .tensorFasciaeLatae, .bicepsFemorisShortHead,
            .bicepsFemorisLongHead, .semitendinosus, .semimembranosus, .vastusLateralis, .vastusMedialis,
            .rectusFemoris,
            .iliopsoas, .adductorLongus, .deltoid, .biceps, .triceps:
            return Criteria.fibrillationOnsetProximal.value
        default:
            return Criteria.fibrillationOnsetDistal.value
        }
    }
}

extension Context {
    /// Interprets the needle examination of one muscle: active denervation, reinnervation,
    /// recruitment and acuity (§4).
    mutating func addMuscle(_ exam: NeedleExam) {
        let spontaneous = [exam.fibrillations, exam.positiveSharpWaves].compactMap { $0 }
        let denervation = spontaneous.max()
        let active = (denervation ?? .none) >= .one
        var features: [String] = []
        if exam.muapDuration == .increased { features.append("long-duration MUAPs") }
        if exam.muapAmplitude == .increased { features.append("high-amplitude MUAPs") }
        let polyphasic = exam.polyphasia == .increased || (exam.polyphasiaGrade ?? .none) >= .one
        let reinnervation = !features.isEmpty
        if polyphasic { features.append("polyphasic MUAPs") }
        let myopathic =
            exam.muapDuration == .decreased || exam.muapAmplitude == .decreased || exam.recruitment == .early
        let reduced = (exam.recruitment?.neurogenicLoss ?? 0) > 0
        let onset = exam.muscle?.fibrillationOnsetDays ?? Criteria.fibrillationOnsetDistal.value
        let days = covariates.symptomDurationDays
        let early = days.map { $0 < onset } ?? false

        var acuity: Acuity?
        var notes: [String] = []
        if active && reinnervation {
            acuity = .subacuteOrChronicActive
        } else if active {
            acuity = .acute
        } else if reinnervation {
            acuity = .chronicInactive
        } else if early {
            acuity = .tooEarly
            notes.append(
                "Day \(Format.number(days ?? 0)) after onset: fibrillations are not expected in this muscle before "
                    + "about day \(Format.number(onset)), so their absence does not exclude denervation.")
        }
        if polyphasic && !reinnervation {
            notes.append("Polyphasia alone is a weak sign of reinnervation; not counted as chronic change.")
        }
        if denervation == .equivocal {
            notes.append("Equivocal (+/-) spontaneous activity is not counted as active denervation.")
        }
        if let muscle = exam.muscle, muscle.isParaspinal, active {
            notes.append(
                "Paraspinal spontaneous activity occurs in \(Format.number(Criteria.paraspinalFibsInHealthy.value)) % of "
                    + "asymptomatic adults, more with age (S59): weak evidence on its own.")
        }
        if myopathic {
            notes.append(
                "Myopathic features (small, short MUAPs or early recruitment) lie outside the neurogenic model.")
        }
        if exam.insertionalActivity == .increased && !active {
            notes.append("Increased insertional activity without fibrillations is not counted as denervation.")
        }
        let neurogenic = active || reinnervation || reduced
        let label = exam.muscle?.rawValue ?? StudyName.slug(exam.muscleLabel)
        var parts: [String] = []
        if active { parts.append("active denervation (fibrillations/PSW \(denervation?.rawValue ?? "?"))") }
        if reinnervation { parts.append("chronic reinnervation (\(features.joined(separator: ", ")))") }
        if let recruitment = exam.recruitment, recruitment != .normal {
            parts.append("\(StudyName.words(recruitment.rawValue)) recruitment")
        }
        let state =
            parts.isEmpty
            ? (early ? "normal (may be too early for denervation)" : "normal") : parts.joined(separator: "; ")
        let acuityText = acuity.map { " [\(StudyName.words($0.rawValue))]" } ?? ""
        findings.muscles.append(
            MuscleFinding(
                id: "needle.\(label).\(exam.side.letter)", muscle: exam.muscle, label: exam.muscleLabel,
                side: exam.side,
                denervation: denervation, activeDenervation: active, reinnervation: reinnervation,
                reinnervationFeatures: features, recruitment: exam.recruitment, myopathicFeatures: myopathic,
                neurogenic: neurogenic, acuity: acuity, fibrillationOnsetDays: onset, notes: notes,
                summary: "\(exam.side.title) \(StudyName.words(label)): \(state)\(acuityText)", source: exam.source))
    }
}
