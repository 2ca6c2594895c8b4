import ArgumentParser
import EDXFindings
import EDXLabProfile
import EDXModel

/// `--lab FILE`: a lab profile, its aliases read after the built-in names and its limits used where
/// the export carries none (docs/formats.md, "Lab profiles").
struct LabOption: ParsableArguments {
    @Option(name: .customLong("lab"), help: "A lab profile (YAML): the lab's names and normal limits.")
    var path: String?

    /// The profile, or nil without `--lab`. A bad profile is reported on standard error as
    /// `path:line[:col]: error: field: reason` and ends the command with exit code 2.
    func load() throws -> LabProfile? {
        guard let path else { return nil }
        do {
            return try LabProfile.load(path: path)
        } catch {
            FileHandle.standardError.write("\(error)\n")
            throw ExitCode(ExitStatus.usage.rawValue)
        }
    }
}

extension Optional<LabProfile> {
    /// How names are read: the built-in vocabulary, with the profile's aliases after it.
    var names: NameResolver { self?.names ?? .builtIn }
    /// The profile's limits, if there is a profile.
    var limits: LabProfileLimits? { self?.limits }
}
