#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Feeds a file descriptor to libxml2 and remembers the last few hundred kilobytes it fed, with the
/// line each chunk starts on, so that a start tag's column can be found after libxml2 has parsed it.
///
/// Memory stays bounded: chunks older than ``retainedBytes`` are dropped.
final class InputWindow {
    private struct Chunk {
        var firstLine: Int
        var bytes: [UInt8]
        /// The offset of the byte after each newline: where lines `firstLine + 1`, … start.
        var lineStarts: [Int]
        var newlines: Int { lineStarts.count }
        var lastLine: Int { firstLine + newlines }
    }

    static let retainedBytes = 256 * 1024
    private let fd: Int32
    private var chunks: [Chunk] = []
    private var retained = 0
    private var nextLine = 1
    private(set) var failure: String?

    init(fd: Int32) {
        self.fd = fd
    }

    deinit {
        close(fd)
    }

    /// libxml2's read callback: fills `buffer`, returns the byte count, 0 at end of file, -1 on error.
    func read(into buffer: UnsafeMutableRawPointer, capacity: Int) -> Int32 {
        var count: Int
        repeat {
            count = systemRead(fd, buffer, capacity)
        } while count < 0 && errno == EINTR
        if count < 0 {
            failure = "read error: \(String(cString: strerror(errno)))"
            return -1
        }
        guard count > 0 else { return 0 }
        let bytes = [UInt8](UnsafeRawBufferPointer(start: buffer, count: count))
        var lineStarts: [Int] = []
        bytes.withUnsafeBufferPointer { all in
            guard let base = all.baseAddress else { return }
            var offset = 0
            while offset < all.count, let found = memchr(base + offset, 0x0A, all.count - offset) {
                offset = UnsafeRawPointer(found) - UnsafeRawPointer(base) + 1
                lineStarts.append(offset)
            }
        }
        chunks.append(Chunk(firstLine: nextLine, bytes: bytes, lineStarts: lineStarts))
        nextLine += lineStarts.count
        retained += count
        while retained > Self.retainedBytes, chunks.count > 2 {
            retained -= chunks.removeFirst().bytes.count
        }
        return Int32(count)
    }

    /// The 1-based byte column of the `occurrence`-th (0-based) start tag `<name` or `<prefix:name`
    /// on `line`, or `nil` when that line is no longer in the window.
    func column(ofStartTag name: String, occurrence: Int, line: Int) -> Int? {
        guard let startIndex = chunks.firstIndex(where: { $0.lastLine >= line }), chunks[startIndex].firstLine <= line
        else { return nil }
        // Gather the bytes of the line, which may span chunks.
        var lineBytes: [UInt8] = []
        var chunkIndex = startIndex
        var offset = 0
        let skip = line - chunks[startIndex].firstLine
        if skip > 0 {
            // Where the line starts, from the chunk's index of line starts (computed once per chunk).
            offset = chunks[startIndex].lineStarts[skip - 1]
        } else if startIndex == 0 && chunks[0].firstLine != 1 {
            return nil  // the beginning of the line was dropped from the window
        }
        // Nearly always the whole line is in this chunk: search it in place.
        let first = chunks[chunkIndex].bytes
        let lineEnd = skip < chunks[chunkIndex].lineStarts.count ? chunks[chunkIndex].lineStarts[skip] - 1 : nil
        if let lineEnd {
            return first.withUnsafeBufferPointer { all in
                Self.findStartTag(
                    name: Array(name.utf8), occurrence: occurrence,
                    in: UnsafeBufferPointer(rebasing: all[offset..<lineEnd]))
            }
        }
        scan: while chunkIndex < chunks.count {
            let bytes = chunks[chunkIndex].bytes
            while offset < bytes.count {
                let byte = bytes[offset]
                if byte == 0x0A { break scan }
                lineBytes.append(byte)
                if lineBytes.count > 1 << 20 { break scan }
                offset += 1
            }
            chunkIndex += 1
            offset = 0
        }
        return lineBytes.withUnsafeBufferPointer {
            Self.findStartTag(name: Array(name.utf8), occurrence: occurrence, in: $0)
        }
    }

    /// The line of the first occurrence of `pattern` still in the window (DTD nodes have no line in libxml2).
    func line(ofFirst pattern: String) -> Int? {
        let needle = Array(pattern.utf8)
        for chunk in chunks {
            var line = chunk.firstLine
            let bytes = chunk.bytes
            var index = 0
            while index + needle.count <= bytes.count {
                if bytes[index] == 0x0A { line += 1 }
                if bytes[index] == needle[0], Array(bytes[index..<(index + needle.count)]) == needle { return line }
                index += 1
            }
        }
        return nil
    }

    private static func findStartTag(name: [UInt8], occurrence: Int, in line: UnsafeBufferPointer<UInt8>) -> Int? {
        var found = 0
        var index = 0
        while index < line.count {
            defer { index += 1 }
            guard line[index] == UInt8(ascii: "<") else { continue }
            var nameStart = index + 1
            // Skip an optional namespace prefix.
            var cursor = nameStart
            while cursor < line.count, isNameByte(line[cursor]) { cursor += 1 }
            if cursor < line.count, line[cursor] == UInt8(ascii: ":") { nameStart = cursor + 1 }
            let end = nameStart + name.count
            guard end <= line.count, line[nameStart..<end].elementsEqual(name) else { continue }
            if end < line.count, isNameByte(line[end]) || line[end] == UInt8(ascii: ":") { continue }
            if found == occurrence { return index + 1 }
            found += 1
        }
        return nil
    }

    private static func isNameByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "_"), UInt8(ascii: "-"), UInt8(ascii: "."):
            return true
        default:
            return byte >= 0x80
        }
    }
}

/// `read(2)`, named so that it does not collide with ``InputWindow/read(into:capacity:)``.
private func systemRead(_ fd: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int {
    read(fd, buffer, count)
}
