import EDXFindings
public import EDXLocalization
import EDXModel
import EDXReference
import Foundation

extension Impression {
    /// The localization in the words of a signed report: the conclusion with severity, acuity and
    /// pathophysiology; what it rests on; the evidence against the main alternatives; what was not
    /// tested. Every sentence is built from the structured diagnoses, which are kept beside it.
    public init(_ localization: Localization, statements: FindingStatements) {
        let diagnoses = localization.diagnoses.enumerated().map {
            ReportDiagnosis($1, rank: $0 + 1, statements: statements)
        }
        self.diagnoses = diagnoses
        caveats = localization.caveats.map { DiagnosisWording.text($0, statements) }
        guard let top = diagnoses.first else {
            conclusion = "insufficient-data"
            paragraphs = ["No localization could be made."]
            definitions = []
            return
        }
        var paragraphs: [String] = []
        switch top.code {
        case .insufficientData:
            conclusion = "insufficient-data"
            paragraphs.append(
                "Insufficient data for localization: \(localization.observationCount) lower-limb finding(s) "
                    + "(at least \(Int(ParameterKey.minimumObservations.value)) are needed).")
        case .normalStudy:
            conclusion = "normal"
            var text =
                "Normal study. There is no electrodiagnostic evidence of a lower-limb mononeuropathy, lumbosacral "
                + "plexopathy, radiculopathy or polyneuropathy in the nerves and muscles tested"
            if top.probability >= 0.9 {
                text += " (probability \(Self.percent(top.probability)) under the edx model)."
            } else {
                text +=
                    ". Under the edx model the probability of no lesion is \(Self.percent(top.probability)): normal "
                    + "results exclude a mild lesion only partly, most of all where studies were not done."
            }
            paragraphs.append(text)
        default:
            conclusion = "abnormal"
            paragraphs.append("Abnormal study. " + Self.conclusion(top))
            if !top.severityBasis.isEmpty {
                paragraphs.append("Severity is based on: \(top.severityBasis.joined(separator: "; ")).")
            }
        }
        let alternatives = diagnoses.dropFirst().filter { $0.code != .insufficientData }
        if top.code != .insufficientData {
            if let runnerUp = alternatives.first, top.code != .normalStudy {
                // Marginal probabilities that add up to well over 100 % mean that the model puts both
                // lesions in the same explanation: a possible second lesion, not a rival.
                paragraphs.append(
                    top.probability + runnerUp.probability > 1.05
                        ? Self.coexisting(runnerUp) : Self.separating(top, from: runnerUp))
            } else if top.code != .normalStudy, let rest = Self.restsOn(top) {
                paragraphs.append(rest)
            }
        }
        // Alternatives are argued against only for an abnormal study; a normal study lists them in the differential.
        for alternative in alternatives.dropFirst().prefix(top.code == .normalStudy ? 0 : 2) {
            paragraphs.append(Self.against(alternative))
        }
        if let runnerUp = alternatives.first, top.probability - runnerUp.probability < 0.2,
            localization.suggestedTests.isEmpty
        {
            paragraphs.append(
                "The two leading localizations are close, and every study that separates them in the edx model "
                    + "has already been done: the choice between them rests on the electromyographer's judgement.")
        }
        if !top.notTested.isEmpty {
            paragraphs.append("Not tested: \(top.notTested.joined(separator: "; ")).")
        }
        self.paragraphs = paragraphs
        definitions = Self.definitions(for: diagnoses.prefix(2).compactMap(\.acuity))
    }

    /// `G57.32 Lesion of lateral popliteal nerve, left lower limb. Includes …`: the suggested codes
    /// of the leading diagnosis and of the lesions that coexist with it, as every format lists them.
    var codeLines: [String] {
        guard let top = diagnoses.first else { return [] }
        var suggestions = top.icd10cm
        for code in top.coexisting { suggestions += ICD10CM.suggestions(for: code, side: top.side) }
        return suggestions.map { "\($0.code) \($0.description)" + ($0.note.map { ". \($0)" } ?? "") }
    }

    /// The wording cut-offs of the impression are ours [P] (docs/reports.md): "most consistent with"
    /// at a probability of 0.9 or more, "favour" at 0.6, "equivocal" below; a runner-up whose
    /// probability adds to the leading one's past 1.05 is a coexisting lesion; two diagnoses within
    /// 0.2 are a close call.
    private static func conclusion(_ diagnosis: ReportDiagnosis) -> String {
        let lead =
            diagnosis.probability >= 0.9
            ? "The findings are most consistent with"
            : diagnosis.probability >= 0.6
                ? "The findings favour" : "The findings are equivocal; the most likely localization is"
        let named = (diagnosis.severity.map { "\($0.rawValue) " } ?? "") + name(diagnosis)
        var sentence = "\(lead) \(article(for: named)) \(named)"
        if let pathophysiology = diagnosis.pathophysiology, let words = pathophysiologyWords(pathophysiology) {
            sentence += ", \(words)"
        }
        if !diagnosis.coexisting.isEmpty {
            sentence +=
                ", with a coexisting " + diagnosis.coexisting.map(DiagnosisWording.words).joined(separator: " and ")
        }
        if let acuity = diagnosis.acuity, let words = acuityWords(acuity) { sentence += "; \(words)" }
        return sentence + " (probability \(percent(diagnosis.probability)) under the edx model)."
    }

    private static func restsOn(_ diagnosis: ReportDiagnosis) -> String? {
        let statements = diagnosis.evidenceFor.prefix(6).map(\.statement.inSentence)
        guard !statements.isEmpty else { return nil }
        return "This rests on: \(statements.joined(separator: "; "))."
    }

    private static func coexisting(_ diagnosis: ReportDiagnosis) -> String {
        let title = "\(name(diagnosis)) (\(percent(diagnosis.probability)))"
        let support = diagnosis.evidenceFor.prefix(4).map(\.statement.inSentence)
        guard !support.isEmpty else { return "A coexisting \(title) is possible." }
        return "A coexisting \(title) is possible, on: \(support.joined(separator: "; "))."
    }

    /// The findings that favour the leading diagnosis over the runner-up: its own evidence and the
    /// evidence against the runner-up, each finding once.
    private static func separating(_ top: ReportDiagnosis, from runnerUp: ReportDiagnosis) -> String {
        var seen = Set<String>()
        let items = (top.evidenceFor + runnerUp.evidenceAgainst).filter { seen.insert($0.finding).inserted }
        let title = "\(name(runnerUp)) (\(percent(runnerUp.probability)))"
        guard !items.isEmpty else { return "No single finding separates it from \(title)." }
        let statements = items.prefix(6).map(\.statement.inSentence)
        return "What separates it from \(title): \(statements.joined(separator: "; "))."
    }

    private static func against(_ diagnosis: ReportDiagnosis) -> String {
        let title = "\(name(diagnosis).capitalizedFirst) (\(percent(diagnosis.probability)))"
        let against = diagnosis.evidenceAgainst.prefix(4).map(\.statement.inSentence)
        if !against.isEmpty { return "Against \(title.lowercasedFirst): \(against.joined(separator: "; "))." }
        let support = diagnosis.evidenceFor.prefix(3).map(\.statement.inSentence)
        if support.isEmpty { return "\(title) is less likely; no single finding separates it." }
        return "\(title) cannot be excluded: \(support.joined(separator: "; "))."
    }

    /// `left common peroneal (fibular) neuropathy at the fibular head`; no side for bilateral.
    static func name(_ diagnosis: ReportDiagnosis) -> String {
        name(diagnosis.code, diagnosis.side, diagnosis.levelCode)
    }

    static func name(_ code: DiagnosisCode, _ side: Laterality, _ level: LesionLevel?) -> String {
        let words = DiagnosisWording.name(code, level: level)
        return side == .bilateral ? words : "\(side.rawValue) \(words)"
    }

    private static func article(for words: String) -> String {
        let first = words.first.map { String($0).lowercased() } ?? ""
        return "aeio".contains(first) ? "an" : "a"
    }

    /// The acuity terms, worded as S69 found them read consistently ("acute, active"; "chronic, inactive").
    static func acuityWords(_ acuity: DiagnosisAcuity) -> String? {
        switch acuity {
        case .acute: "acute, active"
        case .subacuteOrChronicActive: "subacute or chronic, active"
        case .chronicInactive: "chronic, inactive"
        case .tooEarly: "studied too early for denervation to show"
        case .undetermined: nil
        }
    }

    static func pathophysiologyWords(_ pathophysiology: Pathophysiology) -> String? {
        switch pathophysiology {
        case .axonal: "axonal"
        case .demyelinating: "with focal demyelinating slowing"
        case .conductionBlock: "with conduction block (demyelinating)"
        case .mixed: "with both conduction block and axon loss"
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

extension ReportDiagnosis {
    init(_ diagnosis: Diagnosis, rank: Int, statements: FindingStatements) {
        func evidence(_ item: EvidenceItem) -> ReportEvidence {
            ReportEvidence(
                finding: item.finding.rawValue, statement: DiagnosisWording.statement(item.statement, statements),
                weight: item.weight)
        }
        self.init(
            rank: rank, code: diagnosis.code,
            name: Impression.name(diagnosis.code, diagnosis.side, diagnosis.level).capitalizedFirst,
            side: diagnosis.side, level: diagnosis.level.map(DiagnosisWording.words), levelCode: diagnosis.level,
            probability: diagnosis.probability, severity: diagnosis.severity,
            severityBasis: diagnosis.severityBasis.map(DiagnosisWording.text), acuity: diagnosis.acuity,
            pathophysiology: diagnosis.pathophysiology, evidenceFor: diagnosis.evidence.for.map(evidence),
            evidenceAgainst: diagnosis.evidence.against.map(evidence),
            notTested: diagnosis.notTested.map(DiagnosisWording.text), coexisting: diagnosis.coexisting,
            icd10cm: ICD10CM.suggestions(
                    for: diagnosis.code, side: diagnosis.side, level: diagnosis.level, pattern: diagnosis.pattern))
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
