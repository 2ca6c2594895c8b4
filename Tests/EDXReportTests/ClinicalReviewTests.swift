import EDXFindings
import EDXLocalization
import EDXModel
import EDXReference
import EDXReport
import EDXTestSupport
import Foundation
import Testing

/// The defects of the tables, the summary statements, the technical notes and the pagination that
/// the clinical review of 2026-12 found (docs/reports.md), each tested on fixture files or on
/// studies built in code.
@Suite("Clinical review 2026-12: tables, statements, notes, pages")
struct ClinicalReviewTests {
    @Test("Every page ends with a newline before its form feed and holds at most pageLength lines")
    func pagesEndWithNewline() throws {
        let layouts = [TextLayoutOptions(), TextLayoutOptions(width: 60, pageLength: 20)]
        var pagesSeen = 0
        for fixture in try ReportFixtures.allStudyFiles() {
            let reports = ReportFixtures.reports(fixture)
            guard !reports.isEmpty else { continue }
            for layout in layouts {
                let text = ReportRendering.render(reports, format: .text, layout: layout)
                let bytes = Array(text.utf8)
                #expect(bytes.last == UInt8(ascii: "\n"), "\(fixture)")
                for (index, byte) in bytes.enumerated() where byte == 0x0C {
                    #expect(index > 0 && bytes[index - 1] == UInt8(ascii: "\n"), "\(fixture) byte \(index)")
                }
                // A page of N lines, each with its newline, splits into N + 1 parts: the last one is the
                // line the form feed (or the end of the text) stands on, and it counts.
                for page in text.split(separator: "\u{0C}", omittingEmptySubsequences: false) {
                    let lines = page.split(separator: "\n", omittingEmptySubsequences: false)
                    #expect(lines.count <= layout.pageLength, "\(fixture) at \(layout.pageLength) lines")
                    #expect(lines.last == "", "\(fixture): a page ends without a newline")
                    pagesSeen += 1
                }
            }
        }
        #expect(pagesSeen > 300)
    }

    @Test("A value smaller than the display precision is shown with enough significant digits")
    func smallValuesKeepTheirDigits() throws {
        var builder = StudyBuilder()
        builder.motor(
            .peroneal, .extensorDigitorumBrevis, .left,
            [(.ankle, 4.8, 0.0041, 5.1), (.belowFibularHead, 11, 0.0036, nil)],
            velocities: [(.ankle, .belowFibularHead, 46)])
        builder.motor(.peroneal, .extensorDigitorumBrevis, .right, [(.ankle, 4.6, 5.2, 5.0)])
        let report = ReportRendering.report(for: builder.study)
        let text = TextReport.render(report)
        let ankle = try #require(text.split(separator: "\n").first { $0.hasPrefix("  Ankle") && $0.contains("4.8") })
        #expect(ankle.contains("0.0041"))
        #expect(text.split(separator: "\n").contains { $0.contains("Below fibular head") && $0.contains("0.0036") })
        #expect(!ankle.contains(" 0 "))
        // The statements say the same number, and the JSON keeps it exactly.
        #expect(report.summary.contains { $0.statement.contains("0.0041 mV") })
        #expect(report.motor.first?.amplitude?.value == 0.0041)
        let markdown = MarkdownReport.render(report)
        #expect(markdown.contains("0.0041"))
        // The rule itself: two significant digits below the last decimal shown, as before above it.
        #expect(Format.number(0.0041) == "0.0041")
        #expect(Format.number(0.006) == "0.006")
        #expect(Format.number(-0.0041) == "-0.0041")
        #expect(Format.number(0.25) == "0.25" && Format.number(1.1) == "1.1" && Format.number(47) == "47")
        #expect(Format.number(12.345) == "12.35" || Format.number(12.345) == "12.34")
        #expect(Format.number(0) == "0" && Format.number(0.4, digits: 0) == "0.4")
    }

    @Test(
        "Findings are worded in clinical names, not study keys: \"Right H reflex absent\", \"no voluntary motor units\""
    )
    func clinicalWording() throws {
        let s1 = try #require(ReportFixtures.reports("cases/26-pair-e-s1-radiculopathy-right.xml").first)
        #expect(s1.summary.map(\.statement).contains("Right H reflex absent"))
        let complete = try #require(ReportFixtures.reports("cases/04-peroneal-fh-complete-right.xml").first)
        let summary = complete.summary.map(\.statement)
        #expect(summary.contains { $0.hasPrefix("Peroneal motor (EDB) amplitude, ankle: left 6.5 mV, right absent") })
        #expect(
            summary.contains(
                "Right tibialis anterior: fibrillation potentials or positive sharp waves 3+; no voluntary motor units "
                    + "[acute]"))
        let example = try #require(ReportFixtures.reports("examples/peroneal-fibular-head-left.xml").first)
        #expect(
            example.summary.map(\.statement).contains(
                "Left peroneal motor (EDB), across the fibular head: definite conduction block, amplitude drop 61 %, "
                    + "duration +5 %"))
        // No sentence of any fixture's report keeps the machine phrasing the review found.
        let machine = [
            "motor edb", "motor ah", "motor ta", "h reflex", "f wave", "H reflex: H", "denervation potential",
            "none recruitment", " vs ", "-fibular-head", "popliteal-fossa", "lateral-leg", " = ", "fibrillations/PSW",
        ]
        var sentences = 0
        for file in try ReportFixtures.allStudyFiles() where file.hasPrefix("cases/") || file.hasPrefix("examples/") {
            for report in ReportFixtures.reports(file) {
                let evidence = report.impression.diagnoses.flatMap { $0.evidenceFor + $0.evidenceAgainst }
                for sentence in report.summary.map(\.statement) + report.technical.notes + evidence.map(\.statement) {
                    sentences += 1
                    for phrase in machine { #expect(!sentence.contains(phrase), "\(file): \(sentence)") }
                    #expect(sentence.range(of: #"\d C\b"#, options: .regularExpression) == nil, "\(file): \(sentence)")
                }
            }
        }
        #expect(sentences > 1000)
    }

    @Test("Comments the export carries are kept in the report, under the muscle or study they belong to")
    func commentsAreKept() throws {
        // EDX Study XML: the needle <Comment> under its muscle, in every format.
        let complete = try #require(ReportFixtures.reports("cases/04-peroneal-fh-complete-right.xml").first)
        let tibialis = try #require(complete.needle.first { $0.muscle == "tibialis anterior" })
        #expect(tibialis.comment == "No voluntary motor units")
        let lines = TextReport.render(complete).split(separator: "\n").map(String.init)
        let row = try #require(lines.firstIndex { $0.contains("R Tibialis anterior") })
        #expect(lines[row + 2].trimmingCharacters(in: .whitespaces) == "Comment: No voluntary motor units")
        let markdown = MarkdownReport.render(complete)
        #expect(
            markdown.split(separator: "\n").contains {
                $0.contains("Right tibialis anterior") && $0.contains("| No voluntary motor units |")
            })

        // measurements-csv: the optional comment column, which was dropped at import, on every kind of row.
        let studies = ReportFixtures.studies("import/measurements/comments.csv")
        let study = try #require(studies.first)
        #expect(study.motor.first?.comment == "Submaximal stimulation at the knee (obese)")
        #expect(study.sensory.first?.comment == "Oedema of the ankle")
        #expect(study.hReflexes.first?.comment == "Poor relaxation")
        #expect(study.needle.map(\.comment) == ["No voluntary motor units", "Patient anxious; Poor activation"])
        let report = try #require(ReportFixtures.reports("import/measurements/comments.csv").first)
        #expect(report.motor.first?.comment == "Submaximal stimulation at the knee (obese)")
        let text = TextReport.render(report)
        for comment in [
            "Submaximal stimulation at the knee (obese)", "Oedema of the ankle", "Poor relaxation",
            "No voluntary motor units", "Patient anxious; Poor activation",
        ] {
            #expect(text.contains("Comment: \(comment)"), "\(comment)")
            #expect(MarkdownReport.render(report).contains(comment), "\(comment)")
        }
        let quoted = try #require(ReportFixtures.reports("import/measurements/quoted.csv").first)
        #expect(quoted.needle.first?.comment == "a \"quoted\", multi-line\ncomment")

        // summary-csv: the Int Pat column, read but never shown before.
        let summary = try #require(ReportFixtures.reports("import/summary/reordered-columns.csv").first)
        #expect(summary.needle.first?.interferencePattern == "Reduced")
        #expect(TextReport.render(summary).contains("Interference pattern: Reduced"))
        #expect(MarkdownReport.render(summary).contains("| Interference pattern |"))
    }

    /// `5.2 <=6.5`, `29 L >=42`, `50 none`, `11.6 -`: a value cell as the tables write it.
    static func expectedCell(_ cell: ValueCell?) -> String? {
        guard let cell, !cell.noResponse, let value = cell.value else { return nil }
        let limit =
            cell.limit.map { ($0.bound == "lower" ? ">=" : "<=") + Format.number($0.value) }
            ?? (cell.classification == "unclassified" ? "none" : "-")
        let corrected = cell.temperatureCorrection == nil ? "" : " c"
        let flag = cell.abnormal ? (cell.classification == "low" ? " L" : " H") : ""
        return "\(Format.number(value))\(corrected)\(flag) \(limit)"
    }

    @Test("A value shows its reference limit beside it, normal or not; \"none\" where no limit exists")
    func limitBesideEveryValue() throws {
        let report = try #require(ReportFixtures.reports("examples/peroneal-fibular-head-left.xml").first)
        let lines = TextReport.render(report).split(separator: "\n").map(String.init)
        // Left peroneal to EDB, ankle: normal latency, amplitude and duration, each with its limit.
        let ankle = try #require(lines.first { $0.hasPrefix("  Ankle") })
        #expect(ankle.contains("5.2 <=6.5") && ankle.contains("2 >=1.1") && ankle.contains("5.9 <=7.7"))
        #expect(lines.contains { $0.hasPrefix("  Above fibular head") && $0.contains("29 L >=42") })
        // The superficial peroneal velocity has no published limit: it says so.
        #expect(lines.contains { $0.contains("L Superficial peroneal") && $0.contains("50 none") })
        #expect(!lines.contains { $0.contains("sources in the JSON report") })
        #expect(report.technical.notes.contains { $0.hasPrefix("Published limits from: ") && $0.contains("(S6)") })

        // Every value of every table of every case, in Markdown (one line per row): value, flag, limit.
        var cells = 0
        for file in try ReportFixtures.allStudyFiles() where file.hasPrefix("cases/") || file.hasPrefix("examples/") {
            for report in ReportFixtures.reports(file) {
                let markdown = MarkdownReport.render(report).replacingOccurrences(of: "\\<", with: "<")
                    .replacingOccurrences(of: "**", with: "")
                let tables = markdown.components(separatedBy: "\n## ")
                func rows(_ title: String) -> [String] {
                    let table = tables.first { $0.hasPrefix(title) } ?? ""
                    return table.split(separator: "\n").filter { $0.hasPrefix("| ") }.dropFirst(2).map(String.init)
                }
                let expected: [(String, [[ValueCell?]])] = [
                    (
                        "Motor nerve conduction",
                        report.motor.map { [$0.latency, $0.amplitude, $0.duration, $0.velocity] }
                    ),
                    (
                        "Sensory nerve conduction",
                        report.sensory.map { [$0.onsetLatency, $0.peakLatency, $0.amplitude, $0.velocity] }
                    ),
                    ("Late responses", report.lateResponses.map { [$0.latency, $0.amplitude, $0.sideDifference] }),
                ]
                for (title, values) in expected {
                    let lines = rows(title)
                    #expect(lines.count == values.count, "\(file) \(title)")
                    for (line, row) in zip(lines, values) {
                        for text in row.compactMap(Self.expectedCell) {
                            #expect(line.contains("| \(text) |"), "\(file): \(text) in \(line)")
                            cells += 1
                        }
                    }
                }
            }
        }
        #expect(cells > 2000)
        // Every line of the tables fits the page, at the narrowest width too.
        for width in [60, 80, 100] {
            let text = TextReport.render(report, options: TextLayoutOptions(width: width))
            #expect(text.split { $0 == "\n" || $0 == "\u{0C}" }.allSatisfy { $0.count <= width })
        }
    }

    @Test("Side-to-side comparisons are shown in a table with their limit, an abnormal one flagged")
    func sideToSideTable() throws {
        let report = try #require(ReportFixtures.reports("examples/peroneal-fibular-head-left.xml").first)
        // The left superficial peroneal SNAP of 4 µV is 36 % of the right (11 µV): beyond the limit.
        let snap = try #require(report.sideToSide.first { $0.study == "Superficial peroneal sensory" })
        #expect(snap.left == 4 && snap.right == 11 && snap.unit == "µV" && snap.abnormal && snap.worseSide == .left)
        #expect(snap.percentOfOtherSide.map { abs($0 - 36) < 1 } == true)
        #expect(snap.limit.value == 50 && snap.comparison == "amplitude-drop")
        let text = TextReport.render(report)
        let section = try #require(text.components(separatedBy: "SIDE-TO-SIDE COMPARISONS").dropFirst().first)
        let line = try #require(section.split(separator: "\n").first { $0.contains("lateral leg") })
        #expect(line.contains("*Amplitude, lateral leg") && line.contains("4 µV") && line.contains("11 µV"))
        #expect(line.contains("left 36 % of right") && line.contains(">=50 %"))
        // The normal ones are there too, with their limits.
        #expect(section.contains("left 39 % of right  >=39 %") && section.contains("left 0.6 ms longer  <=1.6 ms"))
        #expect(!section.split(separator: "\n").contains { $0.contains("*Distal latency") })
        let markdown = MarkdownReport.render(report)
        #expect(markdown.contains("| **Superficial peroneal sensory** | **amplitude, lateral leg** | **4 µV** |"))

        // Every comparison of every case is in the table, once, as the findings made it.
        for file in try ReportFixtures.allStudyFiles() where file.hasPrefix("cases/") {
            for study in ReportFixtures.studies(file) {
                let comparisons = StudyAnalysis.analyze(study).findings.comparisons
                let rows = ReportRendering.report(for: study).sideToSide
                #expect(rows.map(\.finding) == comparisons.map(\.id.rawValue), "\(file)")
                #expect(rows.map(\.abnormal) == comparisons.map(\.abnormal), "\(file)")
            }
        }
    }

    @Test("Caveats the findings compute appear in the technical notes or beside the value")
    func caveatsAreReported() throws {
        // Over 60 a small or absent sensory response is weak evidence (case 19, age 71).
        let older = try #require(ReportFixtures.reports("cases/19-l5-radiculopathy-older-absent-sp-right.xml").first)
        let olderNote = try #require(older.technical.notes.first { $0.hasPrefix("Over age 60 a small or absent") })
        #expect(olderNote.contains("Concerns: ") && olderNote.contains("superficial peroneal sensory amplitude"))
        // Paraspinal fibrillation potentials occur in healthy people.
        let paraspinal = try #require(older.technical.notes.first { $0.hasPrefix("Paraspinal spontaneous activity") })
        #expect(paraspinal.contains("right lumbar paraspinal L5"))

        // Norms end at a published age: an 85-year-old is judged by the oldest band, and the report says so.
        var builder = StudyBuilder(age: 85)
        builder.motor(.peroneal, .extensorDigitorumBrevis, .left, [(.ankle, 5.1, 3.2, 5.4)])
        builder.sensory(.sural, .left, amplitude: 9, peak: 3.9)
        let analysis = StudyAnalysis.analyze(builder.study)
        var olderThanNorms: [LimitAssumption] = []
        for note in analysis.findings.measurements.flatMap(\.notes) {
            guard case .limitAssumption(let assumption) = note else { continue }
            if case .olderThanReferencePopulation(let age, let oldest) = assumption, age == 85, oldest == 79 {
                olderThanNorms.append(assumption)
            }
        }
        let assumption = try #require(olderThanNorms.first)
        let aged = StudyReport(study: builder.study, analysis: analysis)
        let ageNote = try #require(aged.technical.notes.first { $0.contains("beyond the reference population") })
        #expect(ageNote.hasPrefix("Age 85 y is beyond the reference population, which ends at 79 y"))
        #expect(ageNote.contains("Concerns: peroneal motor (EDB)"))
        #expect(ageNote.hasPrefix(FindingStatements.text(assumption).capitalizedFirstLetter))
        let technical = TextReport.renderSections(aged, [.technical], options: TextLayoutOptions(width: 1000))
        #expect(technical.contains("- Age 85 y is beyond the reference population"))

        // A cool limb: the table marks the corrected value, and the notes give it measured and corrected.
        let cool = try #require(ReportFixtures.reports("cases/58-normal-cool-limb.xml").first)
        let velocity = try #require(cool.motor.first { $0.side == .left && $0.site == "Below fibular head" }?.velocity)
        let correction = try #require(velocity.temperatureCorrection)
        #expect(velocity.value == 35 && correction.value == 39.5 && correction.celsius == 27)
        #expect(velocity.classification == "normal" && velocity.limit?.value == 36)
        let text = TextReport.render(cool)
        #expect(
            text.split(separator: "\n").contains { $0.hasPrefix("  Below fibular head") && $0.contains("35 c >=36") })
        #expect(cool.technical.notes.contains { $0.contains("velocity (below fibular head to ankle) 35 → 39.5 m/s") })
        #expect(text.replacingOccurrences(of: "\n", with: " ").contains("c: measured in a cool limb"))
    }
}

extension String {
    fileprivate var capitalizedFirstLetter: String { prefix(1).uppercased() + dropFirst() }
}
