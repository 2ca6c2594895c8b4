package import EDXModel
import Foundation

/// Identities of the studies of a batch.
///
/// - The *content hash* is a 64-bit FNV-1a hash of the study's canonical JSON without its source
///   locations: the same study exported twice has the same hash, wherever it lies.
/// - The *study key* is `<study id>#<12 hex digits of the hash>`: unique per distinct study.
/// - The *shard* of a study depends on its study id only, so that copies of a study (and
///   everything with the same id) land on the same worker of a split run.
package enum StudyKey {
    package static func contentHash(_ study: Study) -> UInt64 {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let data = (try? encoder.encode(study.withoutSourceLocations())) ?? Data()
        return fnv1a(data)
    }

    package static func hex(_ hash: UInt64) -> String {
        let text = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - text.count) + text
    }

    package static func key(id: String, hash: UInt64) -> String { "\(id)#\(hex(hash).prefix(12))" }

    /// 1-based shard of `text` among `count`.
    package static func shard(of text: String, count: Int) -> Int {
        Int(fnv1a(Data(text.utf8)) % UInt64(count)) + 1
    }

    static func fnv1a(_ data: Data) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in data {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        return hash
    }
}

/// `K/N`: this worker's part of a split run.
package struct Shard: Sendable, Hashable, CustomStringConvertible {
    package var index: Int
    package var count: Int

    /// Parses `K/N` with 1 <= K <= N.
    package init?(_ text: String) {
        let parts = text.split(separator: "/")
        guard parts.count == 2, let index = Int(parts[0]), let count = Int(parts[1]), count >= 1,
            (1...count).contains(index)
        else { return nil }
        self.index = index
        self.count = count
    }

    package static let whole = Shard("1/1")!

    package func owns(_ text: String) -> Bool { count == 1 || StudyKey.shard(of: text, count: count) == index }

    package var description: String { "\(index)/\(count)" }
}
