import EDXFindings
import EDXModel
import EDXTestSupport
import Foundation
import Testing

@testable import EDXLocalization
@testable import EDXReport

/// The sign-off checklist of docs/reports.md: each item a property of every report, checked over
/// every fixture, the third-party development cases (when they are beside the checkout) and
/// synthetic studies of every class and shape.
@Suite("Sign-off checklist")
struct SignOffChecklistTests {
    /// A study with its analysis, report and printed text.
    struct Signed: Sendable {
        var name: String
        var analysis: StudyAnalysis
        var report: StudyReport
        var text: String
    }

    static let always: [Corpus] = [.fixtures, .synthetic]

    /// Every report of each corpus, made once for the suite. The fixtures corpus holds the examples
    /// and every study fixture besides the cases.
    static let signed: [Corpus: [Signed]] = Dictionary(
        uniqueKeysWithValues: Corpus.allCases.map { corpus in
            var studies = corpus.studies
            if corpus == .fixtures {
                let extra = ((try? ReportFixtures.allStudyFiles()) ?? []).filter { !$0.hasPrefix("cases/") }
                for file in extra { studies += ReportFixtures.studies(file).map { (file, $0) } }
            }
            return (
                corpus,
                studies.map { name, study in
                    let analysis = StudyAnalysis.analyze(study)
                    let report = StudyReport(study: study, analysis: analysis, options: ReportOptions(generator: "edx"))
                    return Signed(
                        name: name, analysis: analysis, report: report, text: TextReport.render(report))
                }
            )
        })

    /// The signed part of a printed report: everything before the signature line.
    static func signedText(_ text: String) -> String {
        text.components(separatedBy: "Electromyographer: ").first ?? text
    }

    // MARK: The checklist

    static func noModelProbability(_ corpus: Corpus) {
        for item in signed[corpus] ?? [] {
            let impression = item.report.impression
            let signedText = ([impression.correlation ?? ""] + impression.paragraphs + impression.scope).joined(
                separator: "\n")
            #expect(!signedText.contains("probability"), "\(corpus) \(item.name)")
            #expect(!signedText.contains("edx model"), "\(corpus) \(item.name)")
            for diagnosis in impression.diagnoses {
                let stated = "(\(Impression.percent(diagnosis.probability)))"
                #expect(!signedText.contains(stated), "\(corpus) \(item.name): \(stated) in the impression")
            }
            // The printed report keeps them after the signature only.
            #expect(!Self.signedText(item.text).contains("under the model"), "\(corpus) \(item.name)")
        }
    }

    static func noRadiculopathyClaimWithoutNeedle(_ corpus: Corpus) {
        for item in signed[corpus] ?? [] {
            let findings = item.analysis.findings
            let impression = item.report.impression.paragraphs.joined(separator: " ")
            for side in Side.allCases {
                let needled = findings.muscles.filter {
                    $0.side == side && ($0.muscle.map { $0.region == .lumbosacral } ?? false)
                }.count
                guard needled < 6 else { continue }
                #expect(
                    !impression.contains("radiculopathy of the \(side.rawValue) leg")
                        && !impression.contains("radiculopathy of either leg"),
                    "\(corpus) \(item.name): no radiculopathy screen of the \(side.rawValue) leg")
            }
            #expect(!impression.contains("no electrodiagnostic evidence of a lower-limb mononeuropathy, lumbosacral"))
        }
    }

    static func nothingDoneIsSuggestedOrNotTested(_ corpus: Corpus) {
        for item in signed[corpus] ?? [] {
            let attempted = Observations.attempted(item.analysis.findings)
            for test in item.analysis.localization.suggestedTests {
                if case .separating(let tested, _, _, _, _) = test {
                    #expect(!attempted.contains(tested), "\(corpus) \(item.name): suggests \(tested), already done")
                }
            }
            for diagnosis in item.analysis.localization.diagnoses {
                for untested in diagnosis.notTested {
                    if case .item(let tested) = untested {
                        #expect(
                            !attempted.contains(tested), "\(corpus) \(item.name): \(tested) listed as not tested")
                    }
                }
            }
        }
    }

    static func codesMatchStatedDiagnoses(_ corpus: Corpus) {
        for item in signed[corpus] ?? [] {
            let impression = item.report.impression
            guard !impression.codes.isEmpty else { continue }
            guard let top = impression.diagnoses.first else {
                Issue.record("\(corpus) \(item.name): codes without a diagnosis")
                continue
            }
            #expect(top.certainty == .definite, "\(corpus) \(item.name): codes for a hedged diagnosis")
            var allowed = Set(top.icd10cm.map(\.code))
            for code in top.coexisting {
                allowed.formUnion(ICD10CM.suggestions(for: code, side: top.side).map(\.code))
            }
            for code in impression.codes {
                #expect(allowed.contains(code.code), "\(corpus) \(item.name): \(code.code) not for a stated diagnosis")
            }
            let stated = impression.paragraphs.joined(separator: " ")
            #expect(stated.contains(Impression.name(top)), "\(corpus) \(item.name): coded but not stated")
        }
    }

    /// Every value of the tables is printed with its limit, `none` where no limit exists, or `-` where
    /// it is not judged on its own (a proximal site, judged by the change from the distal one).
    static func limitBesideEveryValue(_ corpus: Corpus) {
        for item in signed[corpus] ?? [] {
            let report = item.report
            let cells: [ValueCell?] =
                report.motor.flatMap { [$0.latency, $0.amplitude, $0.duration, $0.velocity] }
                + report.sensory.flatMap { [$0.onsetLatency, $0.peakLatency, $0.amplitude, $0.velocity] }
                + report.lateResponses.flatMap { [$0.latency, $0.amplitude] }
            // An absent response is judged on its amplitude; its latency and duration are not values.
            for cell in cells.compactMap({ $0 })
            where cell.value != nil || (cell.noResponse && cell.classification != nil) {
                let printed = CellText.value(cell)
                let judged = cell.classification != nil
                let shown =
                    judged
                    ? (cell.limit.map { printed.contains(CellText.limitText($0)) }
                        ?? printed.hasSuffix(CellText.noLimit))
                    : printed.hasSuffix(CellText.notJudged)
                #expect(shown, "\(corpus) \(item.name): \(printed) without its limit")
            }
        }
    }

    static func pagesEndWithANewline(_ corpus: Corpus) {
        for item in signed[corpus] ?? [] {
            let pages = item.text.components(separatedBy: "\u{0C}")
            for page in pages.dropLast() {
                #expect(page.hasSuffix("\n"), "\(corpus) \(item.name): a page's last line runs into the next header")
            }
        }
    }

    @Test("No model probability in the impression", arguments: always)
    func probabilities(_ corpus: Corpus) { Self.noModelProbability(corpus) }

    @Test("No \"no evidence of radiculopathy\" without a needle examination of that leg", arguments: always)
    func radiculopathyClaims(_ corpus: Corpus) { Self.noRadiculopathyClaimWithoutNeedle(corpus) }

    @Test("No suggested or not-tested item that was done", arguments: always)
    func doneIsDone(_ corpus: Corpus) { Self.nothingDoneIsSuggestedOrNotTested(corpus) }

    @Test("Every ICD-10-CM code matches a stated diagnosis", arguments: always)
    func codes(_ corpus: Corpus) { Self.codesMatchStatedDiagnoses(corpus) }

    @Test("A reference limit, or \"none\" where no limit is published, beside every value", arguments: always)
    func limits(_ corpus: Corpus) { Self.limitBesideEveryValue(corpus) }

    @Test("No sentence joins two pages", arguments: always)
    func pages(_ corpus: Corpus) { Self.pagesEndWithANewline(corpus) }

    @Test(
        "The third-party development cases pass the whole checklist",
        .enabled(if: Corpus.devAvailable, "the development cases are not beside this checkout"))
    func developmentCases() {
        Self.noModelProbability(.dev)
        Self.noRadiculopathyClaimWithoutNeedle(.dev)
        Self.nothingDoneIsSuggestedOrNotTested(.dev)
        Self.codesMatchStatedDiagnoses(.dev)
        Self.limitBesideEveryValue(.dev)
        Self.pagesEndWithANewline(.dev)
    }
}
