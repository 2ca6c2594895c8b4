import EDXImport
import EDXLocalization
import EDXModel
import EDXTestSupport
import Foundation

@testable import EDXDiagram

/// Studies of the fixtures, analysed, for the diagram tests.
enum DiagramFixtures {
    struct Analysed {
        var name: String
        var study: Study
        var analysis: StudyAnalysis

        var layout: DiagramLayout { LesionDiagram.layout(study: study, analysis: analysis) }
        var drawing: Drawing { LesionDiagram.draw(study: study, analysis: analysis) }

        var svg: String {
            let text = LesionDiagram.accessibleText(study: study, analysis: analysis)
            return SVGRenderer.svg(drawing, title: text.title, description: text.description)
        }
    }

    /// The first study of a file, analysed.
    static func load(_ path: String) -> Analysed? {
        var first: Study?
        _ = StudyImporter.importFile(at: path) { imported in
            if first == nil { first = imported.study }
        }
        guard let study = first else { return nil }
        return Analysed(
            name: URL(fileURLWithPath: path).lastPathComponent, study: study, analysis: StudyAnalysis.analyze(study))
    }

    static func example(_ name: String) -> Analysed? { load(Fixtures.bundledExample(name)) }

    static func fixtureCase(_ file: String) -> Analysed? { load(Fixtures.path("cases/" + file)) }

    /// The rows of `Fixtures/cases/expected.csv`: file, code and side.
    static let expected: [(file: String, code: String, side: String)] = {
        let text = (try? String(contentsOfFile: Fixtures.path("cases/expected.csv"), encoding: .utf8)) ?? ""
        return text.split(separator: "\n").dropFirst().compactMap { line in
            let cells = line.split(separator: ",", maxSplits: 4, omittingEmptySubsequences: false).map(String.init)
            return cells.count >= 4 ? (cells[0], cells[2], cells[3]) : nil
        }
    }()

    /// The first case of the corpus whose expected code is `code` (and side, when given).
    static func firstCase(_ code: DiagnosisCode, side: Laterality? = nil) -> Analysed? {
        let row = expected.first { $0.code == code.rawValue && (side.map { $0.rawValue } ?? $0.side) == $0.side }
        return row.flatMap { fixtureCase($0.file) }
    }
}
