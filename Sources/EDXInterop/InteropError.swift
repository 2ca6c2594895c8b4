/// Why a report could not be written as FHIR or HL7 v2. Each case names what the caller must supply.
package enum InteropError: Error, Sendable, Hashable, CustomStringConvertible {
    /// `final(signedBy:)` with an empty name: a final report needs its signer.
    case emptySigner
    /// A time given by the caller is not an ISO 8601 date-time with seconds and a zone
    /// (`2025-11-04T10:00:00Z`); FHIR `instant` and HL7 `DTM` need both.
    case invalidTime(String)
    /// HL7 v2.5.1 requires MSH-7, and there is no time to write: no message time was given, the
    /// report has no generation time and the study no date.
    case noMessageTime

    package var description: String {
        switch self {
        case .emptySigner:
            "a final report needs the name of its signer"
        case .invalidTime(let text):
            "'\(text)' is not an ISO 8601 date-time with seconds and a zone, such as 2025-11-04T10:00:00Z"
        case .noMessageTime:
            "HL7 v2.5.1 requires a message time (MSH-7): give one, since the study has no date"
        }
    }
}
