import EDXModel

/// The physical quantity a number measures, which fixes its canonical unit.
enum Quantity: String {
    case time, motorAmplitude, sensoryAmplitude, distance, velocity, temperature, height, weight, area, percent
    case age, symptomDuration

    var canonicalUnit: String {
        switch self {
        case .time: "ms"
        case .motorAmplitude: "mV"
        case .sensoryAmplitude: "µV"
        case .distance, .height: "cm"
        case .velocity: "m/s"
        case .temperature: "°C"
        case .weight: "kg"
        case .area: "mV·ms"
        case .percent: "%"
        case .age: "years"
        case .symptomDuration: "days"
        }
    }
}

enum ValueParsing {
    /// Keeps an exported comment with the study or muscle it belongs to. The rows of one study often
    /// repeat its comment: each text is kept once, different ones are joined with "; ".
    static func keepComment(_ comment: String, in slot: inout String?) {
        let text = comment.trimmingWhitespace()
        guard !text.isEmpty else { return }
        guard let existing = slot, !existing.isEmpty else {
            slot = text
            return
        }
        if !existing.split(separator: "; ").contains(Substring(text)) { slot = existing + "; " + text }
    }

    /// Parses a decimal number: `4.9`, `-3`, `1e2`; `4,9` too when `decimalComma` is allowed.
    /// Rejects NaN, infinities, thousands separators and anything else.
    static func number(_ raw: String, decimalComma: Bool) -> Double? {
        let text = raw.trimmingWhitespace()
        guard !text.isEmpty, text.utf8.count < 40 else { return nil }
        var normalized = ""
        var sawDigit = false
        var sawSeparator = false
        var sawExponent = false
        for (index, character) in text.enumerated() {
            switch character {
            case "0"..."9":
                sawDigit = true
                normalized.append(character)
            case "+", "-":
                let previous = normalized.last
                guard index == 0 || previous == "e" else { return nil }
                normalized.append(character)
            case ".", ",":
                guard !sawSeparator, !sawExponent, character == "." || decimalComma else { return nil }
                sawSeparator = true
                normalized.append(".")
            case "e", "E":
                guard sawDigit, !sawExponent else { return nil }
                sawExponent = true
                normalized.append("e")
            default:
                return nil
            }
        }
        guard sawDigit, let value = Double(normalized), value.isFinite else { return nil }
        return value
    }

    /// How a unit as written reads for a quantity.
    enum UnitReading: Equatable {
        /// A spelling of the quantity's units, in its own case: the factor to the canonical unit.
        case exact(Double)
        /// A spelling that matches only when case is ignored, and whose case changes no prefix
        /// (`UV`, `mv`, `CM`): the factor of `spelling`, the unit it is read as.
        case wrongCase(Double, spelling: String)
        /// A milli unit written with a capital `M`, which is mega (`MV`, `MS`, `Ms`, `MM`): not read.
        case megaForMilli(spelling: String)
        /// No unit of the quantity.
        case unknown
    }

    /// One spelling of a unit: `milli` when its leading `m` is the milli prefix; `anyCase` for words
    /// (`weeks`, `microvolts`), which no prefix changes.
    private struct UnitSpelling {
        var text: String
        var factor: Double
        var milli = false
        var anyCase = false
    }

    private static func spellings(_ quantity: Quantity) -> [UnitSpelling] {
        switch quantity {
        case .time:
            [
                .init(text: "ms", factor: 1, milli: true), .init(text: "msec", factor: 1, milli: true),
                .init(text: "s", factor: 1000), .init(text: "sec", factor: 1000), .init(text: "us", factor: 0.001),
                .init(text: "µs", factor: 0.001), .init(text: "μs", factor: 0.001),
            ]
        case .motorAmplitude, .sensoryAmplitude:
            // In millivolts; a sensory amplitude scales them to microvolts.
            [
                .init(text: "mV", factor: 1, milli: true), .init(text: "uV", factor: 0.001),
                .init(text: "µV", factor: 0.001), .init(text: "μV", factor: 0.001), .init(text: "V", factor: 1000),
                .init(text: "microvolt", factor: 0.001, anyCase: true),
                .init(text: "microvolts", factor: 0.001, anyCase: true),
            ]
        case .distance, .height:
            [
                .init(text: "cm", factor: 1), .init(text: "mm", factor: 0.1, milli: true),
                .init(text: "m", factor: 100), .init(text: "in", factor: 2.54),
                .init(text: "inch", factor: 2.54, anyCase: true), .init(text: "inches", factor: 2.54, anyCase: true),
                .init(text: "\"", factor: 2.54),
            ]
        case .velocity:
            ["m/s", "ms-1", "m/sec", "mps"].map { .init(text: $0, factor: 1) }
        case .weight:
            [
                .init(text: "kg", factor: 1), .init(text: "lb", factor: 0.45359237),
                .init(text: "lbs", factor: 0.45359237), .init(text: "pound", factor: 0.45359237, anyCase: true),
                .init(text: "pounds", factor: 0.45359237, anyCase: true), .init(text: "g", factor: 0.001),
            ]
        case .area:
            ["mVms", "mV·ms", "mV*ms", "mVxms", "mV.ms", "mVmsec"].map { .init(text: $0, factor: 1, milli: true) }
        case .percent:
            ["%", "percent", "pct"].map { .init(text: $0, factor: 1, anyCase: true) }
        case .age:
            ["years", "year", "y", "yr", "yrs", ""].map { .init(text: $0, factor: 1, anyCase: true) }
                + ["months", "month", "mo"].map { .init(text: $0, factor: 1.0 / 12, anyCase: true) }
        case .symptomDuration:
            ["days", "day", "d"].map { .init(text: $0, factor: 1, anyCase: true) }
                + ["weeks", "week", "wk", "wks", "w"].map { .init(text: $0, factor: 7, anyCase: true) }
                + ["months", "month", "mo", "mos"].map { .init(text: $0, factor: 30.4375, anyCase: true) }
                + ["years", "year", "y", "yr", "yrs"].map { .init(text: $0, factor: 365.25, anyCase: true) }
        case .temperature:
            []
        }
    }

    /// How `unit` reads for `quantity`. Case matters where it changes the unit: `mV` is millivolt and
    /// `MV` megavolt, so a unit that matches only when case is ignored is never read silently.
    /// Temperature is not a factor: see ``celsius(_:unit:)``.
    static func unit(_ unit: String, _ quantity: Quantity) -> UnitReading {
        let written = unit.trimmingWhitespace().replacingOccurrences(of: " ", with: "")
        let table = spellings(quantity)
        if let spelling = table.first(where: { $0.text == written }) { return .exact(factor(spelling, quantity)) }
        let lowered = written.lowercased()
        guard let spelling = table.first(where: { $0.text.lowercased() == lowered }) else { return .unknown }
        if spelling.anyCase { return .exact(factor(spelling, quantity)) }
        if spelling.milli && written.first == "M" { return .megaForMilli(spelling: spelling.text) }
        return .wrongCase(factor(spelling, quantity), spelling: spelling.text)
    }

    private static func factor(_ spelling: UnitSpelling, _ quantity: Quantity) -> Double {
        quantity == .sensoryAmplitude ? spelling.factor * 1000 : spelling.factor
    }

    /// The factor that converts `unit`, spelt exactly, to the canonical unit of `quantity`, or `nil`
    /// for an unknown unit or one in the wrong case. Temperature is not a factor: see ``celsius(_:unit:)``.
    static func factor(for unit: String, quantity: Quantity) -> Double? {
        if case .exact(let factor) = Self.unit(unit, quantity) { return factor }
        return nil
    }

    /// Converts a temperature in `C`, `°C`, `F` or `°F` to °C.
    static func celsius(_ value: Double, unit: String) -> Double? {
        switch unit.trimmingWhitespace().lowercased() {
        case "c", "°c", "degc", "celsius", "ºc": value
        case "f", "°f", "degf", "fahrenheit", "ºf": (value - 32) * 5 / 9
        default: nil
        }
    }

    /// Converts `value` in `unit` to `quantity`'s canonical unit.
    static func convert(_ value: Double, unit: String, quantity: Quantity) -> Double? {
        if quantity == .temperature { return celsius(value, unit: unit) }
        return factor(for: unit, quantity: quantity).map { value * $0 }
    }

    /// Splits `168 cm`, `3 weeks`, `31.2 C`, `31,2°C` into number and unit.
    static func splitQuantity(_ raw: String, decimalComma: Bool) -> (Double, String)? {
        let text = raw.trimmingWhitespace()
        guard let end = text.firstIndex(where: { !($0.isNumber || $0 == "." || $0 == "," || $0 == "-" || $0 == "+") })
        else {
            return number(text, decimalComma: decimalComma).map { ($0, "") }
        }
        guard let value = number(String(text[..<end]), decimalComma: decimalComma) else { return nil }
        return (value, String(text[end...]).trimmingWhitespace())
    }

    /// Parses a lab's normal limit (`<6.5`, `>2.0`, `≥ 44`, `2.0-5.0`) in the unit of its value
    /// column, scaled by `factor` to the canonical unit.
    static func labLimit(_ raw: String, decimalComma: Bool, factor: Double) -> LabLimit? {
        let text = raw.trimmingWhitespace()
        guard !text.isEmpty else { return nil }
        if let first = text.first, "<>≤≥".contains(first) {
            var rest = text.dropFirst()
            if rest.first == "=" { rest = rest.dropFirst() }
            guard let value = number(String(rest), decimalComma: decimalComma) else { return nil }
            let scaled = value * factor
            return first == "<" || first == "≤"
                ? LabLimit(lower: nil, upper: scaled, text: text) : LabLimit(lower: scaled, upper: nil, text: text)
        }
        // A range: split on a hyphen that is not a leading sign.
        let characters = Array(text)
        for index in characters.indices.dropFirst() where characters[index] == "-" || characters[index] == "–" {
            let low = number(String(characters[..<index]), decimalComma: decimalComma)
            let high = number(String(characters[(index + 1)...]), decimalComma: decimalComma)
            if let low, let high, low <= high {
                return LabLimit(lower: low * factor, upper: high * factor, text: text)
            }
        }
        return nil
    }

    /// `true`, `yes`, `1`, `NR`, `x` → true; `false`, `no`, `0`, empty → false; anything else → nil.
    static func flag(_ raw: String) -> Bool? {
        switch raw.trimmingWhitespace().lowercased() {
        case "true", "yes", "1", "nr", "x", "y", "absent", "no response": true
        case "false", "no", "0", "", "n": false
        default: nil
        }
    }

    /// `F`, `M`, `Female`, `Male`, `O`, `U` and common variants.
    static func sex(_ raw: String) -> Sex? {
        switch raw.trimmingWhitespace().lowercased() {
        case "f", "female", "w", "woman", "mujer": .female
        case "m", "male", "man", "hombre", "varon", "varón": .male
        case "o", "other", "x": .other
        case "u", "unknown", "": .unknown
        default: nil
        }
    }

    /// What a date reads as: its ISO form, or why it cannot be read.
    enum DateReading: Equatable {
        case date(String)
        /// Not three numbers in an order edx knows, or a year, month or day out of its range.
        case unreadable
        /// A day the month does not have (2025-02-30, 2023-02-29, 2025-04-31).
        case notOnCalendar
    }

    /// Accepts `YYYY-MM-DD` (also with `/`), and `DD.MM.YYYY` / `DD/MM/YYYY` when the day is above 12
    /// or the separator is a dot; returns the ISO form of a day that exists.
    static func date(_ raw: String) -> DateReading {
        let text = raw.trimmingWhitespace()
        let parts = text.split(whereSeparator: { $0 == "-" || $0 == "/" || $0 == "." }).map(String.init)
        guard parts.count == 3, let a = Int(parts[0]), let b = Int(parts[1]), let c = Int(parts[2]) else {
            return .unreadable
        }
        let (year, month, day): (Int, Int, Int)
        if parts[0].count == 4 {
            (year, month, day) = (a, b, c)
        } else if parts[2].count == 4 {
            (year, month, day) = (c, b, a)  // day first: the European order of the machines that write it
        } else {
            return .unreadable
        }
        guard (1900...2200).contains(year), (1...12).contains(month), (1...31).contains(day) else {
            return .unreadable
        }
        guard day <= daysIn(month: month, year: year) else { return .notOnCalendar }
        func pad(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return .date("\(year)-\(pad(month))-\(pad(day))")
    }

    /// The ISO form of a date that ``date(_:)`` reads, or nil.
    static func isoDate(_ raw: String) -> String? {
        if case .date(let iso) = date(raw) { return iso }
        return nil
    }

    /// The number of days of `month` (1-12) in `year`, by the Gregorian calendar.
    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2:
            let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
            return leap ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}

extension String {
    func replacingOccurrences(of target: String, with replacement: String) -> String {
        guard !target.isEmpty else { return self }
        var result = ""
        var remainder = Substring(self)
        while let range = remainder.range(of: target) {
            result += remainder[..<range.lowerBound]
            result += replacement
            remainder = remainder[range.upperBound...]
        }
        result += remainder
        return result
    }
}

extension Substring {
    func range(of target: String) -> Range<Substring.Index>? {
        guard let first = target.first else { return nil }
        var index = startIndex
        while let found = self[index...].firstIndex(of: first) {
            if self[found...].starts(with: target) {
                return found..<self.index(found, offsetBy: target.count)
            }
            index = self.index(after: found)
        }
        return nil
    }
}
