import EDXBatch
import EDXDocuments
import EDXImport
import EDXModel
import Foundation

/// A study uploaded in this session: imported (and rendered) or rejected, with its diagnostics.
struct UploadedStudy: Sendable {
    /// Its number in the session, from 1: its page is `/study/N`.
    var number: Int
    /// The file it came from, as shown (a random `input-` code when de-identified).
    var file: String
    /// The study id, as shown (a random `study-` code when de-identified).
    var studyID: String?
    var status: ImportedStudy.Status
    var rendered: RenderedStudy?
    var diagnostics: [Diagnostic]
}

/// A file uploaded in this session, with the problems that belong to no single study.
struct UploadedFile: Sendable {
    var file: String
    var diagnostics: [Diagnostic]
    var studies: [Int]
}

/// A batch output folder opened in this session: its page is `/batch/N`.
struct OpenBatch: Sendable {
    var number: Int
    /// The folder, symbolic links resolved.
    var folder: String
    var index: BatchIndex.Browser
    /// The batch was de-identified when it was made.
    var deidentified: Bool
}

/// What one run of the viewer holds: uploaded studies and open batch folders, in memory only.
actor ViewerState {
    private(set) var studies: [UploadedStudy] = []
    private(set) var files: [UploadedFile] = []
    private(set) var batches: [OpenBatch] = []
    /// The filter choices of each batch, read once: five scans of a large index per page would
    /// cost more than the page itself.
    private var choices: [Int: [BatchIndex.ChoiceColumn: [String]]] = [:]

    /// Records the studies of one file; returns their numbers.
    func add(file: String, fileDiagnostics: [Diagnostic], studies new: [UploadedStudy]) -> [Int] {
        var numbers: [Int] = []
        for var study in new {
            study.number = studies.count + 1
            numbers.append(study.number)
            studies.append(study)
        }
        files.append(UploadedFile(file: file, diagnostics: fileDiagnostics, studies: numbers))
        return numbers
    }

    func study(_ number: Int) -> UploadedStudy? {
        studies.indices.contains(number - 1) ? studies[number - 1] : nil
    }

    func batch(_ number: Int) -> OpenBatch? {
        batches.indices.contains(number - 1) ? batches[number - 1] : nil
    }

    /// The distinct values of each filter column of batch `number`.
    func choices(_ batch: OpenBatch) throws -> [BatchIndex.ChoiceColumn: [String]] {
        if let known = choices[batch.number] { return known }
        var read: [BatchIndex.ChoiceColumn: [String]] = [:]
        for column in BatchIndex.ChoiceColumn.allCases { read[column] = try batch.index.choices(column) }
        choices[batch.number] = read
        return read
    }

    /// Opens a batch folder (the same folder twice gives the same number).
    func open(folder: String, index: BatchIndex.Browser, deidentified: Bool) -> Int {
        if let open = batches.first(where: { $0.folder == folder }) { return open.number }
        let number = batches.count + 1
        batches.append(OpenBatch(number: number, folder: folder, index: index, deidentified: deidentified))
        return number
    }
}
