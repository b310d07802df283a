import Foundation

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
                errors.append(IngestError(path: path, reason: "no such file or folder"))
                continue
            }
            if isDir.boolValue {
                var visited = Set<String>()
                walk(path, fm: fm, visited: &visited, files: &files, errors: &errors, seen: &seen)
            } else if seen.insert(canonical(path)).inserted {
                files.append(InputFile(path: path))
            }
        }
        return (files, errors)
    }

    private static func canonical(_ path: String) -> String {
        URL(fileURLWithPath: path).resolvingSymlinksInPath().standardizedFileURL.path
    }

    private static func walk(_ dir: String, fm: FileManager, visited: inout Set<String>,
                             files: inout [InputFile], errors: inout [IngestError], seen: inout Set<String>) {
        let real = canonical(dir)
        guard visited.insert(real).inserted else {
            errors.append(IngestError(path: dir, reason: "skipped: a symbolic-link loop leads back to \(real)"))
            return
        }
        let names: [String]
        do { names = try fm.contentsOfDirectory(atPath: dir) } catch {
            errors.append(IngestError(path: dir, reason: "folder cannot be read: \(error.localizedDescription)"))
            return
        }
        for name in names.sorted() where !name.hasPrefix(".") {
            let child = (dir as NSString).appendingPathComponent(name)
            var isDir: ObjCBool = false
            guard fm.fileExists(atPath: child, isDirectory: &isDir) else {
                // A dangling link or a file that vanished: say so rather than skip silently.
                if (try? fm.destinationOfSymbolicLink(atPath: child)) != nil {
                    errors.append(IngestError(path: child, reason: "a symbolic link to nothing"))
                }
                continue
            }
            if isDir.boolValue {
                walk(child, fm: fm, visited: &visited, files: &files, errors: &errors, seen: &seen)
            } else if InputFile.extensions.contains((name as NSString).pathExtension.lowercased()),
                      seen.insert(canonical(child)).inserted {
                files.append(InputFile(path: child))
            }
        }
    }
}
