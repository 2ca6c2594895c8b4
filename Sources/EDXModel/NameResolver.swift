/// Reads the names of nerves, stimulation and recording sites and muscles: the built-in vocabulary
/// (``Lexicon``) first, then a lab's own aliases (a lab profile, `--lab FILE`, docs/formats.md "Lab
/// profiles").
///
/// Built-in names keep priority: a profile adds names and never changes what a documented name
/// means, so one export reads the same in every lab. Aliases are compared like the built-in names,
/// by ``Lexicon/key(_:)``. ``builtIn`` has no aliases and reads exactly as ``Lexicon`` does.
public struct NameResolver: Sendable, Hashable {
    /// The built-in vocabulary alone.
    public static let builtIn = NameResolver()

    /// The lab's aliases, by comparison key.
    public private(set) var nerves: [String: Nerve] = [:]
    public private(set) var muscles: [String: Muscle] = [:]
    public private(set) var stimulationSites: [String: StimulationSite] = [:]
    public private(set) var recordingSites: [String: RecordingSite] = [:]

    public init() {}

    /// A resolver with the lab's aliases, each name as the lab writes it.
    public init(
        nerves: [String: Nerve] = [:], muscles: [String: Muscle] = [:],
        stimulationSites: [String: StimulationSite] = [:], recordingSites: [String: RecordingSite] = [:]
    ) {
        self.nerves = Self.keyed(nerves)
        self.muscles = Self.keyed(muscles)
        self.stimulationSites = Self.keyed(stimulationSites)
        self.recordingSites = Self.keyed(recordingSites)
    }

    /// True when there are no aliases: the resolver reads exactly as ``Lexicon``.
    public var isBuiltInOnly: Bool {
        nerves.isEmpty && muscles.isEmpty && stimulationSites.isEmpty && recordingSites.isEmpty
    }

    public func nerve(_ text: String) -> Nerve? {
        Lexicon.nerve(text) ?? alias(text, in: nerves)
    }

    public func muscle(_ text: String) -> Muscle? {
        Lexicon.muscle(text) ?? alias(text, in: muscles)
    }

    /// The recording site; the built-in names that depend on the nerve (`Ankle`) keep that meaning.
    public func recordingSite(_ text: String, nerve: Nerve?) -> RecordingSite? {
        Lexicon.recordingSite(text, nerve: nerve) ?? alias(text, in: recordingSites)
    }

    /// The stimulation site; the built-in names that depend on the nerve (`Knee`, `Lower Leg`) keep
    /// that meaning.
    public func stimulationSite(_ text: String, nerve: Nerve?) -> StimulationSite? {
        Lexicon.stimulationSite(text, nerve: nerve) ?? alias(text, in: stimulationSites)
    }

    private func alias<Value>(_ text: String, in table: [String: Value]) -> Value? {
        table.isEmpty ? nil : table[Lexicon.key(text)]
    }

    /// The table keyed by comparison key; of two names with one key, the first in name order wins.
    private static func keyed<Value>(_ table: [String: Value]) -> [String: Value] {
        var result: [String: Value] = [:]
        for (name, value) in table.sorted(by: { $0.key < $1.key }) where result[Lexicon.key(name)] == nil {
            result[Lexicon.key(name)] = value
        }
        return result
    }
}
