import Foundation

/// One article file to read, found from the command line's paths.
public struct InputFile: Sendable, Hashable {
    /// The path as found ("-" for standard input).
    public var path: String
    /// The article id: the file name without its extension.
    public var id: String

    public init(path: String, id: String? = nil) {
        self.path = path
        self.id = id ?? InputFile.defaultID(for: path)
    }

    /// File name without its extension.
    ///
    /// A plain ASCII path is answered from its bytes (`PathText.fileStem(_:)`, internal): asking `NSString`
    /// cost about 28,000 instructions a file, most of input discovery's serial start of a batch.
    public static func defaultID(for path: String) -> String {
        if path == "-" { return "stdin" }
        if let stem = PathText.fileStem(path) { return stem }
        let name = (path as NSString).lastPathComponent
        let ext = (name as NSString).pathExtension
        return ext.isEmpty ? name : String(name.dropLast(ext.count + 1))
    }

    /// The extensions ingest reads.
    public static let extensions: Set<String> = ["txt", "md", "html", "htm"]

    /// True for names ingest reads as plain text or Markdown without sniffing.
    public var isPlainText: Bool {
        if let known = PathText.extensionIs(path, oneOf: ["txt", "md", "markdown", "text"]) { return known }
        let ext = PathText.pathExtension(path).lowercased()
        return ext == "txt" || ext == "md" || ext == "markdown" || ext == "text"
    }

    /// True for names ingest treats as HTML.
    public var isHTML: Bool {
        if let known = PathText.extensionIs(path, oneOf: ["html", "htm"]) { return known }
        let ext = PathText.pathExtension(path).lowercased()
        return ext == "html" || ext == "htm"
    }
}
