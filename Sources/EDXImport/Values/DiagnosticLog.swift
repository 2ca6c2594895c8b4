import EDXModel

/// The diagnostics of one study while it is read, with the value readers that report into it.
struct DiagnosticLog {
    var items: [Diagnostic] = []
    /// Units read in spite of their case, each reported once for the study.
    private var wrongCaseUnits: Set<String> = []

    var hasErrors: Bool { items.contains { $0.severity == .error } }

    /// Records `problem` at `location`, about `field` when there is one.
    mutating func report(_ problem: ImportProblem, at location: SourceLocation, field: String? = nil) {
        items.append(Diagnostic(problem, at: location, field: field))
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
            report(.notANumber(trimmed), at: location, field: field)
            return nil
        }
        guard let unit, !unit.trimmingWhitespace().isEmpty else {
            report(.missingUnit(quantity), at: location, field: field)
            return nil
        }
        if quantity == .temperature {
            guard let celsius = ValueParsing.celsius(value, unit: unit) else {
                report(.unknownUnit(unit, quantity), at: location, field: field)
                return nil
            }
            return possible(celsius, quantity, field: field, at: location)
        }
        switch ValueParsing.unit(unit, quantity) {
        case .exact(let factor):
            return possible(value * factor, quantity, field: field, at: location)
        case .wrongCase(let factor, let spelling):
            if wrongCaseUnits.insert(unit).inserted {
                report(.wrongCaseUnit(unit, readAs: spelling, column: false), at: location, field: field)
            }
            return possible(value * factor, quantity, field: field, at: location)
        case .megaForMilli(let spelling):
            report(.megaForMilli(unit, spelling: spelling, column: false), at: location, field: field)
            return nil
        case .unknown:
            report(.unknownUnit(unit, quantity), at: location, field: field)
            return nil
        }
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
            report(.impossible(value, quantity, range: range), at: location, field: field)
            return nil
        }
        return value
    }

    /// A grade or category read through `parse`; a warning when it cannot be read.
    mutating func category<Value>(
        _ text: String, field: String, at location: SourceLocation, expected: ImportProblem.Expected,
        _ parse: (String) -> Value?
    ) -> Value? {
        let trimmed = text.trimmingWhitespace()
        guard !trimmed.isEmpty else { return nil }
        guard let value = parse(trimmed) else {
            report(.unknownGrade(trimmed, expected: expected), at: location, field: field)
            return nil
        }
        return value
    }

    /// Sets `slot` to `value` when it holds none; when it holds a different value, keeps that one and
    /// warns (the study date and the patient's demographics, which a second value does not make
    /// untrustworthy). `firstLine` is where the kept value was given, when known.
    mutating func keepFirst<Value: Equatable>(
        _ slot: inout Value?, _ value: Value?, field: String, at location: SourceLocation, firstLine: Int?
    ) {
        guard let value else { return }
        guard let existing = slot else {
            slot = value
            return
        }
        if existing != value {
            report(.keptFirst(firstLine: firstLine), at: location, field: field)
        }
    }

    /// Sets `slot` to `value`, or reports a conflict when it already holds a different value.
    mutating func assign<Value: Equatable>(
        _ slot: inout Value?, _ value: Value?, field: String, at location: SourceLocation, firstLine: Int? = nil
    ) {
        guard let value else { return }
        if let existing = slot, existing != value {
            report(.conflict(firstLine: firstLine), at: location, field: field)
            return
        }
        slot = value
    }
}
