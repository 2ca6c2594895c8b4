import EDXAnatomy
import EDXLocalization
import EDXReference
import EDXTestSupport
import Foundation
import Testing

/// Every citation in the code and the docs resolves inside the repository: source keys to
/// docs/bibliography.md, "evidence §N" to a section of docs/evidence.md, "docs/NAME.md §N" to a section
/// of that document; nothing points outside (a user's clone has no `../shared`).
@Suite("Citations resolve inside the repository")
struct CitationTests {
    static let root = Fixtures.root()

    static func text(_ relative: String) -> String {
        (try? String(contentsOfFile: root + "/" + relative, encoding: .utf8)) ?? ""
    }

    /// Every Swift file under Sources/ and every Markdown file under docs/, by repository path.
    static let files: [String] = {
        var files: [String] = []
        for folder in ["Sources", "docs"] {
            let enumerator = FileManager.default.enumerator(atPath: root + "/" + folder)
            while let next = enumerator?.nextObject() as? String {
                if next.hasSuffix(".swift") || next.hasSuffix(".md") { files.append(folder + "/" + next) }
            }
        }
        return files.sorted()
    }()

    static let bibliographyKeys: Set<String> = {
        let pattern = #/^- \*\*(S[0-9]+)\*\*/#.anchorsMatchLineEndings()
        return Set(text("docs/bibliography.md").matches(of: pattern).map { String($0.output.1) })
    }()

    /// The section numbers of a Markdown document: `## 2. Temperature` gives 2, `### 5.5 …` gives 5.5.
    static func sections(_ relative: String) -> Set<String> {
        let pattern = #/^#{2,4} ([0-9]+(?:\.[0-9]+)*)\.? /#.anchorsMatchLineEndings()
        return Set(text(relative).matches(of: pattern).map { String($0.output.1) })
    }

    @Test("The bibliography lists S1 to its last key, each once, none skipped")
    func bibliographyComplete() {
        let numbers = Self.bibliographyKeys.compactMap { Int($0.dropFirst()) }
        #expect(numbers.count >= 135)
        #expect(Set(numbers) == Set(1...(numbers.max() ?? 0)))
    }

    @Test(
        "Every source of a limit, threshold, anatomy entry and model number is in the bibliography, with a short name")
    func dataSources() {
        var keys = Set<String>()
        for limit in ReferenceValues.table() { keys.formUnion(limit.citation.sources) }
        for (_, threshold) in Criteria.all { keys.formUnion(threshold.citation.sources) }
        for attachment in Anatomy.muscles.values { keys.formUnion(attachment.citation.sources) }
        for attachment in Anatomy.sensoryNerves.values { keys.formUnion(attachment.citation.sources) }
        for key in ParameterKey.allCases { keys.formUnion(key.parameter.sources) }
        #expect(!keys.isEmpty)
        for key in keys.sorted() {
            #expect(Self.bibliographyKeys.contains(key), "\(key) is not in docs/bibliography.md")
            #expect(Bibliography.short[key] != nil, "\(key) has no short name in Bibliography.short")
        }
        for key in Bibliography.short.keys {
            #expect(Self.bibliographyKeys.contains(key), "Bibliography.short names \(key), unknown to the bibliography")
        }
    }

    @Test("Every source key named in Sources/ and docs/ is in the bibliography")
    func namedKeys() {
        let pattern = #/\bS([0-9]{1,3})\b/#
        for file in Self.files {
            for match in Self.text(file).matches(of: pattern) {
                let key = "S" + String(match.output.1)
                #expect(Self.bibliographyKeys.contains(key), "\(file): \(key) is not in docs/bibliography.md")
            }
        }
    }

    @Test("Every \"evidence §N\" names a section of docs/evidence.md")
    func evidenceSections() {
        let sections = Self.sections("docs/evidence.md")
        #expect(sections.contains("5.5") && sections.contains("2"))
        let pattern = #/evidence §([0-9]+(?:\.[0-9]+)?)/#
        for file in Self.files {
            for match in Self.text(file).matches(of: pattern) {
                let section = String(match.output.1)
                #expect(sections.contains(section), "\(file): evidence §\(section) does not exist")
            }
        }
    }

    @Test("Every \"docs/NAME.md\" exists, and \"docs/NAME.md §N\" names one of its sections")
    func documentReferences() {
        let pattern = #/docs/([a-z-]+\.md)(?: §([0-9]+(?:\.[0-9]+)?))?/#
        for file in Self.files {
            for match in Self.text(file).matches(of: pattern) {
                let document = "docs/" + String(match.output.1)
                #expect(FileManager.default.fileExists(atPath: Self.root + "/" + document), "\(file): \(document)")
                if let section = match.output.2 {
                    #expect(Self.sections(document).contains(String(section)), "\(file): \(document) §\(section)")
                }
            }
        }
    }

    @Test("Nothing points outside the repository")
    func selfContained() {
        for file in Self.files {
            let text = Self.text(file)
            #expect(!text.contains("shared/"), "\(file) points to ../shared")
            #expect(!text.contains("clinical-knowledge"), "\(file) cites the research notes outside the repository")
        }
    }
}
