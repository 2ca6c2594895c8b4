import EDXImport
public import EDXLocalization
import EDXModel
public import EDXReference
import StrictCSV

/// One case of a corpus: a study file and the localization written for it from clinical sources.
public struct ExpectedCase: Sendable, Hashable, Codable {
    public var file: String
    public var studyID: String
    public var code: DiagnosisCode
    public var side: Laterality
    public var severity: Severity?
    public var secondCode: DiagnosisCode?
    public var secondSide: Laterality?
    public var rationale: String
}

/// The engine's answer for one case.
public struct CaseResult: Sendable, Hashable, Encodable {
    public var expected: ExpectedCase
    /// The ranked (code, side, probability) of the engine, first two entries.
    public var first: Diagnosis?
    public var second: Diagnosis?
    /// Import or analysis failure, if any.
    public var error: String?

    public var top1: Bool { first?.code == expected.code }
    public var top1WithSide: Bool { top1 && first?.side == expected.side }
    public var top2: Bool { top1 || second?.code == expected.code }
    public var confidentlyWrong: Bool { !top1 && (first?.probability ?? 0) >= 0.9 }
    /// For coexisting lesions: the second lesion is named in the first two entries or as coexisting.
    public var secondFound: Bool? {
        guard let code = expected.secondCode else { return nil }
        return first?.coexisting.contains(code) == true || second?.code == code || first?.code == code
    }
}

/// The accuracy of the engine on a corpus.
public struct EvaluationReport: Sendable, Encodable {
    public var results: [CaseResult]

    public var count: Int { results.count }
    public var top1: Double { fraction(\.top1) }
    public var top2: Double { fraction(\.top2) }
    /// Side accuracy over the cases whose first diagnosis has the right code.
    public var side: Double {
        let right = results.filter(\.top1)
        return right.isEmpty ? 0 : Double(right.filter(\.top1WithSide).count) / Double(right.count)
    }
    public var confidentlyWrong: [CaseResult] { results.filter(\.confidentlyWrong) }
    /// Severity agreement over the cases with a severity and the right first code.
    public var severity: Double {
        let graded = results.filter { $0.top1 && $0.expected.severity != nil }
        guard !graded.isEmpty else { return 0 }
        return Double(graded.filter { $0.first?.severity == $0.expected.severity }.count) / Double(graded.count)
    }

    private func fraction(_ predicate: (CaseResult) -> Bool) -> Double {
        results.isEmpty ? 0 : Double(results.filter(predicate).count) / Double(results.count)
    }

    /// Expected code → predicted code → count.
    public var confusion: [DiagnosisCode: [DiagnosisCode: Int]] {
        var table: [DiagnosisCode: [DiagnosisCode: Int]] = [:]
        for result in results {
            let predicted = result.first?.code ?? .insufficientData
            table[result.expected.code, default: [:]][predicted, default: 0] += 1
        }
        return table
    }
}

public enum CorpusError: Error, CustomStringConvertible {
    case manifest(String)

    public var description: String {
        switch self {
        case .manifest(let message): message
        }
    }
}

/// Runs the engine over a corpus directory holding study files and `expected.csv`.
public enum CorpusEvaluation {
    public static func run(directory: String) throws -> EvaluationReport {
        let cases = try readManifest(directory + "/expected.csv")
        var results: [CaseResult] = []
        for expected in cases {
            var analyses: [StudyAnalysis] = []
            var errors: [String] = []
            let summary = StudyImporter.importFile(at: directory + "/" + expected.file) { imported in
                if let study = imported.study {
                    analyses.append(StudyAnalysis.analyze(study))
                } else {
                    errors += imported.diagnostics.map(\.description)
                }
            }
            errors += summary.fileDiagnostics.filter { $0.severity == .error }.map(\.description)
            let analysis = analyses.first { $0.study.id == expected.studyID } ?? analyses.first
            let diagnoses = analysis?.localization.diagnoses ?? []
            results.append(
                CaseResult(
                    expected: expected, first: diagnoses.first, second: diagnoses.dropFirst().first,
                    error: analysis == nil ? (errors.first ?? "no study imported") : nil))
        }
        return EvaluationReport(results: results)
    }

    /// Reads `file,study_id,code,side,severity,second_code,second_side,rationale`.
    public static func readManifest(_ path: String) throws -> [ExpectedCase] {
        var tokenizer = try CSVTokenizer(path: path)
        guard let header = try tokenizer.next() else { throw CorpusError.manifest("\(path): empty manifest") }
        let columns = Dictionary(uniqueKeysWithValues: header.fields.enumerated().map { ($1, $0) })
        for required in ["file", "study_id", "code", "side"] where columns[required] == nil {
            throw CorpusError.manifest("\(path):1: missing column \(required)")
        }
        func field(_ record: CSVRecord, _ name: String) -> String {
            guard let index = columns[name], index < record.fields.count else { return "" }
            return record.fields[index]
        }
        var cases: [ExpectedCase] = []
        while let record = try tokenizer.next() {
            if record.isBlank { continue }
            guard let code = DiagnosisCode(rawValue: field(record, "code")),
                let side = Laterality(rawValue: field(record, "side"))
            else {
                throw CorpusError.manifest("\(path):\(record.line): unknown code or side")
            }
            let severity = field(record, "severity")
            let secondCode = field(record, "second_code")
            let secondSide = field(record, "second_side")
            cases.append(
                ExpectedCase(
                    file: field(record, "file"), studyID: field(record, "study_id"), code: code, side: side,
                    severity: severity.isEmpty ? nil : Severity(rawValue: severity),
                    secondCode: secondCode.isEmpty ? nil : DiagnosisCode(rawValue: secondCode),
                    secondSide: secondSide.isEmpty ? nil : Laterality(rawValue: secondSide),
                    rationale: field(record, "rationale")))
        }
        return cases
    }
}
