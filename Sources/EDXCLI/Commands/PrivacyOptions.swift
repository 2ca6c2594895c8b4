import ArgumentParser
import EDXPrivacy

/// `--dates` of the de-identifying commands.
enum DatesOption: String, ExpressibleByArgument, CaseIterable, Sendable {
    case year, shift

    var policy: DeidentificationPolicy.Dates { self == .year ? .year : .shift }
}

/// `--deidentify` and its settings, shared by import, findings, analyze, report and batch
/// (docs/deidentification.md).
struct PrivacyOptions: ParsableArguments {
    @Flag(
        help: """
            De-identify to HIPAA Safe Harbor: no names, birth dates, examiner, referrer, paths or free text; \
            random codes for patient, study and file; dates reduced to the year; ages over 89 as 90+.
            """)
    var deidentify = false

    @Option(
        help: """
            Private link file (JSON, mode 0600) that keeps each identifier's random code, and each patient's \
            date shift, from run to run. Keep it apart from the de-identified output.
            """)
    var linkFile: String?

    @Option(
        help: "With --deidentify: year (keep only the year) or shift (move each patient's dates by a random shift).")
    var dates: DatesOption = .year

    @Flag(help: "With --deidentify: keep indication, comments and impressions, which may hold names and dates.")
    var keepFreeText = false

    func validate() throws {
        guard !deidentify else { return }
        if linkFile != nil || dates != .year || keepFreeText {
            throw ValidationError("--link-file, --dates and --keep-free-text need --deidentify")
        }
    }

    /// The de-identifier, or nil without `--deidentify`.
    func deidentifier() throws -> Deidentifier? {
        guard deidentify else { return nil }
        if dates == .shift && linkFile == nil {
            throw ValidationError("--dates shift needs --link-file: the shifts must be kept to be of use")
        }
        if keepFreeText {
            FileHandle.standardError.write(
                "edx: warning: --keep-free-text: indication, comments and impressions are kept as exported and "
                    + "may hold names and dates; the output is then not Safe Harbor de-identified\n")
        }
        do {
            return try Deidentifier(
                policy: DeidentificationPolicy(dates: dates.policy, keepFreeText: keepFreeText), linkFile: linkFile)
        } catch {
            FileHandle.standardError.write("edx: \(error)\n")
            throw ExitCode(ExitStatus.usage.rawValue)
        }
    }
}
