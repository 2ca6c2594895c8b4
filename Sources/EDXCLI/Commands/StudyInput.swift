import EDXImport
import EDXModel
import EDXPrivacy

/// Reads every study of the given files (`-` and pipes included), writing diagnostics to standard
/// error as they come, and gives each imported study to `body`, de-identified when a de-identifier
/// is given (then paths, study ids and diagnostics carry codes only). Returns the exit status the
/// files earn.
enum StudyInput {
    static func forEach(
        files: [String], names: NameResolver = .builtIn, privacy: Deidentifier? = nil,
        _ body: (ImportedStudy) -> Void
    ) -> ExitStatus {
        var status = ExitStatus.success
        for file in files {
            let display = privacy?.source(file) ?? (file == "-" ? "<stdin>" : file)
            let spooled: InputSpool.Spooled
            do {
                spooled = try InputSpool.prepare(file)
            } catch {
                var failure = error
                failure.input = display
                FileHandle.standardError.write("\(failure)\n")
                status = status.combined(with: .unreadable)
                continue
            }
            let summary = StudyImporter.importFile(at: spooled.path, displayPath: display, names: names) { read in
                var imported = read
                if let privacy {
                    imported.study = imported.study.map(privacy.deidentify)
                    imported.studyID = imported.studyID.map(privacy.studyID)
                    imported.diagnostics = imported.diagnostics.map(privacy.diagnostic)
                }
                for diagnostic in imported.diagnostics { FileHandle.standardError.write("\(diagnostic)\n") }
                body(imported)
            }
            for diagnostic in summary.fileDiagnostics { FileHandle.standardError.write("\(diagnostic)\n") }
            if summary.unreadable {
                status = status.combined(with: .unreadable)
            } else if !summary.isClean {
                status = status.combined(with: .rejected)
            }
        }
        return status
    }
}
