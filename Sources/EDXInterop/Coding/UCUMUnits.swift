package import EDXReference

/// A unit as the report writes it, and its UCUM code.
package struct UCUMUnit: Sendable, Hashable {
    /// The report's symbol (`µV`, `mV·ms`).
    package var symbol: String
    /// The case-sensitive UCUM code (`uV`, `mV.ms`): FHIR `Quantity.code`, HL7 OBX-6 identifier.
    package var code: String
    package var evidence: Evidence
    /// A key of ``InteropSources``: every unit is read in UCUM.
    package let source = "I8"
}

/// The units of the values in a report, with their UCUM codes (source I8): `u` is UCUM's prefix micro,
/// `.` its multiplication, `Cel` its degree Celsius. Both micro signs the report may use (U+00B5 and the
/// Greek mu U+03BC) map to `u`.
package enum UCUMUnits {
    package static let table: [UCUMUnit] = [
        UCUMUnit(symbol: "ms", code: "ms", evidence: .convention),
        UCUMUnit(symbol: "mV", code: "mV", evidence: .convention),
        UCUMUnit(symbol: "\u{B5}V", code: "uV", evidence: .convention),
        UCUMUnit(symbol: "\u{3BC}V", code: "uV", evidence: .convention),
        UCUMUnit(symbol: "m/s", code: "m/s", evidence: .convention),
        UCUMUnit(symbol: "cm", code: "cm", evidence: .convention),
        UCUMUnit(symbol: "%", code: "%", evidence: .transcribed),
        UCUMUnit(symbol: "mV·ms", code: "mV.ms", evidence: .convention),
        UCUMUnit(symbol: "°C", code: "Cel", evidence: .convention),
    ]

    private static let codes = Dictionary(table.map { ($0.symbol, $0.code) }, uniquingKeysWith: { first, _ in first })

    /// The UCUM code of a report unit; nil for a unit outside the table (the value is then written with
    /// its unit as text only).
    package static func code(_ symbol: String) -> String? { codes[symbol] }
}
