import Foundation

/// Blocks of the documentation that are generated from the code's data: a table of limits, of
/// thresholds, of model numbers. Each block sits between two marker comments,
/// `<!-- generated:NAME -->` and `<!-- end generated:NAME -->`.
///
/// A test renders the block from the data and calls ``check(_:in:name:)``: it returns a failure
/// message when the file's block differs. With `EDX_UPDATE_DOCS=1` the file is rewritten first and a
/// failure is still returned ("updated, run again"), so that a test never passes while recording.
public enum GeneratedDocs {
    /// Tests run in parallel: reading and rewriting a file is one step.
    private static let lock = NSLock()

    /// Nil when the block of `file` (relative to the repository root) equals `content`; otherwise why not.
    public static func check(_ content: String, in file: String, name: String) -> String? {
        lock.lock()
        defer { lock.unlock() }
        let path = Fixtures.root() + "/" + file
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return "\(file) cannot be read" }
        let begin = "<!-- generated:\(name) -->\n"
        let end = "<!-- end generated:\(name) -->"
        guard let start = text.range(of: begin), let stop = text.range(of: end, range: start.upperBound..<text.endIndex)
        else { return "\(file) has no block \(begin.trimmingCharacters(in: .newlines)) ... \(end)" }
        let current = String(text[start.upperBound..<stop.lowerBound])
        let wanted = content.hasSuffix("\n") ? content : content + "\n"
        if current == wanted { return nil }
        if ProcessInfo.processInfo.environment["EDX_UPDATE_DOCS"] == "1" {
            let updated = text.replacingCharacters(in: start.upperBound..<stop.lowerBound, with: wanted)
            do {
                try Data(updated.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
                return "\(file): block \(name) updated; run the tests again"
            } catch {
                return "\(file): block \(name) could not be written: \(error)"
            }
        }
        let old = current.split(separator: "\n", omittingEmptySubsequences: false)
        let new = wanted.split(separator: "\n", omittingEmptySubsequences: false)
        let line = zip(old, new).enumerated().first { $1.0 != $1.1 }?.offset ?? min(old.count, new.count)
        return """
            \(file): block \(name) is stale (run EDX_UPDATE_DOCS=1 swift test); first difference at its line \(line + 1):
              docs: \(line < old.count ? String(old[line]) : "<end>")
              code: \(line < new.count ? String(new[line]) : "<end>")
            """
    }

    /// A Markdown table: header cells, then rows; `|` in cells is escaped.
    public static func table(_ header: [String], _ rows: [[String]]) -> String {
        func line(_ cells: [String]) -> String {
            "| " + cells.map { $0.replacingOccurrences(of: "|", with: "\\|") }.joined(separator: " | ") + " |"
        }
        return ([line(header), "|" + header.map { _ in "---|" }.joined()] + rows.map(line)).joined(separator: "\n")
            + "\n"
    }
}
