public import EDXModel
import EDXReference

/// Turns an imported study into ``StudyFindings``: every value against its limit, left against right,
/// the pathophysiology of each nerve and the needle findings of each muscle. Missing covariates
/// never stop the interpretation; each finding states what was assumed.
public struct Interpreter: Sendable {
    public var preference: LimitPreference

    public init(preference: LimitPreference = .lab) {
        self.preference = preference
    }

    public func interpret(_ study: Study) -> StudyFindings {
        var context = Context(study: study, preference: preference)
        context.addCovariateNotes()
        for motor in study.motor { context.addMotorMeasurements(motor) }
        for sensory in study.sensory { context.addSensoryMeasurements(sensory) }
        for wave in study.fWaves { context.addFWave(wave) }
        for reflex in study.hReflexes { context.addHReflex(reflex) }
        context.addComparisons()
        for motor in study.motor { context.addMotorPathophysiology(motor) }
        for sensory in study.sensory { context.addSensoryPathophysiology(sensory) }
        context.addLateResponsePathophysiology()
        for exam in study.needle { context.addMuscle(exam) }
        context.addLimitsNote()
        return context.findings
    }
}

/// The working state of one interpretation.
struct Context {
    let study: Study
    let preference: LimitPreference
    var findings: StudyFindings

    init(study: Study, preference: LimitPreference) {
        self.study = study
        self.preference = preference
        let covariates = Covariates(
            ageYears: study.patient.ageYears, heightCm: study.patient.heightCm,
            symptomDurationDays: study.symptomDurationDays,
            temperatureLeftC: Self.temperature(of: .left, in: study),
            temperatureRightC: Self.temperature(of: .right, in: study))
        findings = StudyFindings(
            studyID: study.id, covariates: covariates, technical: [], measurements: [], comparisons: [], nerves: [],
            muscles: [])
    }

    var covariates: Covariates { findings.covariates }

    /// The limb temperature of a side: the foot (or ankle) if measured, else the leg, else a reading
    /// without a side.
    static func temperature(of side: Side, in study: Study) -> Double? {
        let candidates = study.temperatures.filter { $0.side == side || $0.side == nil }
        for preferred in ["foot", "ankle", "leg", "calf"] {
            if let match = candidates.first(where: { $0.site.lowercased().contains(preferred) && $0.side == side }) {
                return match.celsius
            }
        }
        return candidates.first { $0.side == side }?.celsius ?? candidates.first?.celsius
    }

    /// The sides with any conduction study.
    var studiedSides: [Side] {
        let sides = Set(
            study.motor.map(\.side) + study.sensory.map(\.side) + study.fWaves.map(\.side) + study.hReflexes.map(\.side)
        )
        return Side.allCases.filter(sides.contains)
    }

    var hasConductionStudies: Bool {
        !(study.motor.isEmpty && study.sensory.isEmpty && study.fWaves.isEmpty && study.hReflexes.isEmpty)
    }

    /// Whether the limb of `side` is below the cool-limb threshold.
    func isCool(_ side: Side) -> Bool {
        guard let celsius = covariates.temperature(side) else { return false }
        return celsius < Criteria.coolFoot.value
    }

    mutating func addCovariateNotes() {
        if covariates.ageYears == nil {
            findings.technical.append(
                TechnicalNote(
                    id: "technical.age-missing", kind: .covariateMissing, side: nil,
                    message: "Age not recorded: age-banded limits fall back to the all-subjects limits.", citation: nil)
            )
        }
        if covariates.heightCm == nil {
            findings.technical.append(
                TechnicalNote(
                    id: "technical.height-missing", kind: .covariateMissing, side: nil,
                    message: "Height not recorded: height-banded limits (velocities, latencies) fall back to the "
                        + "all-subjects limits.", citation: nil))
        }
        if covariates.symptomDurationDays == nil {
            findings.technical.append(
                TechnicalNote(
                    id: "technical.duration-missing", kind: .covariateMissing, side: nil,
                    message: "Symptom duration not recorded: acuity is judged from the needle findings alone, and "
                        + "normal muscles are taken as evidence (denervation assumed to have had time to appear).",
                    citation: nil))
        }
        if let days = covariates.symptomDurationDays, days < Criteria.wallerianMotorDays.value, hasConductionStudies {
            findings.technical.append(
                TechnicalNote(
                    id: "technical.too-early-for-axon-loss", kind: .tooEarlyForAxonLoss, side: nil,
                    message: "Study \(Format.number(days)) days after onset: Wallerian degeneration is not complete, "
                        + "so distal amplitudes do not yet measure axon loss and a proximal drop may be early axon "
                        + "loss rather than block. A repeat study after day 10-14 is advised.",
                    citation: Criteria.wallerianMotorDays.citation))
        }
        for side in studiedSides {
            let sideName = side.rawValue
            guard let celsius = covariates.temperature(side) else {
                findings.technical.append(
                    TechnicalNote(
                        id: "technical.temperature-missing.\(sideName)", kind: .temperatureMissing, side: side,
                        message: "No \(sideName) limb temperature recorded: the limb is assumed warm "
                            + "(>= \(Format.number(Criteria.coolFoot.value)) C); slow values could still be due to cooling.",
                        citation: Criteria.coolFoot.citation))
                continue
            }
            if celsius < Criteria.coolFoot.value {
                findings.technical.append(
                    TechnicalNote(
                        id: "technical.cool-limb.\(sideName)", kind: .coolLimb, side: side,
                        message: "Cool \(sideName) limb (\(Format.number(celsius)) C, below "
                            + "\(Format.number(Criteria.coolFoot.value)) C): slow latencies and velocities that warming "
                            + "could explain are marked possibly temperature-related; amplitudes are not corrected.",
                        citation: Criteria.coolFoot.citation))
            }
        }
    }

    mutating func addLimitsNote() {
        let all = findings.measurements.compactMap(\.limit)
        let lab = all.filter { $0.origin == .lab }.count
        let published = all.count - lab
        let unclassified = findings.measurements.filter { $0.classification == .unclassified }.count
        var message =
            preference == .lab
            ? (lab == 0
                ? "Reference limits: published adult norms (\(published) values); the export gave no lab limits."
                : "Reference limits: the lab's own where the export gives them (\(lab) values), published adult "
                    + "norms otherwise (\(published) values).")
            : "Reference limits: published adult norms (\(published) values); the lab's limits are shown beside "
                + "them where exported."
        if unclassified > 0 {
            message +=
                " \(unclassified) value\(unclassified == 1 ? " has" : "s have") no reference limit and "
                + "\(unclassified == 1 ? "is" : "are") reported without a judgement."
        }
        findings.technical.append(
            TechnicalNote(id: "technical.limits", kind: .limitsUsed, side: nil, message: message, citation: nil))
    }
}

extension Side {
    /// `L` or `R`, as in finding ids.
    public var letter: String { self == .left ? "L" : "R" }
    /// `Left` or `Right`, for sentences.
    var title: String { self == .left ? "Left" : "Right" }
}
