/// Writes numbered objects one after another, remembering each one's byte offset for the
/// cross-reference table.
struct PDFObjectWriter {
    private(set) var output: [UInt8]
    private var offsets: [Int: Int] = [:]

    init() {
        // The header, then a comment of four bytes above 127 so that transfer programs treat the
        // file as binary (PDF 1.4 §3.4.1).
        output = PDFSyntax.ascii("%PDF-1.4\n") + [0x25, 0xE2, 0xE3, 0xCF, 0xD3, 0x0A]
    }

    /// Writes object `number` with the body `body`.
    mutating func object(_ number: Int, _ body: String) { object(number, PDFSyntax.ascii(body)) }

    /// Writes object `number` with the body `body`.
    mutating func object(_ number: Int, _ body: [UInt8]) {
        offsets[number] = output.count
        output += PDFSyntax.ascii("\(number) 0 obj\n")
        output += body
        output += PDFSyntax.ascii("\nendobj\n")
    }

    /// Writes object `number` as a stream holding `data`, uncompressed.
    mutating func stream(_ number: Int, _ data: [UInt8]) {
        var body = PDFSyntax.ascii("<< /Length \(data.count) >>\nstream\n")
        body += data
        body += PDFSyntax.ascii("\nendstream")
        object(number, body)
    }

    /// Appends the cross-reference table and the trailer and returns the file.
    ///
    /// Objects must be numbered 1…n without gaps. The `/ID` is two copies of a 16-byte digest of
    /// everything written before the table, so it changes with the content and never with the run.
    mutating func finish(root: Int, info: Int) -> [UInt8] {
        let count = (offsets.keys.max() ?? 0) + 1
        let identifier = PDFSyntax.hexString(ContentDigest.digest(output))
        let xrefOffset = output.count
        output += PDFSyntax.ascii("xref\n0 \(count)\n0000000000 65535 f \n")
        for number in 1..<count {
            // Each entry is exactly 20 bytes: 10-digit offset, space, 5-digit generation, space,
            // type, and a two-byte end of line (space, LF).
            let offset = String(offsets[number] ?? 0)
            output += PDFSyntax.ascii(String(repeating: "0", count: max(10 - offset.count, 0)) + offset + " 00000 n \n")
        }
        output += PDFSyntax.ascii("trailer\n<< /Size \(count) /Root \(root) 0 R /Info \(info) 0 R /ID [")
        output += identifier + PDFSyntax.ascii(" ") + identifier
        output += PDFSyntax.ascii("] >>\nstartxref\n\(xrefOffset)\n%%EOF\n")
        return output
    }
}

/// A 16-byte digest of a file's bytes for its `/ID`: two 64-bit FNV-1a hashes with different
/// offset bases. It tells files apart; it is not a cryptographic hash, which an `/ID` need not be.
enum ContentDigest {
    static func digest(_ bytes: [UInt8]) -> [UInt8] {
        let prime: UInt64 = 0x0000_0100_0000_01B3
        var first: UInt64 = 0xCBF2_9CE4_8422_2325
        var second: UInt64 = 0x6C62_272E_07BB_0142
        for byte in bytes {
            first = (first ^ UInt64(byte)) &* prime
            second = (second ^ UInt64(byte ^ 0x5A)) &* prime
        }
        return [first, second].flatMap { value in (0..<8).map { UInt8(truncatingIfNeeded: value >> (56 - 8 * $0)) } }
    }
}
