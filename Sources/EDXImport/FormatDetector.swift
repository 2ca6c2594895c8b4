import EDXModel

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Detects the export format from the content, never from the file name.
///
/// XML: the first non-blank character is `<`. CSV: the first non-blank line names `study_id`
/// (measurements-csv), or starts with a summary header key or section title (summary-csv).
enum FormatDetector {
    /// Why a file is not read, and the line concerned (0 when the file could not be opened).
    struct Failure: Error {
        var problem: ImportProblem
        var line: Int
        /// True when the file could not be opened or read at all.
        var unreadable: Bool { problem.code == .fileUnreadable }
    }

    static let summaryKeys: Set<String> = [
        "patient", "id", "testdate", "dob", "age", "sex", "height", "weight", "temp", "indication",
        "symptomduration", "studyid", "date", "name", "examiner", "referrer", "referring",
    ]

    static func detect(path: String) -> Result<ExportFormat, Failure> {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else {
            return .failure(Failure(problem: .cannotOpen(reason: String(cString: strerror(errno))), line: 0))
        }
        defer { close(fd) }
        var status = stat()
        if fstat(fd, &status) == 0, (status.st_mode & S_IFMT) == S_IFDIR {
            return .failure(Failure(problem: .isDirectory, line: 0))
        }
        var head = [UInt8](repeating: 0, count: 8192)
        let count = head.withUnsafeMutableBytes { read(fd, $0.baseAddress, 8192) }
        guard count >= 0 else {
            return .failure(Failure(problem: .readError(reason: String(cString: strerror(errno))), line: 0))
        }
        head.removeSubrange(count...)
        let text = decodeHead(head)
        guard !text.allSatisfy(\.isWhitespace) else {
            return .failure(Failure(problem: .emptyFile, line: 1))
        }
        if text.first(where: { !$0.isWhitespace }) == "<" { return .success(.studyXML) }
        var lineNumber = 0
        for line in text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }) {
            lineNumber += 1
            let trimmed = line.trimmingCharacters()
            if trimmed.isEmpty || trimmed.allSatisfy({ $0 == "," || $0 == ";" || $0 == "\t" || $0 == " " }) {
                continue
            }
            let lowered = trimmed.lowercased()
            if lowered.contains("study_id") || lowered.contains("\"study_id\"") { return .success(.measurementsCSV) }
            let firstCell = lowered.split(whereSeparator: { $0 == "," || $0 == ";" || $0 == "\t" }).first.map {
                String($0).replacingOccurrences(of: "\"", with: "")
            }
            if let firstCell {
                let key = firstCell.filter { !$0.isWhitespace && $0 != ":" }
                if summaryKeys.contains(key) || SummaryCSVReader.sectionTitle(firstCell) != nil {
                    return .success(.summaryCSV)
                }
            }
            return .failure(Failure(problem: .notAnExport, line: lineNumber))
        }
        return .failure(Failure(problem: .onlyDelimiters, line: 1))
    }

    /// Decodes the first bytes for detection: UTF-16 by its BOM, otherwise bytes as Latin-1-ish ASCII.
    private static func decodeHead(_ bytes: [UInt8]) -> String {
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            let little = bytes[0] == 0xFF
            var units: [UInt16] = []
            var index = 2
            while index + 1 < bytes.count {
                units.append(
                    little
                        ? UInt16(bytes[index]) | UInt16(bytes[index + 1]) << 8
                        : UInt16(bytes[index]) << 8 | UInt16(bytes[index + 1]))
                index += 2
            }
            return String(decoding: units, as: UTF16.self)
        }
        let body = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(bytes.dropFirst(3)) : bytes
        return String(decoding: body.map { $0 < 0x80 ? $0 : UInt8(ascii: "?") }, as: UTF8.self)
    }
}

extension Substring {
    func trimmingCharacters() -> String { String(self).trimmingWhitespace() }
}
