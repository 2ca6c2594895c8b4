/// How firmly a number is established, with the tags of docs/evidence.md.
public enum Evidence: String, Codable, Sendable, Hashable, CaseIterable {
    /// Read in a retrieved primary or review source.
    case verified
    /// Read in a secondary transcription of the primary table.
    case transcribed
    /// A textbook convention that was not verified against a source.
    case convention
    /// A design proposal for this engine, assembled from the sources; not a published standard.
    case proposal

    /// The one-letter tag used in the knowledge base and in the docs.
    public var tag: String {
        switch self {
        case .verified: "[V]"
        case .transcribed: "[T]"
        case .convention: "[U]"
        case .proposal: "[P]"
        }
    }
}

/// Where a number or a rule comes from: a source of the bibliography, the place in it, and how well
/// the value is established.
public struct Citation: Codable, Sendable, Hashable, CustomStringConvertible {
    /// Keys into ``Bibliography`` (`S5`, `S6` …), most specific first.
    public var sources: [String]
    /// The table, figure or passage, in words.
    public var detail: String
    public var evidence: Evidence

    public init(_ sources: [String], _ detail: String, _ evidence: Evidence) {
        self.sources = sources
        self.detail = detail
        self.evidence = evidence
    }

    public init(_ source: String, _ detail: String, _ evidence: Evidence) {
        self.init([source], detail, evidence)
    }

    /// `Buschbacher 1999 (S5): onset latency 97th percentile [T]`.
    public var description: String {
        let names = sources.map { key in Bibliography.short[key].map { "\($0) (\(key))" } ?? key }
        return "\(names.joined(separator: "; ")): \(detail) \(evidence.tag)"
    }
}
