import EDXImport
package import EDXLabProfile
package import EDXLocalization
import EDXModel
package import EDXReference
import Foundation
import StrictCSV

/// One case of a corpus: a study file and the localization written for it from clinical sources.
package struct ExpectedCase: Sendable, Hashable, Codable {
    package var file: String
    package var studyID: String
    package var code: DiagnosisCode
    package var side: Laterality
    package var severity: Severity?
    package var secondCode: DiagnosisCode?
    package var secondSide: Laterality?
    package var rationale: String
}

/// The engine's answer for one case.
package struct CaseResult: Sendable, Hashable, Encodable {
    package var expected: ExpectedCase
    /// The ranked (code, side, probability) of the engine, first two entries.
    package var first: Diagnosis?
    package var second: Diagnosis?
    /// Import or analysis failure, if any.
    package var error: String?

    package var top1: Bool { first?.code == expected.code }
    package var top1WithSide: Bool { top1 && first?.side == expected.side }
    package var top2: Bool { top1 || second?.code == expected.code }
    package var confidentlyWrong: Bool { !top1 && (first?.probability ?? 0) >= 0.9 }
    /// For coexisting lesions: the second lesion is named in the first two entries or as coexisting.
    package var secondFound: Bool? {
        guard let code = expected.secondCode else { return nil }
        return first?.coexisting.contains(code) == true || second?.code == code || first?.code == code
    }
}

/// The accuracy of the engine on a corpus.
package struct EvaluationReport: Sendable, Encodable {
    package var results: [CaseResult]

    package var count: Int { results.count }
    package var top1: Double { fraction(\.top1) }
    package var top2: Double { fraction(\.top2) }
    /// Side accuracy over the cases whose first diagnosis has the right code.
    package var side: Double {
        let right = results.filter(\.top1)
        return right.isEmpty ? 0 : Double(right.filter(\.top1WithSide).count) / Double(right.count)
    }
    package var confidentlyWrong: [CaseResult] { results.filter(\.confidentlyWrong) }
    /// Severity agreement over the cases with a severity and the right first code.
    package var severity: Double {
        let graded = results.filter { $0.top1 && $0.expected.severity != nil }
        guard !graded.isEmpty else { return 0 }
        return Double(graded.filter { $0.first?.severity == $0.expected.severity }.count) / Double(graded.count)
    }

    private func fraction(_ predicate: (CaseResult) -> Bool) -> Double {
        results.isEmpty ? 0 : Double(results.filter(predicate).count) / Double(results.count)
    }

    /// Brier score of the first diagnosis: the mean of (p - correct)^2, where p is the probability
    /// the engine gives its first diagnosis and correct is 1 when that code (and side) is right. 0 is
    /// perfect; always answering 0.5 scores 0.25.
    package var brier: Double {
        guard !results.isEmpty else { return 0 }
        return results.reduce(0.0) { sum, result in
            let p = result.first?.probability ?? 0
            let correct: Double = result.top1WithSide ? 1 : 0
            return sum + (p - correct) * (p - correct)
        } / Double(results.count)
    }

    /// One bin of the reliability table: the cases whose first diagnosis had a probability in
    /// `lower..<upper`, and how often that first diagnosis was right.
    package struct CalibrationBin: Sendable, Encodable {
        package var lower: Double
        package var upper: Double
        package var count: Int
        package var meanProbability: Double
        package var accuracy: Double
    }

    /// The reliability table: predicted probability of the first diagnosis in bins (below 0.5, then
    /// tenths up to 0.9, then 0.9-0.99 and 0.99 or more) against observed top-1 accuracy with side.
    package var calibration: [CalibrationBin] {
        let edges: [Double] = [0, 0.5, 0.6, 0.7, 0.8, 0.9, 0.99, 1.0001]
        return zip(edges, edges.dropFirst()).compactMap { lower, upper in
            let inBin = results.filter {
                let p = $0.first?.probability ?? 0
                return p >= lower && p < upper
            }
            guard !inBin.isEmpty else { return nil }
            let mean = inBin.reduce(0.0) { $0 + ($1.first?.probability ?? 0) } / Double(inBin.count)
            let right = Double(inBin.filter(\.top1WithSide).count) / Double(inBin.count)
            return CalibrationBin(
                lower: lower, upper: min(upper, 1), count: inBin.count, meanProbability: mean, accuracy: right)
        }
    }

    /// Expected code → predicted code → count.
    package var confusion: [DiagnosisCode: [DiagnosisCode: Int]] {
        var table: [DiagnosisCode: [DiagnosisCode: Int]] = [:]
        for result in results {
            let predicted = result.first?.code ?? .insufficientData
            table[result.expected.code, default: [:]][predicted, default: 0] += 1
        }
        return table
    }
}

package enum CorpusError: Error, CustomStringConvertible {
    case manifest(String)

    package var description: String {
        switch self {
        case .manifest(let message): message
        }
    }
}

/// Runs the engine over a corpus directory holding study files and `expected.csv`.
package enum CorpusEvaluation {
    /// Evaluates every case of `directory`, reading and analyzing with `profile` when one is given.
    package static func run(directory: String, profile: LabProfile? = nil) throws -> EvaluationReport {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isFolder) else {
            throw CorpusError.manifest("\(directory): no such folder")
        }
        guard isFolder.boolValue else {
            throw CorpusError.manifest("\(directory): not a folder (give the corpus folder that holds expected.csv)")
        }
        guard FileManager.default.fileExists(atPath: directory + "/expected.csv") else {
            throw CorpusError.manifest("\(directory): no expected.csv (the corpus manifest) in this folder")
        }
        let cases = try readManifest(directory + "/expected.csv")
        var results: [CaseResult] = []
        for expected in cases {
            var analyses: [StudyAnalysis] = []
            var errors: [String] = []
            let path = directory + "/" + expected.file
            let summary = StudyImporter.importFile(at: path, names: profile?.names ?? .builtIn) { imported in
                if let study = imported.study {
                    analyses.append(StudyAnalysis.analyze(study, labLimits: profile?.limits))
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
    package static func readManifest(_ path: String) throws -> [ExpectedCase] {
        do {
            return try readManifestRows(path)
        } catch let error as CSVSyntaxError {
            throw CorpusError.manifest("\(path):\(error.line): \(error.message)")
        }
    }

    private static func readManifestRows(_ path: String) throws -> [ExpectedCase] {
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
