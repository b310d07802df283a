import Foundation

/// Wall-clock timing and memory readings for the report mode.
enum Measure {
    /// A file's size from one `stat`. `FileManager.attributesOfItem` also looks up the owner's
    /// and group's names, which opened /etc/passwd and /etc/group once per file: 8,000 opens and a
    /// serial tenth of a second before a 4,000-file run (outside the timed part, but inside the
    /// process's wall time).
    static func fileSize(_ path: String) -> Int {
        var st = stat()
        return stat(path, &st) == 0 ? Int(st.st_size) : 0
    }

    /// Best of `runs` wall-clock seconds.
    static func best(_ runs: Int = 3, _ body: () throws -> Void) rethrows -> Double {
        var best = Double.infinity
        for _ in 0..<max(1, runs) {
            let t0 = DispatchTime.now().uptimeNanoseconds
            try body()
            let t = Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e9
            best = min(best, t)
        }
        return best
    }

    /// Peak resident memory of this process so far, in MB.
    static func peakMB() -> Double {
        var usage = rusage()
        getrusage(0, &usage)   // RUSAGE_SELF (an enum case on Glibc, an Int32 elsewhere)
        return Double(usage.ru_maxrss) / 1024
    }

    /// Runs a command and returns its wall-clock seconds (best of `runs`).
    static func command(_ path: String, _ args: [String], runs: Int = 3) throws -> Double {
        try best(runs) {
            let p = Process()
            p.executableURL = URL(fileURLWithPath: path)
            p.arguments = args
            p.standardOutput = FileHandle.nullDevice
            p.standardError = FileHandle.nullDevice
            try p.run()
            p.waitUntilExit()
        }
    }

    /// `transform` over `items` on all cores, results in input order.
    static func parallelMap<T: Sendable, U: Sendable>(_ items: [T], _ transform: @Sendable (T) -> U) -> [U] {
        let slots = Slots<U>(items.count)
        DispatchQueue.concurrentPerform(iterations: items.count) { i in
            let v = transform(items[i])
            slots.lock.lock(); slots.values[i] = v; slots.lock.unlock()
        }
        return slots.values.map { $0! }
    }

    /// The corpus's manifest.csv when it has one (real pages, such as the extraction benchmark's,
    /// have none: their metadata comes from the pages).
    static func manifest(in corpus: String) -> String? {
        let path = corpus + "/manifest.csv"
        return FileManager.default.fileExists(atPath: path) ? path : nil
    }

    static func mbps(_ bytes: Int, _ seconds: Double) -> Double { Double(bytes) / 1e6 / max(seconds, 1e-9) }

    static func format(_ x: Double) -> String { String(format: "%.1f", x) }
}

/// Result slots filled from several threads.
final class Slots<U>: @unchecked Sendable {
    var values: [U?]
    let lock = NSLock()
    init(_ n: Int) { values = Array(repeating: nil, count: n) }
}
