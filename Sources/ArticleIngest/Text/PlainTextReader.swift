import CrosscheckModel

/// Reads a plain-text article. PLACEHOLDER: the text-ingest work replaces this.
enum PlainTextReader {
    static func read(bytes: [UInt8], path: String) throws -> ExtractedDocument {
        let text = String(decoding: bytes, as: UTF8.self)
        var lines = text.split(separator: "\n", omittingEmptySubsequences: true).map { String($0) }
        let title = lines.isEmpty ? nil : lines.removeFirst()
        return ExtractedDocument(title: title, blocks: lines.map { Block(text: $0) })
    }
}
