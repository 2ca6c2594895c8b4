public import EDXModel
import EDXReference

/// Turns an imported study into ``StudyFindings``: every value against its limit, left against right,
/// the pathophysiology of each nerve and the needle findings of each muscle. Missing covariates
/// never stop the interpretation; each finding states what was assumed.
///
/// The work is done by rules, one type each (`Sources/EDXFindings/Rules`), run in the order of
/// ``pipeline``. A rule reads the study and the findings of the rules before it, and adds findings.
public struct Interpreter: Sendable {
    public var preference: LimitPreference
    /// A lab profile's limits, for values whose export carries no lab limit of its own.
    public var labLimits: LabProfileLimits?

    public init(preference: LimitPreference = .lab, labLimits: LabProfileLimits? = nil) {
        self.preference = preference
        self.labLimits = labLimits
    }

    public func interpret(_ study: Study) -> StudyFindings {
        var context = Context(study: study, preference: preference, labLimits: labLimits)
        for step in Self.pipeline { step.run(&context) }
        return context.findings
    }

    /// Every rule, in the order it runs. Per-study rules run once; per-entry rules run for each motor
    /// study (sensory study, F wave, H reflex, muscle) in export order, and a rule may end the
    /// remaining rules of its step for that entry.
    static let pipeline: [PipelineStep] = [
        .study(CovariateNotes()),
        .eachMotor([MotorValues()]),
        .eachSensory([SensoryValues()]),
        .eachFWave([FWaveValue()]),
        .eachHReflex([HReflexValue()]),
        .study(SideToSideComparisons()),
        .eachMotor([
            AbsentMotorResponse(), MotorAxonLoss(), BlockAndDispersion(), FocalSlowingAcrossFibularHead(),
            SlowingRange(), ProlongedDistalDuration(),
        ]),
        .eachSensory([SensoryAxonLoss(), SensorySlowing()]),
        .study(LateResponses()),
        .study(HReflexAsymmetry()),
        .eachMuscle([NeedleMuscle()]),
        .study(LimitsNote()),
    ]

    /// The names of the rules in the order they run, for the documentation.
    public static var ruleOrder: [String] {
        pipeline.flatMap(\.ruleNames)
    }
}

/// What a rule tells the pipeline after it ran on one entry.
enum RuleOutcome {
    /// Run the next rule of the step on this entry.
    case next
    /// This rule settled the entry: skip the remaining rules of the step for it.
    case settled
}

/// A rule that runs once per study.
protocol StudyRule: Sendable {
    func apply(to context: inout Context)
}

/// A rule that runs once for each entry of one kind (a motor study, a muscle …).
protocol EntryRule<Entry>: Sendable {
    associatedtype Entry
    func apply(_ entry: Entry, to context: inout Context) -> RuleOutcome
}

/// One step of the pipeline.
enum PipelineStep: Sendable {
    case study(any StudyRule)
    case eachMotor([any EntryRule<MotorStudy>])
    case eachSensory([any EntryRule<SensoryStudy>])
    case eachFWave([any EntryRule<FWaveStudy>])
    case eachHReflex([any EntryRule<HReflexStudy>])
    case eachMuscle([any EntryRule<NeedleExam>])

    func run(_ context: inout Context) {
        switch self {
        case .study(let rule): rule.apply(to: &context)
        case .eachMotor(let rules): Self.each(context.study.motor, rules, &context)
        case .eachSensory(let rules): Self.each(context.study.sensory, rules, &context)
        case .eachFWave(let rules): Self.each(context.study.fWaves, rules, &context)
        case .eachHReflex(let rules): Self.each(context.study.hReflexes, rules, &context)
        case .eachMuscle(let rules): Self.each(context.study.needle, rules, &context)
        }
    }

    private static func each<Entry>(_ entries: [Entry], _ rules: [any EntryRule<Entry>], _ context: inout Context) {
        for entry in entries {
            for rule in rules where rule.apply(entry, to: &context) == .settled { break }
        }
    }

    var ruleNames: [String] {
        func names(_ rules: [Any]) -> [String] { rules.map { String(describing: type(of: $0)) } }
        return switch self {
        case .study(let rule): names([rule])
        case .eachMotor(let rules): names(rules)
        case .eachSensory(let rules): names(rules)
        case .eachFWave(let rules): names(rules)
        case .eachHReflex(let rules): names(rules)
        case .eachMuscle(let rules): names(rules)
        }
    }
}

/// The working state of one interpretation: the study, the limit preference, a lab profile's limits,
/// and the findings so far.
struct Context {
    let study: Study
    let preference: LimitPreference
    let labLimits: LabProfileLimits?
    var findings: StudyFindings

    init(study: Study, preference: LimitPreference, labLimits: LabProfileLimits? = nil) {
        self.study = study
        self.preference = preference
        self.labLimits = labLimits
        let covariates = Covariates(
            ageYears: study.patient.ageYears, heightCm: study.patient.heightCm,
            symptomDurationDays: study.symptomDurationDays,
            temperatureLeftC: Self.temperature(of: .left, in: study),
            temperatureRightC: Self.temperature(of: .right, in: study))
        findings = StudyFindings(studyID: study.id, covariates: covariates)
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

    /// Studied so soon after onset that a distal CMAP does not yet measure axon loss.
    var withinMotorWallerianWindow: Double? {
        guard let days = covariates.symptomDurationDays, days < Criteria.wallerianMotorDays.value else { return nil }
        return days
    }

    /// The amplitude finding of the distal site of a study.
    func distalAmplitude(_ key: StudyKey, _ side: Side, _ site: SiteKey) -> MeasurementFinding? {
        findings.measurement(.measurement(key, side, .site(site), .amplitude))
    }
}
