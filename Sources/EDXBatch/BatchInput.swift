package import EDXOutput
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The files of a batch: files as given, folders searched recursively for `.xml` and `.csv`
/// files (hidden files and folders skipped), in a stable order so that every run, shard and resume
/// sees the same sequence.
///
/// Inside folders, symbolic links to folders are followed (a link back to a folder already on the
/// way is reported and not followed again); a broken link, or a FIFO, socket or device with an
/// export's name, is reported as a file that could not be read, never opened (a FIFO would block
/// the batch). The output folder is never read back as input. A file named on the command line is
/// read whatever it is (`-` and pipes included): the caller copies what is not a regular file.
package enum BatchInput {
    package struct Missing: Error, CustomStringConvertible {
        package var path: String
        package var description: String { "\(path): no such file or directory" }
    }

    /// An entry that was found and not read, with the reason.
    package struct Skipped: Sendable, Hashable {
        package enum Reason: Sendable, Hashable {
            /// A FIFO, socket or device with an export's name.
            case notRegular(FileKind)
            /// A symbolic link that leads nowhere.
            case brokenLink
            /// A link back to a folder already being searched.
            case loop
            /// The batch's own output folder inside an input folder.
            case outputFolder
        }

        package var path: String
        package var reason: Reason

        /// Whether the entry is a file the batch should have read (a failure), or a folder skipped
        /// on purpose (a note).
        package var isFailure: Bool {
            switch reason {
            case .notRegular, .brokenLink: true
            case .loop, .outputFolder: false
            }
        }

        package var message: String {
            switch reason {
            case .notRegular(let kind): "\(path): not read: it is a \(kind.rawValue), not a regular file"
            case .brokenLink: "\(path): not read: a symbolic link to nothing"
            case .loop: "\(path): not searched: a link back to a folder already searched"
            case .outputFolder: "\(path): not searched: it is the batch's output folder"
            }
        }
    }

    /// The files to read (sorted by path within each folder, folders in the order given) and the
    /// entries skipped, with `excluding` (the output folder) left out.
    package static func listing(_ inputs: [String], excluding output: String?) throws -> (
        files: [String], skipped: [Skipped]
    ) {
        var files: [String] = []
        var skipped: [Skipped] = []
        let excluded = output.flatMap(identity)
        for input in inputs {
            if input == "-" {
                files.append(input)
                continue
            }
            guard let kind = FileKind.following(input) else {
                if FileKind.at(input) == .symbolicLink {
                    skipped.append(Skipped(path: input, reason: .brokenLink))
                    continue
                }
                throw Missing(path: input)
            }
            guard kind == .folder else {
                files.append(input)
                continue
            }
            var visited: Set<FileIdentity> = []
            var found: [String] = []
            walk(input, visited: &visited, excluded: excluded, found: &found, skipped: &skipped)
            files += found.sorted()
        }
        return (files, skipped)
    }

    /// Device and inode: the identity of a folder, to see a link loop.
    struct FileIdentity: Hashable {
        var device: UInt64
        var inode: UInt64
    }

    static func identity(_ path: String) -> FileIdentity? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return FileIdentity(device: UInt64(info.st_dev), inode: UInt64(info.st_ino))
    }

    private static func walk(
        _ folder: String, visited: inout Set<FileIdentity>, excluded: FileIdentity?, found: inout [String],
        skipped: inout [Skipped]
    ) {
        guard let here = identity(folder) else { return }
        if here == excluded {
            skipped.append(Skipped(path: folder, reason: .outputFolder))
            return
        }
        guard visited.insert(here).inserted else {
            skipped.append(Skipped(path: folder, reason: .loop))
            return
        }
        defer { visited.remove(here) }
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return }
        for name in names.sorted() where !name.hasPrefix(".") {
            let path = (folder as NSString).appendingPathComponent(name)
            let lowered = name.lowercased()
            let looksLikeExport = lowered.hasSuffix(".xml") || lowered.hasSuffix(".csv")
            switch FileKind.following(path) {
            case .folder?:
                walk(path, visited: &visited, excluded: excluded, found: &found, skipped: &skipped)
            case .regular?:
                if looksLikeExport { found.append(path) }
            case let kind?:
                if looksLikeExport { skipped.append(Skipped(path: path, reason: .notRegular(kind))) }
            case nil:
                if looksLikeExport { skipped.append(Skipped(path: path, reason: .brokenLink)) }
            }
        }
    }

    /// The size of a file in bytes (0 when it cannot be read).
    package static func fileSize(_ path: String) -> Int {
        var info = stat()
        guard stat(path, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return 0 }
        return Int(info.st_size)
    }
}

extension BatchInput {
    /// Newlines in a file, counted in 1 MiB reads (for the progress position within a file).
    static func lineCount(_ path: String) -> Int {
        guard FileKind.following(path) == .regular, let handle = FileHandle(forReadingAtPath: path) else { return 0 }
        defer { try? handle.close() }
        var count = 0
        while let chunk = try? handle.read(upToCount: 1 << 20), !chunk.isEmpty {
            chunk.withUnsafeBytes { bytes in
                guard let base = bytes.baseAddress else { return }
                var offset = 0
                while offset < bytes.count, let found = memchr(base + offset, 0x0A, bytes.count - offset) {
                    offset = UnsafeRawPointer(found) - base + 1
                    count += 1
                }
            }
        }
        return max(1, count)
    }
}
