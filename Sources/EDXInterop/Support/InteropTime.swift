/// A date or date-time of a report, parsed once and written in the forms FHIR and HL7 v2 need.
///
/// Accepted: `YYYY`, `YYYY-MM`, `YYYY-MM-DD` (the study date; a de-identified study keeps its year
/// only), and `YYYY-MM-DDThh:mm:ss[.fraction](Z|±hh:mm)` (a generation or message time).
struct InteropTime: Sendable {
    var year: String
    var month: String?
    var day: String?
    /// `hh`, `mm`, `ss` and the fraction digits (possibly empty) of a date-time.
    var clock: (hour: String, minute: String, second: String, fraction: String)?
    /// `Z` or `+hh:mm` / `-hh:mm`.
    var zone: String?

    init?(_ text: String) {
        let characters = Array(text)
        func digits(_ range: Range<Int>) -> String? {
            guard range.upperBound <= characters.count else { return nil }
            let part = characters[range]
            return part.allSatisfy { $0.isASCII && $0.isNumber } ? String(part) : nil
        }
        func at(_ index: Int, _ character: Character) -> Bool {
            index < characters.count && characters[index] == character
        }
        guard let year = digits(0..<4) else { return nil }
        self.year = year
        if characters.count == 4 { return }
        guard at(4, "-"), let month = digits(5..<7), (1...12).contains(Int(month) ?? 0) else { return nil }
        self.month = month
        if characters.count == 7 { return }
        guard at(7, "-"), let day = digits(8..<10), (1...31).contains(Int(day) ?? 0) else { return nil }
        self.day = day
        if characters.count == 10 { return }
        guard at(10, "T"), let hour = digits(11..<13), at(13, ":"), let minute = digits(14..<16), at(16, ":"),
            let second = digits(17..<19), (Int(hour) ?? 99) < 24, (Int(minute) ?? 99) < 60, (Int(second) ?? 99) < 61
        else { return nil }
        var index = 19
        var fraction = ""
        if at(index, ".") {
            index += 1
            while index < characters.count, characters[index].isASCII, characters[index].isNumber {
                fraction.append(characters[index])
                index += 1
            }
            guard !fraction.isEmpty else { return nil }
        }
        clock = (hour, minute, second, fraction)
        if at(index, "Z"), index + 1 == characters.count {
            zone = "Z"
        } else if at(index, "+") || at(index, "-"), let zoneHour = digits(index + 1..<index + 3), at(index + 3, ":"),
            let zoneMinute = digits(index + 4..<index + 6), index + 6 == characters.count
        {
            zone = String(characters[index]) + zoneHour + ":" + zoneMinute
        } else {
            return nil
        }
    }

    /// A date-time with seconds and zone: what FHIR `instant` and a complete HL7 timestamp need.
    var isInstant: Bool { clock != nil && zone != nil }

    /// FHIR `date`, `dateTime` or `instant`, as given (ISO 8601).
    var fhir: String {
        var text = year
        if let month { text += "-" + month }
        if let day { text += "-" + day }
        if let clock {
            text += "T\(clock.hour):\(clock.minute):\(clock.second)"
            if !clock.fraction.isEmpty { text += "." + clock.fraction }
        }
        return text + (zone ?? "")
    }

    /// HL7 v2.5.1 DTM: `YYYY[MM[DD[HHMMSS[.S…]]]][+/-ZZZZ]`; `Z` is written `+0000`, and the fraction
    /// keeps at most the four digits DTM allows.
    var hl7: String {
        var text = year + (month ?? "") + (day ?? "")
        if let clock {
            text += clock.hour + clock.minute + clock.second
            if !clock.fraction.isEmpty { text += "." + clock.fraction.prefix(4) }
        }
        if let zone {
            text += zone == "Z" ? "+0000" : zone.filter { $0 != ":" }
        }
        return text
    }
}
