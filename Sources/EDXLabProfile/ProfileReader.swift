import EDXFindings
import EDXImport
import EDXModel
import EDXReference
import Foundation
import Yams

/// Reads the YAML of a lab profile into typed values, stopping at the first problem. The schema is
/// docs/formats.md, "Lab profiles": every key is known, every name canonical, every limit checked.
struct ProfileReader {
    typealias Reason = LabProfileError.Reason

    let file: String
    static let maximumNameLength = 200

    /// The profile's name, its aliases and its limits.
    func read(_ text: String) throws(LabProfileError) -> (String, NameResolver, [LabProfileLimits.Entry]) {
        let parsed: Node?
        do {
            parsed = try Yams.compose(yaml: text, .default, .default, .utf8)
        } catch {
            throw yamlError(error, text: text)
        }
        guard let root = parsed else { throw problem(.empty, at: nil, field: "profile") }
        let top = try fields(root, field: "profile", allowed: ["name", "aliases", "limits"])
        guard let nameNode = top["name"] else { throw problem(.missing, at: root, field: "name") }
        let name = try profileName(nameNode)
        let names = try top["aliases"].map { node throws(LabProfileError) in try aliases(node) } ?? .builtIn
        let entries = try top["limits"].map { node throws(LabProfileError) in try limits(node) } ?? []
        return (name, names, entries)
    }

    // MARK: Shapes

    /// The keys and values of a mapping, each key one of `allowed`.
    private func fields(_ node: Node, field: String, allowed: [String]) throws(LabProfileError) -> [String: Node] {
        var result: [String: Node] = [:]
        for (key, value) in try pairs(node, field: field) {
            guard allowed.contains(key.text) else {
                throw problem(.unknownField(allowed: allowed), at: key.node, field: path(field, key.text))
            }
            result[key.text] = value
        }
        return result
    }

    /// The entries of a mapping in file order, each key with its text.
    private func pairs(_ node: Node, field: String) throws(LabProfileError) -> [(
        key: (text: String, node: Node), value: Node
    )] {
        guard case .mapping(let mapping) = node else {
            throw problem(.wrongType(expected: "a mapping of names to values"), at: node, field: field)
        }
        var result: [(key: (text: String, node: Node), value: Node)] = []
        for (key, value) in mapping {
            guard case .scalar(let scalar) = key else {
                throw problem(.wrongType(expected: "a mapping with names as keys"), at: key, field: field)
            }
            result.append(((scalar.string, key), value))
        }
        return result
    }

    /// The text of a scalar; a null or empty value is missing.
    private func text(_ node: Node, field: String) throws(LabProfileError) -> String {
        guard case .scalar(let scalar) = node else {
            throw problem(.wrongType(expected: "text"), at: node, field: field)
        }
        let value = scalar.string.trimmingWhitespace()
        guard node.null == nil, !value.isEmpty else { throw problem(.missing, at: node, field: field) }
        return value
    }

    /// A positive finite decimal number (`2`, `2.0`, `0.5`, `4.4e1`).
    private func positiveNumber(_ node: Node, field: String) throws(LabProfileError) -> Double {
        let raw = try text(node, field: field)
        let allowed = raw.allSatisfy { $0.isASCII && ($0.isNumber || "+-.eE".contains($0)) }
        guard allowed, let value = Double(raw), value.isFinite, value > 0 else {
            throw problem(.notAPositiveNumber(raw), at: node, field: field)
        }
        return value
    }

    private func profileName(_ node: Node) throws(LabProfileError) -> String {
        let name = try text(node, field: "name")
        let oneLine = !name.unicodeScalars.contains { $0.properties.generalCategory == .control }
        guard oneLine, name.count <= Self.maximumNameLength else {
            throw problem(.badName(maximumLength: Self.maximumNameLength), at: node, field: "name")
        }
        return name
    }

    // MARK: Aliases

    private func aliases(_ node: Node) throws(LabProfileError) -> NameResolver {
        let sections = try fields(
            node, field: "aliases", allowed: ["nerves", "muscles", "stimulationSites", "recordingSites"])
        func table<Value: RawRepresentable & CaseIterable & Equatable>(
            _ key: String, _ vocabulary: LabProfileError.Vocabulary, builtIn: (String) -> [(Value, Nerve?)]
        ) throws(LabProfileError) -> [String: Value] where Value.RawValue == String {
            guard let section = sections[key] else { return [:] }
            return try aliasTable(section, field: "aliases.\(key)", vocabulary, builtIn: builtIn)
        }
        let nerves: [String: Nerve] = try table("nerves", .nerve) { alias in
            Lexicon.nerve(alias).map { [($0, nil)] } ?? []
        }
        let muscles: [String: Muscle] = try table("muscles", .muscle) { alias in
            Lexicon.muscle(alias).map { [($0, nil)] } ?? []
        }
        let stimulation: [String: StimulationSite] = try table("stimulationSites", .stimulationSite) { alias in
            Self.everyNerve.compactMap { nerve in Lexicon.stimulationSite(alias, nerve: nerve).map { ($0, nerve) } }
        }
        let recording: [String: RecordingSite] = try table("recordingSites", .recordingSite) { alias in
            Self.everyNerve.compactMap { nerve in Lexicon.recordingSite(alias, nerve: nerve).map { ($0, nerve) } }
        }
        return NameResolver(nerves: nerves, muscles: muscles, stimulationSites: stimulation, recordingSites: recording)
    }

    /// No nerve, then every nerve: the readings of a site name that depend on the nerve.
    private static let everyNerve: [Nerve?] = [nil] + Nerve.allCases.map { $0 }

    /// One vocabulary's aliases. `builtIn` gives what the built-in vocabulary reads a name as (with
    /// the nerve the reading depends on); an alias it reads otherwise would never apply.
    private func aliasTable<Value: RawRepresentable & CaseIterable & Equatable>(
        _ node: Node, field: String, _ vocabulary: LabProfileError.Vocabulary,
        builtIn: (String) -> [(Value, Nerve?)]
    ) throws(LabProfileError) -> [String: Value] where Value.RawValue == String {
        var result: [String: Value] = [:]
        var lines: [String: Int] = [:]
        for (key, valueNode) in try pairs(node, field: field) {
            let aliasField = "\(field)[\(quoted(key.text))]"
            let comparison = Lexicon.key(key.text)
            guard !comparison.isEmpty else { throw problem(.emptyAlias, at: key.node, field: aliasField) }
            if let first = lines[comparison] {
                throw problem(.repeatedAlias(firstLine: first), at: key.node, field: aliasField)
            }
            let canonical = try text(valueNode, field: aliasField)
            guard let value = Value(rawValue: canonical) else {
                let suggestion = builtIn(canonical).first?.0.rawValue
                throw problem(
                    .unknownName(vocabulary, value: canonical, suggestion: suggestion), at: valueNode,
                    field: aliasField)
            }
            if let shadow = builtIn(key.text).first(where: { $0.0 != value }) {
                throw problem(
                    .shadowedAlias(builtIn: shadow.0.rawValue, nerve: shadow.1?.rawValue), at: key.node,
                    field: aliasField)
            }
            lines[comparison] = key.node.mark?.line ?? 1
            result[key.text] = value
        }
        return result
    }

    // MARK: Limits

    private func limits(_ node: Node) throws(LabProfileError) -> [LabProfileLimits.Entry] {
        guard case .sequence(let sequence) = node else {
            throw problem(.wrongType(expected: "a list of limits"), at: node, field: "limits")
        }
        var entries: [(entry: LabProfileLimits.Entry, line: Int)] = []
        for (index, item) in sequence.enumerated() {
            let entry = try limit(item, field: "limits[\(index)]")
            if let earlier = entries.first(where: { Self.overlap($0.entry, entry) }) {
                throw problem(.repeatedLimit(firstLine: earlier.line), at: item, field: "limits[\(index)]")
            }
            entries.append((entry, item.mark?.line ?? 1))
        }
        return entries.map(\.entry)
    }

    /// Whether two entries would both apply to one value: same study and measure, and the same
    /// ages (two entries without a band, or two bands that share an age).
    private static func overlap(_ a: LabProfileLimits.Entry, _ b: LabProfileLimits.Entry) -> Bool {
        guard a.kind == b.kind, a.nerve == b.nerve, a.recording == b.recording, a.measure == b.measure else {
            return false
        }
        switch (a.ages, b.ages) {
        case (nil, nil): return true
        case (let x?, let y?): return x.overlaps(y)
        default: return false
        }
    }

    private func limit(_ node: Node, field: String) throws(LabProfileError) -> LabProfileLimits.Entry {
        let entry = try fields(node, field: field, allowed: ["study", "measure", "lower", "upper", "unit", "ages"])
        guard let studyNode = entry["study"] else { throw problem(.missing, at: node, field: path(field, "study")) }
        let (kind, kindName, nerve, recording) = try study(studyNode, field: path(field, "study"))
        guard let measureNode = entry["measure"] else {
            throw problem(.missing, at: node, field: path(field, "measure"))
        }
        let measureText = try text(measureNode, field: path(field, "measure"))
        guard let measure = Measure(rawValue: measureText) else {
            throw problem(.unknownMeasure(measureText), at: measureNode, field: path(field, "measure"))
        }
        guard let unit = LabProfileLimits.unit(of: measure, in: kind) else {
            throw problem(
                .measureNotInStudy(measure: measure, kind: kindName), at: measureNode, field: path(field, "measure"))
        }
        let expected = LabProfileLimits.bound(of: measure)
        let boundNode: Node
        switch (entry["lower"], entry["upper"]) {
        case (nil, nil): throw problem(.missingBound(expected: expected), at: node, field: field)
        case (_?, let upper?): throw problem(.bothBounds, at: upper, field: path(field, "upper"))
        case (let given?, nil), (nil, let given?):
            let key = entry["lower"] != nil ? Bound.lower : .upper
            guard key == expected else {
                throw problem(
                    .wrongBound(measure: measure, expected: expected), at: given, field: path(field, key.rawValue))
            }
            boundNode = given
        }
        let number = try positiveNumber(boundNode, field: path(field, expected.rawValue))
        guard let unitNode = entry["unit"] else { throw problem(.missing, at: node, field: path(field, "unit")) }
        let unitText = try text(unitNode, field: path(field, "unit"))
        guard let value = UnitConversion.convert(number, unit: unitText, to: unit) else {
            throw problem(.wrongUnit(given: unitText, expected: unit), at: unitNode, field: path(field, "unit"))
        }
        let ages = try entry["ages"].map { node throws(LabProfileError) in try ageBand(node, field: path(field, "ages"))
        }
        return LabProfileLimits.Entry(
            kind: kind, nerve: nerve, recording: recording, measure: measure, bound: expected, value: value, ages: ages)
    }

    /// The study of a limit: its kind (with the name written), nerve and, for a motor study, recording.
    private func study(_ node: Node, field: String) throws(LabProfileError) -> (
        StudyKey.Kind, String, Nerve, RecordingSite?
    ) {
        let study = try fields(node, field: field, allowed: ["kind", "nerve", "recording"])
        guard let kindNode = study["kind"] else { throw problem(.missing, at: node, field: path(field, "kind")) }
        let kindText = try text(kindNode, field: path(field, "kind"))
        guard let kind = StudyKey.Kind(rawValue: kindText) else {
            throw problem(.unknownKind(kindText), at: kindNode, field: path(field, "kind"))
        }
        guard let nerveNode = study["nerve"] else { throw problem(.missing, at: node, field: path(field, "nerve")) }
        let nerveText = try text(nerveNode, field: path(field, "nerve"))
        guard let nerve = Nerve(rawValue: nerveText) else {
            throw problem(
                .unknownName(.nerve, value: nerveText, suggestion: Lexicon.nerve(nerveText)?.rawValue), at: nerveNode,
                field: path(field, "nerve"))
        }
        guard let recordingNode = study["recording"] else { return (kind, kindText, nerve, nil) }
        guard kind == .motor else {
            throw problem(.recordingNotMotor, at: recordingNode, field: path(field, "recording"))
        }
        let recordingText = try text(recordingNode, field: path(field, "recording"))
        guard let recording = RecordingSite(rawValue: recordingText) else {
            let suggestion = Lexicon.recordingSite(recordingText, nerve: nerve)?.rawValue
            throw problem(
                .unknownName(.recordingSite, value: recordingText, suggestion: suggestion), at: recordingNode,
                field: path(field, "recording"))
        }
        return (kind, kindText, nerve, recording)
    }

    /// `[40, 80]`: whole years, the first below the second.
    private func ageBand(_ node: Node, field: String) throws(LabProfileError) -> Range<Int> {
        guard case .sequence(let sequence) = node, sequence.count == 2,
            case .scalar(let from) = sequence[0], case .scalar(let to) = sequence[1],
            let lower = Int(from.string), let upper = Int(to.string), 0 <= lower, lower < upper
        else { throw problem(.badAges, at: node, field: field) }
        return lower..<upper
    }

    // MARK: Errors

    private func path(_ parent: String, _ key: String) -> String {
        parent == "profile" ? key : parent + "." + key
    }

    private func problem(_ reason: Reason, at node: Node?, field: String) -> LabProfileError {
        let mark = node?.mark
        return LabProfileError(file: file, line: mark?.line ?? 1, column: mark?.column, field: field, reason: reason)
    }

    /// The parser's error at the place it names.
    private func yamlError(_ error: any Error, text: String) -> LabProfileError {
        func at(_ mark: Mark, _ detail: String, field: String = "profile") -> LabProfileError {
            LabProfileError(
                file: file, line: mark.line, column: mark.column, field: field, reason: .malformedYAML(detail: detail))
        }
        switch error as? YamlError {
        case .scanner(let context, let detail, let mark, _), .parser(let context, let detail, let mark, _),
            .composer(let context, let detail, let mark, _):
            return at(mark, detail + (context.map { " (\($0.text) at line \($0.mark.line))" } ?? ""))
        case .reader(let detail, let offset, _, _):
            let (line, column) = offset.map { Self.place(of: $0, in: text) } ?? (1, nil)
            return LabProfileError(
                file: file, line: line, column: column, field: "profile", reason: .malformedYAML(detail: detail))
        case .duplicatedKeysInMapping(let duplicates, let context):
            return LabProfileError(
                file: file, line: context.mark.line, column: context.mark.column,
                field: duplicates.first ?? "profile", reason: .givenTwice)
        default:
            return LabProfileError(
                file: file, line: 1, field: "profile", reason: .malformedYAML(detail: String(describing: error)))
        }
    }

    /// The 1-based line and column of the character at `offset`.
    private static func place(of offset: Int, in text: String) -> (Int, Int?) {
        var line = 1
        var column = 1
        for character in text.prefix(max(offset, 0)) {
            if character.isNewline {
                line += 1
                column = 1
            } else {
                column += 1
            }
        }
        return (line, column)
    }
}
