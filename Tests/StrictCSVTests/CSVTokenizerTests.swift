import StrictCSV
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// Writes `bytes` to a temporary file and returns its path.
func temporaryFile(_ bytes: [UInt8], name: String = #function) -> String {
    let safe = name.filter { $0.isLetter || $0.isNumber }
    let path = "/tmp/edx-csv-\(getpid())-\(safe).csv"
    let file = fopen(path, "wb")!
    _ = bytes.withUnsafeBufferPointer { fwrite($0.baseAddress, 1, $0.count, file) }
    fclose(file)
    return path
}

func records(_ text: String, name: String = #function) throws -> [CSVRecord] {
    var tokenizer = try CSVTokenizer(path: temporaryFile(Array(text.utf8), name: name))
    var result: [CSVRecord] = []
    while let record = try tokenizer.next() { result.append(record) }
    return result
}

@Suite("Strict CSV tokenizer")
struct CSVTokenizerTests {
    @Test func quotedDelimitersQuotesAndNewlines() throws {
        let rows = try records("a,\"b,1\",\"say \"\"hi\"\"\"\r\n\"two\nlines\",x,\n")
        #expect(rows.map(\.fields) == [["a", "b,1", "say \"hi\""], ["two\nlines", "x", ""]])
        #expect(rows.map(\.line) == [1, 2])
        #expect(rows[1].endLine == 3)
        #expect(rows[0].quoted == [false, true, true])
    }

    @Test func semicolonChosenFromFirstLine() throws {
        var tokenizer = try CSVTokenizer(path: temporaryFile(Array("a;b;c\n1,5;2;3\n".utf8)))
        #expect(tokenizer.delimiterName == "';'")
        #expect(try tokenizer.next()?.fields == ["a", "b", "c"])
        #expect(try tokenizer.next()?.fields == ["1,5", "2", "3"])
    }

    @Test func unterminatedQuoteIsAnErrorAtItsLine() throws {
        var tokenizer = try CSVTokenizer(path: temporaryFile(Array("a,b\n1,\"oops\n2,3\n".utf8)))
        _ = try tokenizer.next()
        let error = #expect(throws: CSVSyntaxError.self) { try tokenizer.next() }
        #expect(error?.kind == .unterminatedQuote)
        #expect(error?.line == 2 && error?.column == 3)
        #expect(error?.isFatal == true)
    }

    @Test func strayQuoteSkipsTheLineAndGoesOn() throws {
        var tokenizer = try CSVTokenizer(path: temporaryFile(Array("a,b\"c\nd,e\n".utf8)))
        let error = #expect(throws: CSVSyntaxError.self) { try tokenizer.next() }
        #expect(error?.kind == .strayQuote && error?.isFatal == false)
        #expect(try tokenizer.next()?.fields == ["d", "e"])
    }

    @Test func encodings() throws {
        let bom = try CSVTokenizer(path: temporaryFile([0xEF, 0xBB, 0xBF] + Array("µV,x\n".utf8)))
        var utf8 = bom
        #expect(try utf8.next()?.fields == ["µV", "x"])
        #expect(utf8.encoding == .utf8WithBOM)
        var cp1252 = try CSVTokenizer(path: temporaryFile(Array("a,".utf8) + [0xB5] + Array("V\n".utf8), name: "cp"))
        #expect(try cp1252.next()?.fields == ["a", "µV"])
        #expect(cp1252.encoding == .windows1252)
        var utf16: [UInt8] = [0xFF, 0xFE]
        for unit in "a,µV\r\nb,c\r\n".utf16 { utf16 += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        var little = try CSVTokenizer(path: temporaryFile(utf16, name: "u16"))
        #expect(try little.next()?.fields == ["a", "µV"])
        #expect(try little.next()?.fields == ["b", "c"])
        #expect(little.encoding == .utf16LittleEndian)
    }

    @Test func invalidUTF8AfterTheEncodingIsSettledIsReported() throws {
        let bytes = Array("µV\nbad ".utf8) + [0xFF] + Array("\n".utf8)
        var tokenizer = try CSVTokenizer(path: temporaryFile(bytes))
        #expect(try tokenizer.next()?.undecodableFields == [])
        #expect(try tokenizer.next()?.undecodableFields == [0])
    }

    @Test func emptyFile() {
        let error = #expect(throws: CSVSyntaxError.self) { try CSVTokenizer(path: temporaryFile([])) }
        #expect(error?.kind == .empty)
    }
}
