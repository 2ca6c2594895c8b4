import EDXImport
import EDXModel
import Foundation

/// Reads every study of the given files, writing diagnostics to standard error as they come, and
/// gives each imported study to `body`. Returns the exit status the files earn.
enum StudyInput {
    static func forEach(files: [String], names: NameResolver = .builtIn, _ body: (ImportedStudy) -> Void)
        -> ExitStatus
    {
        var status = ExitStatus.success
        for file in files {
            let summary = StudyImporter.importFile(at: file, names: names) { imported in
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
