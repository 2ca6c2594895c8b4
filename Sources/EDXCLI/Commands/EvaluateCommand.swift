import ArgumentParser
import EDXEvaluation
import EDXLocalization
import Foundation

/// `edx evaluate DIR`: accuracy of the localization on a corpus with expected answers.
struct EvaluateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "evaluate",
        abstract: "Measure localization accuracy on a case corpus (DIR/expected.csv and its study files).",
        discussion: """
            Prints top-1 and top-2 accuracy, side accuracy, severity agreement, a confusion table and \
            every miss. Exit code 1 when top-1 is below --min-top1, side below 100 %, or a wrong first \
            diagnosis has a probability of 0.9 or more.
            """
    )

    @Argument(help: "Corpus directory (Fixtures/cases).")
    var directory: String

    @Option(help: "Lowest acceptable top-1 accuracy, 0-1.")
    var minTop1 = 0.95

    @OptionGroup var lab: LabOption

    func run() throws {
        let profile = try lab.load()
        let report: EvaluationReport
        do {
            report = try CorpusEvaluation.run(directory: directory, profile: profile)
        } catch {
            FileHandle.standardError.write("edx evaluate: \(Self.reason(error))\n")
            throw ExitCode(ExitStatus.unreadable.rawValue)
        }
        try Output.write(EvaluationText.render(report) + "\n")
        let passed = report.top1 >= minTop1 && report.side == 1 && report.confidentlyWrong.isEmpty
        if !passed { throw ExitCode(ExitStatus.rejected.rawValue) }
    }

    /// The reason in words: a `CustomStringConvertible` error as it describes itself, a Foundation
    /// error by its localized description, never a dump of the value.
    static func reason(_ error: any Error) -> String {
        if let corpus = error as? CorpusError { return corpus.description }
        return (error as NSError).localizedDescription
    }
}
