import Crosscheck
import Foundation

/// A progress bar on standard error for batches on a terminal; nothing at all when standard
/// error is not a TTY (CI logs stay clean), or for batches too small to need one.
final class ProgressBar: @unchecked Sendable {
    private let lock = NSLock()
    private var lastDrawn = -1
    private var drew = false

    /// The pipeline callback, or nil when no bar should be drawn.
    static func make() -> (ProgressBar, Pipeline.Progress)? {
        guard isatty(STDERR_FILENO) != 0 else { return nil }
        let bar = ProgressBar()
        return (bar, { done, total in bar.update(done, total) })
    }

    func update(_ done: Int, _ total: Int) {
        guard total >= 8 else { return }
        let width = 30
        let filled = total > 0 ? min(width, done * width / total) : width
        let percent = total > 0 ? done * 100 / total : 100
        lock.lock()
        defer { lock.unlock() }
        guard percent != lastDrawn else { return }
        lastDrawn = percent
        drew = true
        let line = "\r[" + String(repeating: "#", count: filled) + String(repeating: " ", count: width - filled)
            + "] \(percent)%  \(min(done, total))/\(total)"
        FileHandle.standardError.write(Data(line.utf8))
    }

    /// Clears the bar's line before other output goes to standard error.
    func finish() {
        lock.lock()
        defer { lock.unlock() }
        if drew { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
    }
}
