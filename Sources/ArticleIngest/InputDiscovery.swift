import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Turns the command line's paths into a sorted list of article files.
///
/// Folders are walked recursively (symbolic-link loops are detected, hidden entries skipped);
/// only ``InputFile/extensions`` are taken from folders, while a file named explicitly is
/// always taken. A path that does not exist is reported, and the rest go on.
public enum InputDiscovery {
    public static func discover(_ paths: [String]) -> (files: [InputFile], errors: [IngestError]) {
        var files: [InputFile] = []
        var errors: [IngestError] = []
        var seen = Set<String>()
        let fm = FileManager.default
        for path in paths {
            if path == "-" { files.append(InputFile(path: "-")); continue }
            var isDir: ObjCBool = false
            guard fm.fileExists(atPath: path, isDirectory: &isDir) else {
                let isLink = (try? fm.destinationOfSymbolicLink(atPath: path)) != nil
                errors.append(IngestError(path: path, reason: isLink ? "a symbolic link to nothing (or a link loop)" : "no such file or folder"))
                continue
            }
            if isDir.boolValue {
                var visited = Set<String>()
                walk(path, fm: fm, ancestors: [], visited: &visited, files: &files, errors: &errors, seen: &seen)
            } else if seen.insert(canonical(path)).inserted {
                files.append(InputFile(path: path))
            }
        }
        return (files, errors)
    }

    private static func canonical(_ path: String) -> String {
        URL(fileURLWithPath: path).resolvingSymlinksInPath().standardizedFileURL.path
    }

    /// The canonical path of `name` inside the folder whose canonical path is `real`. Resolving a
    /// path through `URL` asks the file system about every component, which made discovery a
    /// serial tenth of a second for 4,000 files; a child that is not itself a symbolic link (one
    /// `lstat`) is simply `real/name`. Anything else, or a failed `lstat`, takes the full route.
    /// `notALink`: an `lstat` of `path` just said it is not a symbolic link (no second one asked).
    static func canonical(child name: String, of real: String, path: String, notALink: Bool = false) -> String {
        #if canImport(Glibc)
        var st = stat()
        // `utf8.contains` rather than Foundation's `contains("/")` (2,000 instructions a file); a
        // slash byte is a slash, so it refuses at least every name the other refused.
        if notALink || (lstat(path, &st) == 0 && st.st_mode & S_IFMT != S_IFLNK), name != ".", name != "..", !name.utf8.contains(0x2F) {
            return real.hasSuffix("/") ? real + name : real + "/" + name
        }
        #endif
        return canonical(path)
    }

    /// True when `lstat` finds `path` and it is not a symbolic link; `isDirectory` then says
    /// whether it is a folder (what `fileExists(atPath:isDirectory:)` answers for it).
    static func existsNotALink(_ path: String, isDirectory: inout ObjCBool) -> Bool {
        #if canImport(Glibc)
        var st = stat()
        guard lstat(path, &st) == 0, st.st_mode & S_IFMT != S_IFLNK else { return false }
        isDirectory = ObjCBool(st.st_mode & S_IFMT == S_IFDIR)
        return true
        #else
        return false
        #endif
    }

    /// Walks one folder. `ancestors` are the real paths of the folders above it: meeting one again
    /// is a symbolic-link loop (reported); meeting a folder already walked elsewhere (two links to
    /// one folder) is skipped quietly, as its files are already taken.
    private static func walk(_ dir: String, fm: FileManager, ancestors: Set<String>, visited: inout Set<String>,
                             files: inout [InputFile], errors: inout [IngestError], seen: inout Set<String>) {
        let real = canonical(dir)
        if ancestors.contains(real) {
            errors.append(IngestError(path: dir, reason: "skipped: a symbolic-link loop leads back to \(real)"))
            return
        }
        guard visited.insert(real).inserted else { return }
        var inner = ancestors
        inner.insert(real)
        let names: [String]
        do { names = try fm.contentsOfDirectory(atPath: dir) } catch {
            errors.append(IngestError(path: dir, reason: "folder cannot be read: \(error.localizedDescription)"))
            return
        }
        for name in names.sorted() where !name.hasPrefix(".") {
            let child = (dir as NSString).appendingPathComponent(name)
            var isDir: ObjCBool = false
            // One `lstat` answers for an entry that is not a symbolic link (exists; a folder or
            // not), and tells `canonical(child:)` so; a link (or a failed `lstat`) is asked about
            // as before, following the link. Half the system calls of a folder of files.
            let notALink = Self.existsNotALink(child, isDirectory: &isDir)
            guard notALink || fm.fileExists(atPath: child, isDirectory: &isDir) else {
                // A dangling link or a file that vanished: say so rather than skip silently.
                if (try? fm.destinationOfSymbolicLink(atPath: child)) != nil {
                    errors.append(IngestError(path: child, reason: "a symbolic link to nothing (or a link loop)"))
                } else {
                    errors.append(IngestError(path: child, reason: "vanished while its folder was being read"))
                }
                continue
            }
            if isDir.boolValue {
                walk(child, fm: fm, ancestors: inner, visited: &visited, files: &files, errors: &errors, seen: &seen)
            } else if InputFile.extensions.contains(PathText.pathExtension(name).lowercased()),
                      seen.insert(canonical(child: name, of: real, path: child, notALink: notALink)).inserted {
                files.append(InputFile(path: child))
            }
        }
    }
}
