public import EDXFindings
public import EDXLocalization
import EDXModel
import EDXReference
import Foundation

extension Impression {
    /// The localization in the words of a signed report (docs/reports.md, "The impression"): the
    /// conclusion in graded clinical wording without model probabilities; the numbers it rests on;
    /// the alternatives left open; what the study could and could not assess; a clinical-correlation
    /// sentence; caveats. The model's probabilities and the argued differential go to the decision-
    /// support section after the signature (``DecisionSupport``) and to the structured diagnoses.
    public init(_ localization: Localization, findings: StudyFindings, statements: FindingStatements) {
        let diagnoses = localization.diagnoses.enumerated().map {
            ReportDiagnosis($1, rank: $0 + 1, statements: statements)
        }
        self.diagnoses = diagnoses
        let scope = StudyScope(findings)
        // The scope says what the study could not assess: the caveats that say the same are not repeated.
        caveats = localization.caveats.filter {
            switch $0 {
            case .noNeedleExamination, .noConductionStudies, .legNotExamined: false
            default: true
            }
        }.map { DiagnosisWording.text($0, statements) }
        self.scope = scope.limits()
        guard let top = diagnoses.first else {
            conclusion = "insufficient-data"
            paragraphs = ["No localization could be made."]
            definitions = []
            correlation = nil
            codes = []
            codeNote = nil
            return
        }
        var paragraphs: [String] = []
        switch top.code {
        case .insufficientData:
            conclusion = "insufficient-data"
            let abnormal =
                findings.measurements.contains { $0.classification.isAbnormal }
                || findings.muscles.contains(where: \.neurogenic) || !findings.nerves.isEmpty
            paragraphs.append(
                (abnormal ? "Abnormal study, insufficient for localization" : "Insufficient data for localization")
                    + ": \(localization.observationCount) lower-limb finding(s) were recorded, fewer than the "
                    + "\(Int(ParameterKey.minimumObservations.value)) a localization needs.")
        case .normalStudy:
            conclusion = "normal"
            paragraphs.append(
                "Normal study of the nerves and muscles tested. There is no electrodiagnostic evidence of "
                    + Self.listed(scope.normalClaims()) + ".")
        default:
            conclusion = "abnormal"
            paragraphs.append("Abnormal study. " + Self.conclusion(top))
            if !top.severityBasis.isEmpty {
                paragraphs.append("Severity is based on: \(top.severityBasis.joined(separator: "; ")).")
            }
        }
        // Alternatives the findings leave open, named without their numbers.
        let open = diagnoses.dropFirst().filter {
            $0.code != .insufficientData && !top.coexisting.contains($0.code)
                && $0.certainty >= .cannotBeExcluded
        }
        if top.code != .insufficientData, !open.isEmpty {
            let names = open.prefix(3).map { Self.article(Self.name($0)) }
            paragraphs.append(
                Self.listed(names).capitalizedFirst + (names.count == 1 ? " cannot" : " cannot") + " be excluded.")
        }
        self.paragraphs = paragraphs
        correlation = Self.correlation(top, indication: nil)
        definitions = Self.definitions(for: diagnoses.prefix(1).compactMap(\.acuity))
        // Codes only for what the impression states without hedging (S160).
        if top.certainty == .definite, top.code != .normalStudy, top.code != .insufficientData {
            var suggestions = top.icd10cm
            for code in top.coexisting { suggestions += ICD10CM.suggestions(for: code, side: top.side) }
            codes = suggestions
            codeNote = nil
        } else {
            codes = []
            codeNote =
                top.code == .normalStudy || top.code == .insufficientData
                ? nil
                : "No diagnosis code is suggested: the impression states the diagnosis with uncertainty; code the "
                    + "presenting signs and symptoms instead (S160)."
        }
    }

    /// `G57.32 Lesion of lateral popliteal nerve, left lower limb. Includes …`: the suggested codes, as
    /// every format lists them.
    var codeLines: [String] {
        codes.map { "\($0.code) \($0.description)" + ($0.note.map { ". \($0)" } ?? "") }
    }

    /// The leading diagnosis in the words of its certainty band (S159; cut-offs in docs/reports.md).
    private static func conclusion(_ diagnosis: ReportDiagnosis) -> String {
        var named = (diagnosis.severity.map { "\($0.rawValue) " } ?? "") + name(diagnosis)
        if let pathophysiology = diagnosis.pathophysiology, let words = pathophysiologyWords(pathophysiology) {
            named += ", \(words)"
        }
        if !diagnosis.coexisting.isEmpty {
            named +=
                ", with a coexisting " + diagnosis.coexisting.map(DiagnosisWording.words).joined(separator: " and ")
        }
        if let acuity = diagnosis.acuity, let words = acuityWords(acuity) { named += "; \(words)" }
        switch diagnosis.certainty {
        case .definite: return "There is electrodiagnostic evidence of \(article(named))."
        case .highlySuggestive: return "The findings are highly suggestive of \(article(named))."
        case .mostLikely: return "The findings most likely represent \(article(named))."
        default: return "The findings are equivocal; they may represent \(article(named))."
        }
    }

    /// A sentence that ties the findings to the examination the electromyographer made.
    private static func correlation(_ diagnosis: ReportDiagnosis, indication: String?) -> String? {
        switch diagnosis.code {
        case .insufficientData:
            return nil
        case .normalStudy:
            return "Clinical correlation: normal studies do not exclude a disorder of the nerves and muscles that "
                + "were not tested, or of the small sensory fibres."
        case .outsideModel:
            return "Clinical correlation: the pattern lies outside the lower-limb lesion model; it should be read "
                + "with the history and examination, and the study advised below."
        default:
            return "Clinical correlation: the findings localize to \(article(name(diagnosis))); weakness, sensory "
                + "loss and reflex changes in that territory would confirm it."
        }
    }

    /// `left common peroneal (fibular) neuropathy at the fibular head`; no side for bilateral.
    static func name(_ diagnosis: ReportDiagnosis) -> String {
        diagnosis.name.lowercasedFirst
    }

    /// `a left …`, `an L5 …`: the indefinite article for a diagnosis name.
    static func article(_ words: String) -> String {
        let first = words.first.map { String($0) } ?? ""
        // Root names read as letters: "an L5 radiculopathy", "an S1 radiculopathy".
        let vowelSound = "aeio".contains(first.lowercased()) || ["L", "S"].contains(first)
        return (vowelSound ? "an " : "a ") + words
    }

    static func listed(_ items: [String]) -> String {
        switch items.count {
        case 0: return ""
        case 1: return items[0]
        case 2: return "\(items[0]) or \(items[1])"
        default: return items.dropLast().joined(separator: ", ") + " or " + (items.last ?? "")
        }
    }

    /// The acuity terms, worded as S69 found them read consistently ("acute, active"; "chronic, inactive").
    static func acuityWords(_ acuity: DiagnosisAcuity) -> String? {
        switch acuity {
        case .acute: "acute, active"
        case .subacuteOrChronicActive: "subacute or chronic, active"
        case .chronicInactive: "chronic, inactive"
        case .tooEarly: "studied too early for fibrillation potentials to show"
        case .undetermined: nil
        }
    }

    static func pathophysiologyWords(_ pathophysiology: Pathophysiology) -> String? {
        switch pathophysiology {
        case .axonal: "axonal"
        case .demyelinating: "with focal demyelinating slowing"
        case .conductionBlock: "with conduction block (demyelinating)"
        case .mixed: "with conduction block and axon loss"
        case .slowingAndAxonLoss: "with focal slowing and axon loss"
        case .undetermined: nil
        }
    }

    private static func definitions(for acuities: [DiagnosisAcuity]) -> [String] {
        var seen = Set<String>()
        var lines: [String] = []
        for acuity in acuities where seen.insert(acuity.rawValue).inserted {
            switch acuity {
            case .acute:
                lines.append(
                    "\"Acute, active\": fibrillation potentials or positive sharp waves with motor units of normal "
                        + "size and duration (denervation without reinnervation yet).")
            case .subacuteOrChronicActive:
                lines.append(
                    "\"Subacute or chronic, active\": fibrillation potentials or positive sharp waves together with "
                        + "large or long-duration motor units (ongoing denervation with reinnervation).")
            case .chronicInactive:
                lines.append(
                    "\"Chronic, inactive\": large or long-duration motor units without fibrillation potentials "
                        + "(reinnervation, no ongoing denervation).")
            case .tooEarly:
                lines.append(
                    "\"Too early\": the study was made before fibrillation potentials are expected in the muscles "
                        + "examined, so their absence does not exclude denervation.")
            case .undetermined:
                break
            }
        }
        return lines
    }

    /// `98 %`; `> 99 %` and `< 1 %` at the ends, where a rounded 100 % or 0 % would claim certainty.
    static func percent(_ probability: Double) -> String {
        if probability >= 0.995 { return "> 99 %" }
        if probability > 0 && probability < 0.005 { return "< 1 %" }
        return Format.percent(probability * 100)
    }
}

extension DecisionSupport {
    /// The model's view, for the electromyographer and never signed: each diagnosis with its
    /// probability, what separates the leading one from the next (only findings whose expected state
    /// differs between the two), what argues against the others, and what was not tested.
    init(_ impression: Impression) {
        let differential = impression.diagnoses.filter { $0.code != .insufficientData }
        self.differential = differential.prefix(5).map { diagnosis in
            var parts = [diagnosis.name, Impression.percent(diagnosis.probability)]
            // Severity and acuity describe the leading diagnosis; for the others they would be hypothetical.
            if diagnosis.rank == 1, let severity = diagnosis.severity { parts.append(severity.rawValue) }
            if diagnosis.rank == 1, let acuity = diagnosis.acuity, let words = Impression.acuityWords(acuity) {
                parts.append(words)
            }
            return "\(diagnosis.rank). " + parts.joined(separator: ", ")
        }
        var paragraphs: [String] = []
        if let top = differential.first {
            let alternatives = differential.dropFirst()
            if let runnerUp = alternatives.first, top.code != .normalStudy {
                paragraphs.append(
                    top.coexisting.contains(runnerUp.code)
                        ? Self.coexisting(runnerUp) : Self.separating(top, from: runnerUp))
            } else if top.code != .normalStudy, let rest = Self.restsOn(top) {
                paragraphs.append(rest)
            }
            for alternative in alternatives.dropFirst().prefix(top.code == .normalStudy ? 0 : 2) {
                paragraphs.append(Self.against(alternative))
            }
            if !top.notTested.isEmpty {
                paragraphs.append("Not tested, and involved by this lesion: \(top.notTested.joined(separator: "; ")).")
            }
        }
        self.paragraphs = paragraphs
        note =
            "Probabilities are those of the edx model given these findings and its priors, not of the patient: "
            + "docs/localization.md explains them and shows how well they are calibrated."
    }

    /// A finding separates two diagnoses when its expected state differs between them: it moves the
    /// odds by at least ``ParameterKey/separatingWeight``.
    private static func separates(_ evidence: ReportEvidence) -> Bool {
        evidence.discriminating && abs(evidence.weight) >= ParameterKey.separatingWeight.value
    }

    private static func restsOn(_ diagnosis: ReportDiagnosis) -> String? {
        let statements = diagnosis.evidenceFor.prefix(6).map(\.statement.inSentence)
        guard !statements.isEmpty else { return nil }
        return "This rests on: \(statements.joined(separator: "; "))."
    }

    private static func coexisting(_ diagnosis: ReportDiagnosis) -> String {
        let title = "\(Impression.name(diagnosis)) (\(Impression.percent(diagnosis.probability)))"
        let support = diagnosis.evidenceFor.filter(separates).prefix(4).map(\.statement.inSentence)
        guard !support.isEmpty else { return "The coexisting \(title) is part of the leading explanation." }
        return "The coexisting \(title) rests on: \(support.joined(separator: "; "))."
    }

    /// The findings that separate the leading diagnosis from the runner-up: its own discriminating
    /// evidence and the discriminating evidence against the runner-up, each finding once.
    private static func separating(_ top: ReportDiagnosis, from runnerUp: ReportDiagnosis) -> String {
        var seen = Set<String>()
        let items = (top.evidenceFor + runnerUp.evidenceAgainst).filter(separates)
            .filter { seen.insert($0.finding).inserted }
        let title = "\(Impression.name(runnerUp)) (\(Impression.percent(runnerUp.probability)))"
        guard !items.isEmpty else { return "No finding of this study separates it from \(title)." }
        let statements = items.prefix(6).map(\.statement.inSentence)
        return "What separates it from \(title): \(statements.joined(separator: "; "))."
    }

    private static func against(_ diagnosis: ReportDiagnosis) -> String {
        let title = "\(Impression.name(diagnosis)) (\(Impression.percent(diagnosis.probability)))"
        let against = diagnosis.evidenceAgainst.filter(separates).prefix(4).map(\.statement.inSentence)
        if !against.isEmpty { return "Against \(title): \(against.joined(separator: "; "))." }
        let unexplained = diagnosis.evidenceAgainst.prefix(3).map(\.statement.inSentence)
        if !unexplained.isEmpty {
            return "\(title.capitalizedFirst) leaves unexplained: \(unexplained.joined(separator: "; "))."
        }
        return "\(title.capitalizedFirst) is less likely; no single finding separates it."
    }
}

extension ReportDiagnosis {
    init(_ diagnosis: Diagnosis, rank: Int, statements: FindingStatements) {
        func evidence(_ item: EvidenceItem) -> ReportEvidence {
            ReportEvidence(
                finding: item.finding.rawValue, statement: DiagnosisWording.statement(item.statement, statements),
                weight: item.weight, discriminating: item.discriminating)
        }
        let side = diagnosis.patternSide.map { Laterality($0) } ?? diagnosis.side
        self.init(
            rank: rank, code: diagnosis.code,
            name: DiagnosisWording.name(
                diagnosis.code, side: side, level: diagnosis.level, pattern: diagnosis.pattern, form: diagnosis.form
            ).capitalizedFirst,
            side: diagnosis.side, level: diagnosis.level.map(DiagnosisWording.words), levelCode: diagnosis.level,
            probability: diagnosis.probability, certainty: Certainty(probability: diagnosis.probability),
            severity: diagnosis.severity, severityBasis: diagnosis.severityBasis.map(DiagnosisWording.text),
            acuity: diagnosis.acuity, pathophysiology: diagnosis.pathophysiology,
            evidenceFor: diagnosis.evidence.for.map(evidence),
            evidenceAgainst: diagnosis.evidence.against.map(evidence),
            notTested: diagnosis.notTested.map(DiagnosisWording.text), coexisting: diagnosis.coexisting,
            pattern: diagnosis.pattern, patternSide: diagnosis.patternSide, form: diagnosis.form,
            icd10cm: ICD10CM.suggestions(
                for: diagnosis.code, side: side, level: diagnosis.level, pattern: diagnosis.pattern))
    }
}

extension String {
    /// A finding's statement inside a sentence: `Left peroneal …; Right sural …` becomes
    /// `left peroneal …; right sural …`.
    var inSentence: String {
        lowercasedFirst.replacingOccurrences(of: "; Left ", with: "; left ")
            .replacingOccurrences(of: "; Right ", with: "; right ")
    }

    var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
    var lowercasedFirst: String {
        // Keep root names (L5, S1) and acronyms as they are.
        guard count > 1, let second = dropFirst().first, second.isLowercase else { return self }
        return prefix(1).lowercased() + dropFirst()
    }
}
