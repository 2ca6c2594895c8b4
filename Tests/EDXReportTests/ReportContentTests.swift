import EDXLocalization
import EDXReport
import EDXTestSupport
import Foundation
import Testing

@Suite("Report content")
struct ReportContentTests {
    static func text(_ fixture: String, _ layout: TextLayoutOptions = TextLayoutOptions()) -> String {
        ReportRendering.render(ReportFixtures.reports(fixture), format: .text, layout: layout)
    }

    /// The impression on unwrapped lines, for phrase searches.
    static func impression(_ fixture: String) -> String {
        ReportFixtures.reports(fixture).map {
            TextReport.renderSections($0, [.impression], options: TextLayoutOptions(width: 100_000))
        }.joined()
    }

    /// The decision-support section on unwrapped lines.
    static func decisionSupport(_ fixture: String) -> String {
        ReportFixtures.reports(fixture).map {
            TextReport.renderSections($0, [.decisionSupport], options: TextLayoutOptions(width: 100_000))
        }.joined()
    }

    @Test("Sections come in the order of an AANEM-style report, decision support after the signature")
    func sectionOrder() throws {
        let text = Self.text("examples/peroneal-fibular-head-left.xml")
        let titles = [
            "DEMOGRAPHICS", "HISTORY AND EXAMINATION", "TECHNICAL NOTES", "MOTOR NERVE CONDUCTION",
            "SENSORY NERVE CONDUCTION", "LATE RESPONSES", "NEEDLE EMG", "SUMMARY OF FINDINGS", "IMPRESSION",
            "PROGNOSIS AND FOLLOW-UP", "SUGGESTED FURTHER TESTS", "Electromyographer: ___",
            "DECISION SUPPORT (EDX MODEL; NOT PART OF THE SIGNED REPORT)",
        ]
        let positions = try titles.map { title in try #require(text.range(of: "\n" + title)).lowerBound }
        #expect(positions == positions.sorted())
    }

    @Test("Abnormal values carry their flag and limit; the impression reads as a neurologist writes it")
    func peronealExample() throws {
        let text = Self.text("examples/peroneal-fibular-head-left.xml")
        let lines = text.split(separator: "\n")
        // Left peroneal to EDB: 29 m/s across the fibular head against the published 42 m/s (S6).
        #expect(lines.contains { $0.contains("Above fibular head") && $0.contains("29 L >=42") && $0.contains("-61%") })
        let impression = Self.impression("examples/peroneal-fibular-head-left.xml")
        #expect(
            impression.contains(
                "There is electrodiagnostic evidence of a moderate left common peroneal (fibular) neuropathy at the "
                    + "fibular head, with conduction block and axon loss; acute, active."))
        #expect(!impression.contains("%)") && !impression.contains("probability"))
        let support = Self.decisionSupport("examples/peroneal-fibular-head-left.xml")
        #expect(support.contains("1. Left common peroneal (fibular) neuropathy at the fibular head, > 99 %"))
        #expect(support.contains("left lumbar paraspinal L5: normal"))
        #expect(impression.contains("G57.32 Lesion of lateral popliteal nerve, left lower limb"))
        #expect(text.contains("*L Tibialis anterior"))
    }

    @Test("L5 example: root, not plexus, on the paraspinals and the normal sensory responses")
    func l5Example() {
        let impression = Self.impression("examples/l5-radiculopathy-right.csv")
        #expect(impression.contains("There is electrodiagnostic evidence of a mild right L5 radiculopathy"))
        let support = Self.decisionSupport("examples/l5-radiculopathy-right.csv")
        #expect(
            support.contains(
                "What separates it from right lumbosacral plexopathy at the lumbosacral trunk (2 %): right lumbar "
                    + "paraspinal L5"))
        #expect(support.contains("right superficial peroneal sensory, lateral leg: amplitude 9 µV: normal"))
        #expect(impression.contains("M54.16 Radiculopathy, lumbar region"))
    }

    @Test("Suggested ICD-10-CM codes carry laterality where the code set has it")
    func codes() throws {
        let suggestions = { (code: DiagnosisCode, side: Laterality) in ICD10CM.suggestions(for: code, side: side) }
        #expect(suggestions(.peronealNeuropathyFibularHead, .left).map(\.code) == ["G57.32"])
        #expect(suggestions(.peronealNeuropathyFibularHead, .right).map(\.code) == ["G57.31"])
        #expect(suggestions(.sciaticNeuropathy, .bilateral).map(\.code) == ["G57.03"])
        #expect(suggestions(.femoralNeuropathy, .left).map(\.code) == ["G57.22"])
        #expect(suggestions(.tibialNeuropathy, .right).map(\.code) == ["G57.41", "G57.51"])
        #expect(suggestions(.l5Radiculopathy, .right).map(\.laterality) == ["not-coded"])
        #expect(suggestions(.s1Radiculopathy, .left).map(\.code) == ["M54.17"])
        #expect(suggestions(.lumbosacralPlexopathy, .left).map(\.code) == ["G54.1"])
        #expect(suggestions(.polyneuropathy, .bilateral).map(\.code) == ["G62.9"])
        #expect(suggestions(.normalStudy, .bilateral).isEmpty)
        #expect(suggestions(.insufficientData, .bilateral).isEmpty)
        let all = DiagnosisCode.allCases.flatMap { suggestions($0, .left) }
        #expect(all.allSatisfy { $0.suggestion })
        // With the level known, one category: the tarsal tunnel case gets G57.51 alone.
        let tarsal = try #require(ReportFixtures.reports("cases/48-tibial-tarsal-tunnel-right.xml").first)
        #expect(tarsal.impression.diagnoses.first?.name == "Right tibial neuropathy at the ankle (tarsal tunnel)")
        #expect(tarsal.impression.diagnoses.first?.icd10cm.map(\.code) == ["G57.51"])
        let sciatic = ReportFixtures.reports("cases/16-pair-b-sciatic-right.xml")
        #expect(sciatic.first?.impression.diagnoses.first?.icd10cm.first?.code == "G57.01")
    }

    @Test("De-identified reports keep age and sex and nothing that identifies the patient")
    func deidentified() throws {
        let reports = ReportFixtures.reports("import/xml/full-study.xml", deidentify: true)
        try #require(reports.count == 1)
        for format in [ReportFormat.text, .markdown, .json] {
            let output = ReportRendering.render(reports, format: format, layout: TextLayoutOptions())
            #expect(!output.contains("Invented Person"))
            #expect(!output.contains("1961-03-04"))
            #expect(!output.contains("P-9001"))
            #expect(!output.contains("full-study.xml"))
            #expect(output.contains("de-identified") || output.contains("\"deidentified\" : true"))
            #expect(output.contains("64"))
        }
        let plain = ReportFixtures.reports("import/xml/full-study.xml")
        #expect(plain.first?.patient.name == "Invented Person")
        #expect(reports.first?.patient.sex == plain.first?.patient.sex)
        // Random codes, not derived from the id: without a link file, every run gives new ones.
        #expect(reports.first?.study.id.hasPrefix("study-") == true)
        #expect(
            reports.first?.study.id
                != ReportFixtures.reports("import/xml/full-study.xml", deidentify: true).first?.study.id)
    }

    @Test("--ascii: every byte is ASCII, µV becomes uV, nothing is dropped")
    func ascii() {
        let layout = TextLayoutOptions(charset: .ascii)
        for fixture in ReportFixtures.snapshotted {
            let reports = ReportFixtures.reports(fixture)
            for format in [ReportFormat.text, .markdown] {
                let output = ReportRendering.render(reports, format: format, layout: layout)
                #expect(output.utf8.allSatisfy { $0 < 0x80 }, "\(fixture) \(format)")
                #expect(!output.contains("U+"), "\(fixture): a character without an ASCII spelling")
            }
        }
        let text = Self.text("examples/peroneal-fibular-head-left.xml", layout)
        #expect(text.contains("uV"))
        #expect(text.contains("31.5 deg C"))
        #expect(Charset.ascii.apply("≥ 4 µV at 31 °C – ok") == ">= 4 uV at 31  deg C - ok")
    }

    @Test("Markdown tables have as many cells in each row as in the header")
    func markdownTables() {
        for fixture in ReportFixtures.snapshotted {
            let markdown = ReportRendering.render(ReportFixtures.reports(fixture), format: .markdown, layout: .init())
            var columns: Int?
            for line in markdown.split(separator: "\n", omittingEmptySubsequences: false) {
                guard line.hasPrefix("|") else {
                    columns = nil
                    continue
                }
                // Cells are separated by unescaped pipes.
                var count = 0
                var previous: Character = " "
                for character in line {
                    if character == "|" && previous != "\\" { count += 1 }
                    previous = character
                }
                if let columns { #expect(count == columns, "\(fixture): \(line)") } else { columns = count }
            }
        }
    }
}
