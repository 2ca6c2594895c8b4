import EDXModel

/// The diagnostics of one study while it is read, with the value readers that report into it.
struct DiagnosticLog {
    var items: [Diagnostic] = []

    var hasErrors: Bool { items.contains { $0.severity == .error } }

    mutating func warning(_ code: DiagnosticCode, _ location: SourceLocation, field: String? = nil, _ message: String) {
        items.append(Diagnostic(.warning, code, at: location, field: field, message))
    }

    mutating func error(_ code: DiagnosticCode, _ location: SourceLocation, field: String? = nil, _ message: String) {
        items.append(Diagnostic(.error, code, at: location, field: field, message))
    }

    /// Reads a number with its unit and converts it to the canonical unit of `quantity`.
    /// Returns `nil` (with a warning, unless the text is empty) when it cannot be read.
    mutating func quantity(
        _ text: String, unit: String?, _ quantity: Quantity, field: String, at location: SourceLocation,
        decimalComma: Bool
    ) -> Double? {
        let trimmed = text.trimmingWhitespace()
        guard !trimmed.isEmpty else { return nil }
        guard let value = ValueParsing.number(trimmed, decimalComma: decimalComma) else {
            warning(
                .valueNotANumber, location, field: field,
                "cannot read \(Self.quote(trimmed)) as a number; value skipped")
            return nil
        }
        guard let unit, !unit.trimmingWhitespace().isEmpty else {
            warning(
                .unitMissing, location, field: field,
                "no unit given for \(quantity.description) (expected e.g. \(quantity.canonicalUnit)); value skipped")
            return nil
        }
        guard let converted = ValueParsing.convert(value, unit: unit, quantity: quantity) else {
            warning(
                .unitUnknown, location, field: field,
                "unknown unit \(Self.quote(unit)) for \(quantity.description); value skipped")
            return nil
        }
        return possible(converted, quantity, field: field, at: location)
    }

    /// `value` (in the canonical unit of `quantity`) when an EDX machine can record it; else nil with
    /// a warning. Every reader passes its numbers through here.
    mutating func possible(_ value: Double, _ quantity: Quantity, field: String, at location: SourceLocation) -> Double?
    {
        // Most values are plainly possible; only the rest need the field's name (a latency and a
        // side difference differ in range only outside 0-50 ms).
        if Plausibility.plainlyPossible(value, quantity) { return value }
        let range = Plausibility.range(quantity, field: field)
        guard range.contains(value) else {
            warning(
                .valueImpossible, location, field: field,
                "\(Plausibility.number(value)) \(quantity.canonicalUnit) is impossible for \(quantity.description) "
                    + "(possible: \(range.text(quantity.canonicalUnit))); value skipped")
            return nil
        }
        return value
    }

    /// A grade or category read through `parse`; a warning when it cannot be read.
    mutating func category<Value>(
        _ text: String, field: String, at location: SourceLocation, expected: String, _ parse: (String) -> Value?
    ) -> Value? {
        let trimmed = text.trimmingWhitespace()
        guard !trimmed.isEmpty else { return nil }
        guard let value = parse(trimmed) else {
            warning(
                .valueUnknownGrade, location, field: field,
                "cannot read \(Self.quote(trimmed)) (expected \(expected)); value skipped")
            return nil
        }
        return value
    }

    /// Sets `slot` to `value`, or reports a conflict when it already holds a different value.
    mutating func assign<Value: Equatable>(
        _ slot: inout Value?, _ value: Value?, field: String, at location: SourceLocation, firstLine: Int? = nil
    ) {
        guard let value else { return }
        if let existing = slot, existing != value {
            let earlier = firstLine.map { " (first given at line \($0))" } ?? ""
            error(
                .valueConflict, location, field: field,
                "given twice with different values\(earlier); the study cannot be trusted")
            return
        }
        slot = value
    }

    /// Quotes a value for a message, shortened so that a hostile value cannot flood the output.
    static func quote(_ text: String) -> String {
        let limit = 40
        let shown = text.count > limit ? String(text.prefix(limit)) + "…" : text
        var escaped = ""
        for scalar in shown.unicodeScalars {
            if scalar.value < 0x20 || scalar == "\"" {
                escaped += scalar == "\"" ? "\\\"" : "\\u{\(String(scalar.value, radix: 16))}"
            } else {
                escaped.unicodeScalars.append(scalar)
            }
        }
        return "\"\(escaped)\""
    }
}

extension Quantity: CustomStringConvertible {
    var description: String {
        switch self {
        case .time: "a time"
        case .motorAmplitude, .sensoryAmplitude: "an amplitude"
        case .distance: "a distance"
        case .height: "a height"
        case .velocity: "a velocity"
        case .temperature: "a temperature"
        case .weight: "a weight"
        case .area: "an area"
        case .percent: "a percentage"
        case .age: "an age"
        case .symptomDuration: "a duration"
        }
    }
}
