import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Progress of a batch on standard error: a bar redrawn in place on a terminal, a plain line every
/// few seconds otherwise (logs of a scheduler), or nothing with `--quiet`.
package final class ProgressReporter {
    package enum Mode: Sendable {
        case bar, lines, quiet

        /// A bar when standard error is a terminal, plain lines otherwise.
        package static var automatic: Mode { isatty(STDERR_FILENO) != 0 ? .bar : .lines }
    }

    let mode: Mode
    /// The size of the input; `BatchRunner` sets it from the files it reads.
    var totalBytes: Int
    let start = Date()
    var lastDraw = Date.distantPast
    let interval: TimeInterval
    let write: (String) -> Void

    package init(
        mode: Mode, totalBytes: Int = 1, write: @escaping (String) -> Void = ProgressReporter.standardError
    ) {
        self.mode = mode
        self.totalBytes = max(1, totalBytes)
        self.interval = mode == .bar ? 0.1 : 5
        self.write = write
    }

    package static func standardError(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }

    package struct Counts: Sendable {
        package var studies = 0
        package var failed = 0
        package var duplicates = 0
        package var skipped = 0
        /// Bytes of input read so far (whole files, and the current file up to its last study).
        package var bytes = 0

        package init(studies: Int = 0, failed: Int = 0, duplicates: Int = 0, skipped: Int = 0, bytes: Int = 0) {
            self.studies = studies
            self.failed = failed
            self.duplicates = duplicates
            self.skipped = skipped
            self.bytes = bytes
        }
    }

    /// Redraws at most every 0.1 s (bar) or 5 s (lines).
    package func update(_ counts: Counts, force: Bool = false) {
        guard mode != .quiet else { return }
        let now = Date()
        guard force || now.timeIntervalSince(lastDraw) >= interval else { return }
        lastDraw = now
        let elapsed = max(0.001, now.timeIntervalSince(start))
        let rate = Double(counts.studies + counts.duplicates + counts.failed) / elapsed
        let fraction = min(1, Double(counts.bytes) / Double(max(1, totalBytes)))
        let remaining = fraction > 0.001 ? elapsed * (1 - fraction) / fraction : nil
        let eta = remaining.map(Self.duration) ?? "--:--"
        let status =
            "\(counts.studies) studies, \(counts.failed) failed, \(counts.duplicates) duplicates"
            + (counts.skipped > 0 ? ", \(counts.skipped) already done" : "")
            + ", \(Int(rate.rounded()))/s"
        switch mode {
        case .bar:
            let width = 24
            let filled = Int(fraction * Double(width))
            let bar = String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled)
            write("\r\u{1B}[K[\(bar)] \(Int((fraction * 100).rounded()))% \(status), \(eta) left")
        case .lines:
            write("edx batch: \(Int((fraction * 100).rounded()))% \(status), \(eta) left\n")
        case .quiet:
            break
        }
    }

    package func finish(_ counts: Counts) {
        guard mode != .quiet else { return }
        if mode == .bar { write("\r\u{1B}[K") }
        let elapsed = Date().timeIntervalSince(start)
        write(
            "edx batch: \(counts.studies) studies, \(counts.failed) failed, \(counts.duplicates) duplicates"
                + (counts.skipped > 0 ? ", \(counts.skipped) already done" : "")
                + " in \(Self.duration(elapsed))\n")
    }

    static func duration(_ seconds: Double) -> String {
        let total = Int(seconds.rounded())
        let (hours, minutes, secs) = (total / 3600, total / 60 % 60, total % 60)
        let two = { (value: Int) in value < 10 ? "0\(value)" : "\(value)" }
        return hours > 0 ? "\(hours):\(two(minutes)):\(two(secs))" : "\(minutes):\(two(secs))"
    }
}
