import EDXImport
public import EDXModel
import EDXSynth
import Foundation

/// The corpora that properties are checked over: the cases written here, the third-party
/// development set beside the repository (absent from a user's clone, so tests over it are skipped
/// visibly), and synthetic studies of every class and shape.
public enum Corpus: String, CaseIterable, Sendable {
    case fixtures, dev, synthetic

    /// `../shared/cases/external-dev`, the third-party development cases.
    public static var devDirectory: String { Fixtures.root() + "/../shared/cases/external-dev" }

    /// Whether the development cases are beside this checkout.
    public static var devAvailable: Bool { FileManager.default.fileExists(atPath: devDirectory + "/expected.csv") }

    /// How many synthetic studies the properties are checked over, and from which seed.
    public static let syntheticCount = 300
    public static let syntheticSeed: UInt64 = 11

    /// Every study of the corpus, with a name for messages.
    public var studies: [(name: String, study: Study)] {
        switch self {
        case .fixtures: Self.directory(Fixtures.path("cases"))
        case .dev: Corpus.devAvailable ? Self.directory(Corpus.devDirectory) : []
        case .synthetic:
            Array(SyntheticStudies(seed: Self.syntheticSeed, count: Self.syntheticCount)).map { ($0.id, $0) }
        }
    }

    private static func directory(_ path: String) -> [(name: String, study: Study)] {
        let files = ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).filter {
            $0.hasSuffix(".xml")
        }.sorted()
        var studies: [(name: String, study: Study)] = []
        for file in files {
            _ = StudyImporter.importFile(at: path + "/" + file) { imported in
                if let study = imported.study { studies.append((file, study)) }
            }
        }
        return studies
    }
}
