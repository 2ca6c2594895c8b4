public import EDXFindings
public import EDXModel
public import Foundation

/// A lab's own names and normal limits, written once in a YAML file and passed with `--lab FILE`
/// (docs/formats.md, "Lab profiles").
///
/// The aliases are read after the built-in vocabulary (``NameResolver``); the limits are lab limits
/// for the values whose export carries none (``LabProfileLimits``).
public struct LabProfile: Sendable, Hashable {
    /// The lab's name, shown in the label of every limit the profile supplies.
    public var name: String
    /// The built-in vocabulary with the profile's aliases after it.
    public var names: NameResolver
    public var limits: LabProfileLimits
    /// 16 hex digits of a hash of the file's bytes: tells two versions of a profile apart (a batch
    /// records it among its settings).
    public var fingerprint: String

    public init(name: String, names: NameResolver, limits: LabProfileLimits, fingerprint: String) {
        self.name = name
        self.names = names
        self.limits = limits
        self.fingerprint = fingerprint
    }

    /// The largest profile read, in bytes.
    public static let maximumSize = 1 << 20

    /// Reads the profile at `path`.
    ///
    /// - Parameters:
    ///   - path: the file to read.
    ///   - displayPath: the name used in errors (defaults to `path`).
    /// - Throws: a ``LabProfileError`` naming the file, line, field and reason of the first problem.
    public static func load(path: String, displayPath: String? = nil) throws(LabProfileError) -> LabProfile {
        let file = displayPath ?? path
        func failure(_ reason: LabProfileError.Reason) -> LabProfileError {
            LabProfileError(file: file, line: 1, field: "profile", reason: reason)
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw failure(.unreadable(detail: "no such file"))
        }
        guard !isDirectory.boolValue else { throw failure(.unreadable(detail: "a directory")) }
        let data: Data
        do {
            let handle = try FileHandle(forReadingFrom: URL(fileURLWithPath: path))
            defer { try? handle.close() }
            data = try handle.read(upToCount: maximumSize + 1) ?? Data()
        } catch {
            throw failure(.unreadable(detail: error.localizedDescription))
        }
        guard data.count <= maximumSize else { throw failure(.tooLarge(limit: maximumSize)) }
        return try parse(data, file: file)
    }

    /// Reads a profile from the bytes of a file named `file` in errors.
    public static func parse(_ data: Data, file: String) throws(LabProfileError) -> LabProfile {
        var bytes = [UInt8](data)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        if let line = firstInvalidUTF8Line(bytes) {
            throw LabProfileError(file: file, line: line, field: "profile", reason: .notUTF8)
        }
        let text = String(decoding: bytes, as: UTF8.self)
        let reader = ProfileReader(file: file)
        let (name, names, entries) = try reader.read(text)
        return LabProfile(
            name: name, names: names, limits: LabProfileLimits(profileName: name, entries: entries),
            fingerprint: fingerprint(of: bytes))
    }

    /// The line of the first byte that is not part of valid UTF-8, or nil when all are.
    private static func firstInvalidUTF8Line(_ bytes: [UInt8]) -> Int? {
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        var line = 1
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar): if scalar == "\n" { line += 1 }
            case .emptyInput: return nil
            case .error: return line
            }
        }
    }

    /// FNV-1a, 64 bits, as 16 hex digits.
    private static func fingerprint(of bytes: [UInt8]) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}
