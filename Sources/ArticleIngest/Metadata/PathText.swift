import Foundation

/// `NSString` path questions for the paths ingest sees on every file, answered from the bytes
/// when the path is plain: not empty, no `//`, no trailing `/`, and (for the extension) an ASCII
/// last component. Anything else goes to `NSString`, so every answer is `NSString`'s.
enum PathText {
    /// `(path as NSString).deletingLastPathComponent`.
    static func deletingLastPathComponent(_ path: String) -> String {
        let fast: String?? = path.withUTF8Bytes { b in
            guard isPlain(b) else { return nil }
            guard let slash = lastSlash(b) else { return .some("") }
            if slash == 0 { return .some("/") }
            return .some(String(decoding: UnsafeBufferPointer(rebasing: b[0..<slash]), as: UTF8.self))
        }
        if let fast { return fast ?? "" }
        return (path as NSString).deletingLastPathComponent
    }

    /// `(path as NSString).pathExtension`.
    static func pathExtension(_ path: String) -> String {
        let fast: String? = path.withUTF8Bytes { b in
            guard let (start, dot) = lastComponent(b) else { return nil }
            // No dot: no extension. A leading or final dot (".profile", "a.", "..") is left to NSString.
            guard let dot else { return "" }
            guard dot > start, dot < b.count - 1 else { return nil }
            return String(decoding: UnsafeBufferPointer(rebasing: b[(dot + 1)...]), as: UTF8.self)
        }
        return fast ?? (path as NSString).pathExtension
    }

    /// `InputFile.defaultID(for:)`'s file name without its extension, `name` minus `.ext` where
    /// `name` is `(path as NSString).lastPathComponent` and `ext` its `pathExtension`; nil when the
    /// path is not plain or its last component is not ASCII with a dot strictly inside it or none
    /// (the caller then asks `NSString`).
    static func fileStem(_ path: String) -> String? {
        path.withUTF8Bytes { b in
            guard let (start, dot) = lastComponent(b) else { return nil }
            let end: Int
            if let dot {
                // A leading or final dot (".profile", "a.", "..") is left to NSString.
                guard dot > start, dot < b.count - 1 else { return nil }
                end = dot
            } else {
                end = b.count
            }
            return String(decoding: UnsafeBufferPointer(rebasing: b[start..<end]), as: UTF8.self)
        }
    }

    /// Where a plain path's last component starts, and its last dot (nil: none); nil when the
    /// path is not plain or the component is not ASCII.
    private static func lastComponent(_ b: UnsafeBufferPointer<UInt8>) -> (start: Int, dot: Int?)? {
        guard isPlain(b) else { return nil }
        let start = lastSlash(b).map { $0 + 1 } ?? 0
        var dot: Int?
        for i in start..<b.count {
            if b[i] >= 0x80 { return nil }
            if b[i] == 0x2E { dot = i }
        }
        return (start, dot)
    }

    /// Whether `pathExtension(path).lowercased()` is one of `names` (lowercase ASCII), answered
    /// from the bytes when ``pathExtension(_:)`` would be (a plain path whose last component is
    /// ASCII with no dot first or last); nil otherwise. No `String` is made.
    static func extensionIs(_ path: String, oneOf names: [StaticString]) -> Bool? {
        path.withUTF8Bytes { b in
            guard let (start, dot) = lastComponent(b) else { return nil }
            guard let dot else { return false }
            guard dot > start, dot < b.count - 1 else { return nil }
            let ext = UnsafeBufferPointer(rebasing: b[(dot + 1)...])
            for name in names where name.utf8CodeUnitCount == ext.count {
                let p = name.utf8Start
                var k = 0
                // ASCII lowercasing is what `lowercased()` does to an ASCII extension.
                while k < ext.count, (ext[k] &- 0x41 < 26 ? ext[k] | 0x20 : ext[k]) == p[k] { k += 1 }
                if k == ext.count { return true }
            }
            return false
        }
    }

    /// Not empty, not "/" only, no doubled slash, no trailing slash.
    private static func isPlain(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        guard !b.isEmpty, b[b.count - 1] != 0x2F else { return false }
        var previousSlash = false
        for c in b {
            if c == 0x2F {
                if previousSlash { return false }
                previousSlash = true
            } else {
                previousSlash = false
            }
        }
        return true
    }

    private static func lastSlash(_ b: UnsafeBufferPointer<UInt8>) -> Int? {
        var i = b.count - 1
        while i >= 0 {
            if b[i] == 0x2F { return i }
            i -= 1
        }
        return nil
    }
}
