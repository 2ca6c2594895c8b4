import Foundation

/// Locates files of the repository from tests, through `#filePath` (Fixtures/ is outside every target).
public enum Fixtures {
    /// The repository root.
    public static func root(filePath: String = #filePath) -> String {
        var parts = filePath.split(separator: "/", omittingEmptySubsequences: false)
        while let last = parts.last, last != "Tests" { parts.removeLast() }
        parts.removeLast()
        return parts.joined(separator: "/")
    }

    /// A file under `Fixtures/`.
    public static func path(_ relative: String) -> String { root() + "/Fixtures/" + relative }

    /// The number of cases of `Fixtures/cases` (rows of its `expected.csv`).
    public static var caseCount: Int {
        let text = (try? String(contentsOfFile: path("cases/expected.csv"), encoding: .utf8)) ?? ""
        return text.split(separator: "\n").dropFirst().filter { !$0.isEmpty }.count
    }

    /// A file of the shared format examples, beside the repository (`../shared/formats/examples`).
    public static func example(_ name: String) -> String { root() + "/../shared/formats/examples/" + name }

    /// A file of the bundled copies of the shared examples (`Fixtures/examples`), used when the
    /// shared folder is absent.
    public static func bundledExample(_ name: String) -> String { root() + "/Fixtures/examples/" + name }
}

/// A fresh folder under the system's temporary folder, for a test's files.
public func scratchFolder(_ label: String = "edx-test") throws -> String {
    let path = NSTemporaryDirectory() + "\(label)-\(UUID().uuidString)"
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
}
