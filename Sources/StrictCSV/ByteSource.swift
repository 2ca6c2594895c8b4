#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads a file in 64 KiB chunks, strips a byte-order mark, and transcodes UTF-16 to UTF-8 on the
/// fly, so that the tokenizer only ever sees UTF-8 or single-byte text. Owns the file descriptor.
final class ByteSource {
    static let chunkSize = 64 * 1024

    private let fd: Int32
    private var buffer: [UInt8] = []
    private var position = 0
    private var atEnd = false
    private var pendingUTF16: [UInt8] = []
    private(set) var encoding: TextEncoding = .utf8

    init(path: String) throws(CSVSyntaxError) {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else {
            throw CSVSyntaxError(
                kind: .unreadable, line: 0, column: nil,
                message: "cannot open file: \(String(cString: strerror(errno)))")
        }
        self.fd = fd
        try fill()
        if buffer.isEmpty {
            throw CSVSyntaxError(kind: .empty, line: 1, column: nil, message: "the file is empty")
        }
        try detectByteOrderMark()
    }

    deinit {
        close(fd)
    }

    @inline(__always)
    func peek() -> UInt8? {
        if position < buffer.count { return buffer[position] }
        refill()
        return position < buffer.count ? buffer[position] : nil
    }

    @inline(__always)
    func next() -> UInt8? {
        if position < buffer.count {
            defer { position += 1 }
            return buffer[position]
        }
        refill()
        guard position < buffer.count else { return nil }
        defer { position += 1 }
        return buffer[position]
    }

    /// Skips to just after the next line end (LF, CRLF or a lone CR), a buffer at a time: a
    /// hundred-megabyte line is passed over without looking at it byte by byte.
    func skipLine() {
        while true {
            let found: Int? = buffer.withUnsafeBufferPointer { bytes -> Int? in
                guard let base = bytes.baseAddress, position < bytes.count else { return nil }
                let count = bytes.count - position
                let start = UnsafeRawPointer(base + position)
                let lineFeed = memchr(start, 0x0A, count).map { UnsafeRawPointer($0) - start }
                let carriageReturn = memchr(start, 0x0D, count).map { UnsafeRawPointer($0) - start }
                switch (lineFeed, carriageReturn) {
                case let (lf?, cr?): return position + min(lf, cr)
                case let (lf?, nil): return position + lf
                case let (nil, cr?): return position + cr
                case (nil, nil): return nil
                }
            }
            if let index = found {
                position = index + 1
                if buffer[index] == 0x0D, peek() == 0x0A { position += 1 }
                return
            }
            position = buffer.count
            refill()
            if position >= buffer.count { return }
        }
    }

    private func refill() {
        guard !atEnd else { return }
        buffer.removeSubrange(0..<position)
        position = 0
        try? fill()
    }

    /// Appends the next chunk (transcoded) to the buffer.
    private func fill() throws(CSVSyntaxError) {
        var chunk = [UInt8](repeating: 0, count: Self.chunkSize)
        var count = 0
        while true {
            count = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, Self.chunkSize) }
            if count >= 0 || errno != EINTR { break }
        }
        guard count > 0 else {
            atEnd = true
            if count < 0 {
                throw CSVSyntaxError(
                    kind: .unreadable, line: 0, column: nil, message: "read error: \(String(cString: strerror(errno)))")
            }
            return
        }
        chunk.removeSubrange(count...)
        switch encoding {
        case .utf16LittleEndian, .utf16BigEndian:
            buffer.append(contentsOf: transcodeUTF16(chunk))
        default:
            buffer.append(contentsOf: chunk)
        }
    }

    private func detectByteOrderMark() throws(CSVSyntaxError) {
        while buffer.count < 3 && !atEnd { try fill() }
        if buffer.starts(with: [0xEF, 0xBB, 0xBF]) {
            encoding = .utf8WithBOM
            position = 3
        } else if buffer.starts(with: [0xFF, 0xFE]) || buffer.starts(with: [0xFE, 0xFF]) {
            encoding = buffer[0] == 0xFF ? .utf16LittleEndian : .utf16BigEndian
            let rest = Array(buffer[2...])
            buffer = transcodeUTF16(rest)
            position = 0
        }
    }

    /// Transcodes UTF-16 bytes to UTF-8, keeping an odd trailing byte or a split surrogate pair
    /// for the next chunk. Unpaired surrogates become U+FFFD.
    private func transcodeUTF16(_ bytes: [UInt8]) -> [UInt8] {
        let all = pendingUTF16 + bytes
        let usable = all.count - all.count % 2
        var units: [UInt16] = []
        units.reserveCapacity(usable / 2)
        var index = 0
        while index < usable {
            let unit =
                encoding == .utf16LittleEndian
                ? UInt16(all[index]) | UInt16(all[index + 1]) << 8
                : UInt16(all[index]) << 8 | UInt16(all[index + 1])
            units.append(unit)
            index += 2
        }
        var keep = Array(all[usable...])
        if let last = units.last, (0xD800...0xDBFF).contains(last), !atEnd {
            units.removeLast()
            let lastBytes = Array(all[(usable - 2)..<usable])
            keep = lastBytes + keep
        }
        pendingUTF16 = keep
        var output: [UInt8] = []
        output.reserveCapacity(units.count)
        _ = transcode(units.makeIterator(), from: UTF16.self, to: UTF8.self, stoppingOnError: false) {
            output.append($0)
        }
        return output
    }

    /// Chooses the delimiter from the first non-blank line: the most frequent of `,`, `;` and tab
    /// outside quotes (`,` on a tie or when none occurs).
    func detectDelimiter() -> UInt8 {
        var index = position
        var counts: [UInt8: Int] = [UInt8(ascii: ","): 0, UInt8(ascii: ";"): 0, UInt8(ascii: "\t"): 0]
        var inQuotes = false
        var sawContent = false
        while true {
            if index >= buffer.count {
                guard !atEnd, (try? fill()) != nil, index < buffer.count else { break }
            }
            let byte = buffer[index]
            index += 1
            if byte == UInt8(ascii: "\"") {
                inQuotes.toggle()
                sawContent = true
            } else if !inQuotes && (byte == 0x0A || byte == 0x0D) {
                if sawContent { break }
            } else if !inQuotes, counts[byte] != nil {
                counts[byte, default: 0] += 1
                sawContent = true
            } else if byte != UInt8(ascii: " ") {
                sawContent = true
            }
            if index - position > 1 << 20 { break }
        }
        let comma = counts[UInt8(ascii: ","), default: 0]
        let semicolon = counts[UInt8(ascii: ";"), default: 0]
        let tab = counts[UInt8(ascii: "\t"), default: 0]
        if semicolon > comma && semicolon >= tab { return UInt8(ascii: ";") }
        if tab > comma && tab > semicolon { return UInt8(ascii: "\t") }
        return UInt8(ascii: ",")
    }
}

/// Windows-1252, the code page of older EMG machines (µ is 0xB5).
enum Windows1252 {
    /// Code points of bytes 0x80–0x9F; the other bytes equal their Latin-1 code points.
    private static let high: [UInt32] = [
        0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8D,
        0x017D, 0x8F, 0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A,
        0x0153, 0x9D, 0x017E, 0x0178,
    ]

    static func decode(_ bytes: [UInt8]) -> String {
        var scalars = String.UnicodeScalarView()
        for byte in bytes {
            let value = (0x80...0x9F).contains(byte) ? high[Int(byte) - 0x80] : UInt32(byte)
            scalars.append(Unicode.Scalar(value) ?? "\u{FFFD}")
        }
        return String(scalars)
    }
}
