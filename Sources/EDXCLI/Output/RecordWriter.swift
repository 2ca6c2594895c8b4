import Foundation

/// Writes one pretty JSON document when there is a single record, JSON Lines when there are several,
/// or text; holds back only the first record until it knows which.
struct RecordWriter<Record: Encodable> {
    let format: OutputFormat
    private let text: (Record) -> String
    private var pending: Record?
    private var count = 0
    private let compact: JSONEncoder
    private let pretty: JSONEncoder

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
            print(text(record), terminator: "")
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

    mutating func finish() {
        if let first = pending, let data = try? pretty.encode(first) {
            print(String(decoding: data, as: UTF8.self))
        }
        pending = nil
    }

    private func emitLine(_ record: Record) {
        if let data = try? compact.encode(record) { print(String(decoding: data, as: UTF8.self)) }
    }
}
