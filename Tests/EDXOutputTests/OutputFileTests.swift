import EDXTestSupport
import Foundation
import Testing

@testable import EDXOutput

#if canImport(Glibc)
    import Glibc
#endif

@Suite("Output files: only regular files edx creates, complete or absent", .serialized)
struct OutputFileTests {
    @Test("A regular file is written, and replaced in one step; no temporary is left")
    func writesAndReplaces() throws {
        let folder = try scratchFolder()
        try OutputFile.write("first\n", to: folder + "/report.txt")
        try OutputFile.write("second\n", to: folder + "/report.txt")
        #expect(try String(contentsOfFile: folder + "/report.txt", encoding: .utf8) == "second\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["report.txt"])
    }

    @Test("A symbolic link is refused, and neither it nor its target is touched")
    func refusesSymlink() throws {
        let folder = try scratchFolder()
        try "keep\n".write(toFile: folder + "/target.txt", atomically: false, encoding: .utf8)
        symlink(folder + "/target.txt", folder + "/link.txt")
        #expect(throws: OutputError.self) { try OutputFile.write("new\n", to: folder + "/link.txt") }
        #expect(FileKind.at(folder + "/link.txt") == .symbolicLink)
        #expect(try String(contentsOfFile: folder + "/target.txt", encoding: .utf8) == "keep\n")
    }

    @Test("A FIFO and a device are refused and stay what they are")
    func refusesFIFOAndDevice() throws {
        let folder = try scratchFolder()
        mkfifo(folder + "/pipe.txt", 0o644)
        do {
            try OutputFile.write("x", to: folder + "/pipe.txt")
            Issue.record("a FIFO was written")
        } catch {
            #expect(error.description.contains("FIFO"))
            #expect(error.reason == .notRegularFile(.fifo))
        }
        #expect(FileKind.at(folder + "/pipe.txt") == .fifo)
        #expect(throws: OutputError.self) { try OutputFile.write("x", to: "/dev/full") }
        #expect(FileKind.at("/dev/full") == .characterDevice)
        #expect(throws: OutputError.self) { try OutputFile.write("x", to: folder) }
    }

    @Test("A failed write (injected ENOSPC) throws with the path and reason and leaves no temporary")
    func failedWriteLeavesNothing() throws {
        let folder = try scratchFolder()
        OutputFaults.install(OutputFault(errorNumber: ENOSPC, place: "full.txt"))
        defer { OutputFaults.install(nil) }
        do {
            try OutputFile.write("data", to: folder + "/full.txt")
            Issue.record("the write succeeded")
        } catch {
            #expect(error.isFatal)
            #expect(error.description == "\(folder)/full.txt: cannot write: No space left on device")
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).isEmpty)
        // Other paths are not affected by the fault.
        try OutputFile.write("data", to: folder + "/other.txt")
    }

    @Test("Fault specifications: errno, place and count")
    func faultSpecification() {
        #expect(
            OutputFault(specification: "ENOSPC:reports/:after=3")
                == OutputFault(errorNumber: ENOSPC, place: "reports/", after: 3))
        #expect(OutputFault(specification: "EACCES") == OutputFault(errorNumber: EACCES))
        #expect(OutputFault(specification: "EWHAT") == nil)
    }

    @Test("Temporaries are named without any part of the target's name, and removed by removeTemporaries")
    func temporaries() throws {
        let folder = try scratchFolder()
        let staged = try StagedOutput(path: folder + "/P-1002_2025-10-02.json")
        try staged.append("{}")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder)
        #expect(names.count == 1)
        #expect(names.allSatisfy { $0.hasPrefix(OutputFile.temporaryPrefix) && !$0.contains("P-1002") })
        #expect(OutputFile.removeTemporaries(in: folder) == 1)
        staged.discard()
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).isEmpty)
    }

    @Test("A folder lock is exclusive: a second lock on the same folder is refused with the holder's pid")
    func folderLock() throws {
        let folder = try scratchFolder()
        var first: FolderLock? = try FolderLock(folder: folder)
        do {
            _ = try FolderLock(folder: folder)
            Issue.record("a second lock was granted")
        } catch {
            #expect(error.reason == .inUse(holder: getpid()))
        }
        withExtendedLifetime(first) {}
        first = nil
        _ = try FolderLock(folder: folder)
    }

    @Test("createFolder makes missing parents and refuses a file in the way")
    func createFolder() throws {
        let folder = try scratchFolder()
        try OutputFile.createFolder(folder + "/a/b/c")
        #expect(FileKind.at(folder + "/a/b/c") == .folder)
        try "x".write(toFile: folder + "/file", atomically: false, encoding: .utf8)
        #expect(throws: OutputError(path: folder + "/file", action: "create the folder", reason: .notAFolder)) {
            try OutputFile.createFolder(folder + "/file")
        }
    }
}
