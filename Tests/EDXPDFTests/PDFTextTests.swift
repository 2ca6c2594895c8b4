import Foundation
import Testing

@testable import EDXPDF

@Suite("Text: WinAnsi encoding, Symbol fallback, the '?' fallback")
struct PDFTextEncodingTests {
    @Test("Windows-1252 characters of 0x80–0x9F are written at their WinAnsi codes")
    func windows1252() {
        let expected: [(Character, UInt8)] = [
            ("€", 0x80), ("‚", 0x82), ("ƒ", 0x83), ("„", 0x84), ("…", 0x85), ("†", 0x86), ("‡", 0x87),
            ("ˆ", 0x88), ("‰", 0x89), ("Š", 0x8A), ("‹", 0x8B), ("Œ", 0x8C), ("Ž", 0x8E), ("‘", 0x91),
            ("’", 0x92), ("“", 0x93), ("”", 0x94), ("•", 0x95), ("–", 0x96), ("—", 0x97), ("˜", 0x98),
            ("™", 0x99), ("š", 0x9A), ("›", 0x9B), ("œ", 0x9C), ("ž", 0x9E), ("Ÿ", 0x9F),
        ]
        for (character, code) in expected {
            #expect(PDFTextEncoder.runs(String(character), font: .helvetica) == [run(.helvetica, [code])])
        }
    }

    @Test("Latin-1 characters (µ ° ± × · é …) keep their own codes in WinAnsi fonts")
    func latin1() {
        #expect(
            PDFTextEncoder.runs("µ°±×·é", font: .helvetica) == [run(.helvetica, [0xB5, 0xB0, 0xB1, 0xD7, 0xB7, 0xE9])])
        #expect(PDFTextEncoder.runs("\u{A0}\u{AD}ÿ", font: .courier) == [run(.courier, [0xA0, 0xAD, 0xFF])])
        // A decomposed é (e + U+0301) is the same character.
        #expect(PDFTextEncoder.runs("e\u{301}", font: .helvetica) == [run(.helvetica, [0xE9])])
    }

    @Test(
        "Characters only Symbol has are drawn in Symbol",
        arguments: [
            ("≥", 0xB3), ("≤", 0xA3), ("→", 0xAE), ("←", 0xAC), ("↑", 0xAD), ("↓", 0xAF), ("≈", 0xBB),
            ("≠", 0xB9), ("∞", 0xA5), ("√", 0xD6), ("α", 0x61), ("β", 0x62), ("γ", 0x67), ("δ", 0x64),
            ("μ", 0x6D), ("Δ", 0x44), ("Ω", 0x57), ("\u{2126}", 0x57), ("−", 0x2D), ("⇒", 0xDE), ("∑", 0xE5),
        ] as [(Character, UInt8)])
    func symbolFallback(character: Character, code: UInt8) {
        #expect(PDFTextEncoder.runs(String(character), font: .helvetica) == [run(.symbol, [code])])
        #expect(PDFTextEncoder.canDraw(String(character), font: .courierBold))
    }

    @Test("One text call is split into runs of one font each")
    func runsSplit() {
        #expect(
            PDFTextEncoder.runs("x ≥ 4 ms", font: .helveticaBold) == [
                run(.helveticaBold, Array("x ".utf8)), run(.symbol, [0xB3]), run(.helveticaBold, Array(" 4 ms".utf8)),
            ])
        #expect(PDFTextEncoder.runs("", font: .helvetica).isEmpty)
    }

    @Test("In Symbol, letters Symbol lacks come from Helvetica; α stays α, a stays a")
    func symbolChosen() {
        #expect(
            PDFTextEncoder.runs("α = a", font: .symbol) == [
                run(.symbol, [0x61, 0x20, 0x3D, 0x20]), run(.helvetica, [0x61]),
            ])
        #expect(PDFTextEncoder.runs("±°", font: .symbol) == [run(.symbol, [0xB1, 0xB0])])
    }

    @Test("Stand-ins: tabs and Unicode spaces become a space, U+2010/U+2011 a hyphen")
    func standIns() {
        #expect(
            PDFTextEncoder.runs("a\tb\u{2009}c\u{202F}d\u{2011}e", font: .helvetica) == [
                run(.helvetica, Array("a b c d-e".utf8))
            ])
    }

    @Test("Anything else becomes ? in the chosen font: emoji, CJK, control characters, line breaks")
    func questionMark() {
        #expect(PDFTextEncoder.runs("a😀b中\u{7}\n", font: .helvetica) == [run(.helvetica, Array("a?b???".utf8))])
        #expect(!PDFTextEncoder.canDraw("😀", font: .helvetica))
        #expect(PDFTextEncoder.canDraw(clinicalLine + greekLine + typographyLine, font: .helvetica))
        #expect(
            PDFTextMetrics.width(of: "😀", font: .helvetica, size: 10)
                == PDFTextMetrics.width(of: "?", font: .helvetica, size: 10))
    }

    private func run(_ font: PDFStandardFont, _ codes: [UInt8]) -> PDFTextRun { PDFTextRun(font: font, codes: codes) }
}

@Suite("Text metrics: Adobe AFM widths, and word wrap")
struct PDFTextMetricsTests {
    @Test("\"Hello\" in Helvetica 12 pt is the AFM sum: H 722 e 556 l 222 l 222 o 556 = 2278 → 27.336 pt")
    func hello() {
        #expect(PDFTextMetrics.units(of: "Hello", font: .helvetica) == 2278)
        #expect(PDFTextMetrics.width(of: "Hello", font: .helvetica, size: 12) == 27.336)
        #expect(PDFTextMetrics.width(of: "Hello", font: .helveticaOblique, size: 12) == 27.336)
    }

    @Test("Other fonts: Helvetica-Bold's own widths, Courier 600 each, Symbol's widths for fallback glyphs")
    func otherFonts() {
        // H 722 e 556 l 278 l 278 o 611.
        #expect(PDFTextMetrics.units(of: "Hello", font: .helveticaBold) == 2445)
        #expect(PDFTextMetrics.units(of: "Hello, µV!", font: .courier) == 6000)
        #expect(PDFTextMetrics.width(of: "iW", font: .courierBold, size: 10) == 12)
        // ≥ 549 (Symbol) between spaces 278 and digits 556 (Helvetica).
        #expect(PDFTextMetrics.units(of: " ≥ 5", font: .helvetica) == 278 + 549 + 278 + 556)
        #expect(PDFTextMetrics.units(of: "α", font: .courier) == 631)
        #expect(PDFTextMetrics.units(of: "µ°", font: .helvetica) == 556 + 400)
        #expect(PDFTextMetrics.units(of: "€—“”", font: .helvetica) == 556 + 1000 + 333 + 333)
        #expect(PDFTextMetrics.width(of: "", font: .helvetica, size: 12) == 0)
    }

    @Test(
        "Every WinAnsi width from 32 to 255 equals Adobe's AFM file (Debian enscript's copy)",
        .enabled(
            if: FileManager.default.fileExists(atPath: enscriptAFMFolder + "/hv.afm"),
            "enscript's AFM files are not installed (scripts/bootstrap.sh pdf installs enscript)"),
        arguments: [(PDFStandardFont.helvetica, "hv.afm"), (.helveticaBold, "hvb.afm")])
    func widthsMatchAdobeAFM(font: PDFStandardFont, file: String) throws {
        let widths = try afmWidthsByName(enscriptAFMFolder + "/" + file)
        var checked = 0
        for code in 32...255 {
            let name = winAnsiGlyphNames[code - 32]
            guard name != ".notdef", name != "Euro" else { continue }  // the 1990 files have no Euro
            #expect(font.glyphWidth(UInt8(code)) == widths[name], "\(file) code \(code) \(name)")
            checked += 1
        }
        #expect(checked == 217)
    }

    @Test(
        "Every Symbol width equals Adobe's Symbol AFM file (Debian enscript's copy)",
        .enabled(
            if: FileManager.default.fileExists(atPath: enscriptAFMFolder + "/sy.afm"),
            "enscript's AFM files are not installed (scripts/bootstrap.sh pdf installs enscript)"))
    func symbolWidthsMatchAdobeAFM() throws {
        let source = try String(contentsOfFile: enscriptAFMFolder + "/sy.afm", encoding: .isoLatin1)
        var checked = 0
        for line in source.split(whereSeparator: \.isNewline) where line.hasPrefix("C ") {
            let fields = line.split(separator: ";").map { $0.split(separator: " ") }
            guard let code = Int(fields[0][1]), (32...254).contains(code), let width = Int(fields[1][1]) else {
                continue
            }
            #expect(PDFStandardFont.symbol.glyphWidth(UInt8(code)) == width, "Symbol code \(code)")
            checked += 1
        }
        #expect(checked == 188)
    }

    @Test("Wrapping is greedy and every line fits")
    func wrapGreedy() {
        let text = "Reduced sural amplitudes with normal conduction velocities suggest an axonal process."
        let lines = PDFTextMetrics.wrap(text, font: .helvetica, size: 10, maxWidth: 150)
        #expect(lines.joined(separator: " ") == text)
        for (index, line) in lines.enumerated() {
            #expect(PDFTextMetrics.width(of: line, font: .helvetica, size: 10) <= 150)
            if index + 1 < lines.count, let next = lines[index + 1].split(separator: " ").first {
                // Greedy: the next line's first word would not have fitted.
                #expect(PDFTextMetrics.width(of: line + " " + next, font: .helvetica, size: 10) > 150)
            }
        }
    }

    @Test("A line exactly as wide as the limit fits")
    func wrapExactFit() {
        let width = PDFTextMetrics.width(of: "Hello Hello", font: .helvetica, size: 12)
        #expect(PDFTextMetrics.wrap("Hello Hello", font: .helvetica, size: 12, maxWidth: width) == ["Hello Hello"])
        #expect(
            PDFTextMetrics.wrap("Hello Hello", font: .helvetica, size: 12, maxWidth: width - 0.001) == [
                "Hello", "Hello",
            ])
    }

    @Test("A word wider than the line is broken between characters")
    func wrapLongWord() {
        // Courier 10 pt: 6 pt a character, so 30 pt holds 5.
        let lines = PDFTextMetrics.wrap("ab abcdefghijkl mn", font: .courier, size: 10, maxWidth: 30)
        #expect(lines == ["ab", "abcde", "fghij", "kl mn"])
        #expect(PDFTextMetrics.wrap("abc", font: .courier, size: 10, maxWidth: 0) == ["a", "b", "c"])
    }

    @Test("Line breaks start paragraphs; empty paragraphs stay; spaces collapse")
    func wrapParagraphs() {
        let lines = PDFTextMetrics.wrap("one  two\n\nthree\r\nfour", font: .helvetica, size: 10, maxWidth: 500)
        #expect(lines == ["one two", "", "three", "four"])
        #expect(PDFTextMetrics.wrap("", font: .helvetica, size: 10, maxWidth: 100) == [""])
    }

    /// Widths by glyph name from an AFM file's `C … ; WX … ; N … ;` lines.
    private func afmWidthsByName(_ path: String) throws -> [String: Int] {
        let source = try String(contentsOfFile: path, encoding: .isoLatin1)
        var widths: [String: Int] = [:]
        for line in source.split(whereSeparator: \.isNewline) where line.hasPrefix("C ") {
            var width: Int?
            var name: String?
            for field in line.split(separator: ";") {
                let parts = field.split(separator: " ")
                if parts.first == "WX", parts.count > 1 { width = Int(parts[1]) }
                if parts.first == "N", parts.count > 1 { name = String(parts[1]) }
            }
            if let width, let name { widths[name] = width }
        }
        return widths
    }
}

/// The glyph names of WinAnsiEncoding codes 32–255 (PDF 1.4 Appendix D); 0xA0 is a second space
/// and 0xAD a second hyphen.
let winAnsiGlyphNames: [String] = """
    space exclam quotedbl numbersign dollar percent ampersand quotesingle parenleft parenright asterisk plus
    comma hyphen period slash zero one two three four five six seven eight nine colon semicolon less equal
    greater question at A B C D E F G H I J K L M N O P Q R S T U V W X Y Z bracketleft backslash
    bracketright asciicircum underscore grave a b c d e f g h i j k l m n o p q r s t u v w x y z braceleft
    bar braceright asciitilde .notdef Euro .notdef quotesinglbase florin quotedblbase ellipsis dagger
    daggerdbl circumflex perthousand Scaron guilsinglleft OE .notdef Zcaron .notdef .notdef quoteleft
    quoteright quotedblleft quotedblright bullet endash emdash tilde trademark scaron guilsinglright oe
    .notdef zcaron Ydieresis space exclamdown cent sterling currency yen brokenbar section dieresis
    copyright ordfeminine guillemotleft logicalnot hyphen registered macron degree plusminus twosuperior
    threesuperior acute mu paragraph periodcentered cedilla onesuperior ordmasculine guillemotright
    onequarter onehalf threequarters questiondown Agrave Aacute Acircumflex Atilde Adieresis Aring AE
    Ccedilla Egrave Eacute Ecircumflex Edieresis Igrave Iacute Icircumflex Idieresis Eth Ntilde Ograve
    Oacute Ocircumflex Otilde Odieresis multiply Oslash Ugrave Uacute Ucircumflex Udieresis Yacute Thorn
    germandbls agrave aacute acircumflex atilde adieresis aring ae ccedilla egrave eacute ecircumflex
    edieresis igrave iacute icircumflex idieresis eth ntilde ograve oacute ocircumflex otilde odieresis
    divide oslash ugrave uacute ucircumflex udieresis yacute thorn ydieresis
    """.split(whereSeparator: \.isWhitespace).map(String.init)
