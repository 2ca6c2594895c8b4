import Foundation

/// Whether a report is signed. edx's report is a computer-assisted draft: it is preliminary until the
/// electromyographer who reviewed and corrected it signs it, and only then final.
///
/// FHIR writes it as `DiagnosticReport.status` and `Observation.status` (`preliminary`, `final`), with
/// the signer as `performer` and `resultsInterpreter`; HL7 v2 as OBR-25 and OBX-11 (`P`, `F`), with the
/// signer in OBR-32.
package enum ReportStatus: Sendable, Hashable {
    case preliminary
    /// Signed by the electromyographer named, as the name should appear on the record.
    case final(signedBy: String)

    /// The signer's name, without surrounding white space; nil while preliminary.
    package var signer: String? {
        switch self {
        case .preliminary: nil
        case .final(let name): name.trimmingCharacters(in: .whitespacesAndNewlines)
        }
    }

    /// `preliminary` or `final`: the FHIR status code, also the word used in messages.
    package var word: String {
        switch self {
        case .preliminary: "preliminary"
        case .final: "final"
        }
    }

    /// A signed status needs a name: an empty one is refused rather than written.
    func validated() throws(InteropError) -> ReportStatus {
        if let signer, signer.isEmpty { throw .emptySigner }
        return self
    }
}
