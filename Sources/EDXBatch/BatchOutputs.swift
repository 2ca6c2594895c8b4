import EDXOutput
import Foundation
import StrictCSV

/// `results.jsonl` and `summary.csv`, regenerated from the index in input order (source, then
/// position in the file), each replaced atomically.
package enum BatchOutputs {
    package static func write(from index: BatchIndex, to directory: String) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let results = try StagedOutput(path: directory + "/results.jsonl")
        let summary = try StagedOutput(path: directory + "/summary.csv")
        try summary.append(SpreadsheetCSV.row(SpreadsheetCSV.header))
        try index.entries { entry in
            try results.append(String(decoding: try encoder.encode(entry), as: UTF8.self) + "\n")
            try summary.append(SpreadsheetCSV.row(SpreadsheetCSV.cells(entry)))
        }
        try results.commit()
        try summary.commit()
    }
}

/// CSV for spreadsheets: RFC 4180 quoting, and any cell that a spreadsheet would run as a formula
/// (starting with `=`, `+`, `-`, `@`, a tab or a carriage return) prefixed with `'` (OWASP
/// "CSV injection" guidance).
package enum SpreadsheetCSV {
    static let header = [
        "source", "ordinal", "line", "status", "study_id", "study_key", "date", "age_years", "sex", "primary_code",
        "side", "probability", "severity", "acuity", "pathophysiology", "second_code", "second_probability",
        "warnings", "duplicate_of", "problem",
    ]

    static func cells(_ entry: BatchEntry) -> [String] {
        let number = { (value: Double?) in value.map { String(format: "%.3f", $0) } ?? "" }
        return [
            entry.source, String(entry.ordinal), entry.line.map(String.init) ?? "", entry.status.rawValue,
            entry.id ?? "", entry.key ?? "", entry.date ?? "", entry.ageYears.map { String(format: "%g", $0) } ?? "",
            entry.sex ?? "", entry.primaryCode ?? "", entry.side ?? "", number(entry.probability), entry.severity ?? "",
            entry.acuity ?? "", entry.pathophysiology ?? "", entry.secondCode ?? "", number(entry.secondProbability),
            String(entry.warnings), entry.duplicateOf ?? "",
            entry.status == .ok || entry.status == .duplicate
                ? "" : ((entry.status == .writeError ? entry.diagnostics.last : entry.diagnostics.first) ?? ""),
        ]
    }

    /// One CSV line, with a CRLF ending as RFC 4180 asks.
    package static func row(_ cells: [String]) -> String {
        cells.map(cell).joined(separator: ",") + "\r\n"
    }

    /// A neutralised, quoted-if-needed cell.
    package static func cell(_ value: String) -> String {
        var text = value
        // A plain number (`-1`) is data, not a formula; anything else starting with a trigger is neutralised.
        if let first = text.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first), Double(text) == nil {
            text = "'" + text
        }
        return CSVField.quoted(text)
    }
}
