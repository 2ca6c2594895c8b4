import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Files replaced in one step: written beside the target, then renamed over it, so that a reader
/// (or a killed run) never sees half a file.
package enum AtomicFile {
    package static func write(_ text: String, to path: String) throws {
        let url = URL(fileURLWithPath: path)
        try FileManager.default.createDirectory(
            at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url, options: .atomic)
    }
}

/// A large file written through a 1 MiB buffer into a temporary beside it and renamed into place
/// when complete (results, summaries, synthetic archives).
package final class StagedFile {
    let path: String
    let temporary: String
    let handle: FileHandle
    var buffer = Data()

    package init(path: String) throws {
        self.path = path
        temporary = path + ".partial-\(ProcessInfo.processInfo.processIdentifier)"
        _ = FileManager.default.createFile(atPath: temporary, contents: nil)
        guard let handle = FileHandle(forWritingAtPath: temporary) else {
            throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: temporary])
        }
        self.handle = handle
    }

    package func append(_ text: String) {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= 1 << 20 { drain() }
    }

    private func drain() {
        handle.write(buffer)
        buffer.removeAll(keepingCapacity: true)
    }

    package func commit() throws {
        drain()
        try handle.synchronize()
        try handle.close()
        // rename(2) replaces the target in one step.
        guard rename(temporary, path) == 0 else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path])
        }
    }
}
