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

    /// The factor that converts `unit` to the canonical unit of `quantity`, or `nil` for an unknown unit.
    /// Temperature is not a factor: see ``celsius(_:unit:)``.
    static func factor(for unit: String, quantity: Quantity) -> Double? {
        let u = unit.trimmingWhitespace().lowercased().replacingOccurrences(of: " ", with: "")
        switch quantity {
        case .time:
            switch u {
            case "ms", "msec": return 1
            case "s", "sec": return 1000
            case "us", "µs", "μs": return 0.001
            default: return nil
            }
        case .motorAmplitude, .sensoryAmplitude:
            let millivolts: Double
            switch u {
            case "mv": millivolts = 1
            case "uv", "µv", "μv", "microvolt", "microvolts": millivolts = 0.001
            case "v": millivolts = 1000
            default: return nil
            }
            return quantity == .motorAmplitude ? millivolts : millivolts * 1000
        case .distance, .height:
            switch u {
            case "cm": return 1
            case "mm": return 0.1
            case "m": return 100
            case "in", "inch", "inches", "\"": return 2.54
            default: return nil
            }
        case .velocity:
            return ["m/s", "ms-1", "m/sec", "mps"].contains(u) ? 1 : nil
        case .weight:
            switch u {
            case "kg": return 1
            case "lb", "lbs", "pound", "pounds": return 0.45359237
            case "g": return 0.001
            default: return nil
            }
        case .area:
            return ["mvms", "mv·ms", "mv*ms", "mvxms", "mv.ms", "mvmsec"].contains(u) ? 1 : nil
        case .percent:
            return ["%", "percent", "pct"].contains(u) ? 1 : nil
        case .age:
            switch u {
            case "years", "year", "y", "yr", "yrs", "": return 1
            case "months", "month", "mo": return 1.0 / 12
            default: return nil
            }
        case .symptomDuration:
            switch u {
            case "days", "day", "d": return 1
            case "weeks", "week", "wk", "wks", "w": return 7
            case "months", "month", "mo", "mos": return 30.4375
            case "years", "year", "y", "yr", "yrs": return 365.25
            default: return nil
            }
        case .temperature:
            return nil
        }
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
