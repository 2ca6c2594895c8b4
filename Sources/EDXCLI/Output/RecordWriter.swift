import EDXOutput
import Foundation

/// Writes one pretty JSON document when there is a single record, JSON Lines when there are several,
/// or text; holds back only the first record until it knows which. Every write to standard output
/// is checked: the first failure is kept and thrown by ``finish()``.
struct RecordWriter<Record: Encodable> {
    let format: OutputFormat
    private let text: (Record) -> String
    private var pending: Record?
    private var count = 0
    private let compact: JSONEncoder
    private let pretty: JSONEncoder
    private(set) var failure: OutputError?

    init(format: OutputFormat, text: @escaping (Record) -> String) {
        self.format = format
        self.text = text
        compact = JSONEncoder()
        compact.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        pretty = JSONEncoder()
        pretty.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
    }

    mutating func write(_ record: Record) {
        count += 1
        switch format {
        case .text:
            emit(text(record))
        case .json:
            if count == 1 {
                pending = record
                return
            }
            if let first = pending {
                emitLine(first)
                pending = nil
            }
            emitLine(record)
        }
    }

    /// Writes the record held back, and throws the first failure to write, if any.
    mutating func finish() throws(OutputError) {
        if let first = pending, let data = try? pretty.encode(first) {
            emit(String(decoding: data, as: UTF8.self) + "\n")
        }
        pending = nil
        if let failure { throw failure }
    }

    private mutating func emitLine(_ record: Record) {
        if let data = try? compact.encode(record) { emit(String(decoding: data, as: UTF8.self) + "\n") }
    }

    private mutating func emit(_ text: String) {
        guard failure == nil else { return }
        do { try Output.write(text) } catch { failure = error }
    }
}
