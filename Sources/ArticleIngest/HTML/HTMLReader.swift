import CrosscheckModel

/// Reads an HTML page into an ``ExtractedDocument``: encoding detection (``CharsetSniffer``),
/// parsing (``LibXMLDocument``, the only user of libxml2), metadata (``HTMLMetadataReader``) and
/// main text (``MainTextExtractor``). Bad input gives an ``IngestError`` naming the file, never a
/// crash.
enum HTMLReader {
    /// Pages larger than this are refused (libxml2 takes a C `int` length; memory is bounded).
    static let maxBytes = 256 << 20

    static func read(bytes: [UInt8], path: String) throws -> ExtractedDocument {
        guard !bytes.isEmpty else { throw IngestError(path: path, reason: "empty file") }
        guard bytes.count <= maxBytes else {
            throw IngestError(path: path, reason: "HTML page too large (\(bytes.count >> 20) MB; the limit is \(maxBytes >> 20) MB)")
        }
        if looksBinary(bytes) {
            throw IngestError(path: path, reason: "does not look like HTML (binary data)")
        }
        var decision = CharsetSniffer.decide(bytes, path: path)
        // NUL never sits inside a character once UTF-16 is transcoded.
        replaceNUL(&decision.bytes)
        guard decision.bytes.contains(where: { $0 > 0x20 }) else {
            throw IngestError(path: path, reason: "empty page (only whitespace)")
        }
        let tree = try parse(&decision, original: bytes, path: path)
        guard tree.count > 0 else { throw IngestError(path: path, reason: "HTML has no elements") }

        let found = HTMLMetadataReader(tree: tree).read()
        var metadata = found.metadata
        var title = metadata.title ?? found.h1
        let parts = title.map(HTMLMetadataReader.titleParts) ?? []
        let extracted = MainTextExtractor(tree: tree, vocabulary: .shared,
                                          titles: (title.map { [$0] } ?? []) + parts.flatMap { [$0.0, $0.1] }).extract()
        // "Site - Headline" with no site name known: the half the page repeats (in the main text
        // or as its <h1>) is the headline, and the other half names the site.
        let repeated = extracted.matchedTitle ?? parts.flatMap { [$0.0, $0.1] }.first { $0 == found.h1 }
        if let matched = repeated, matched != title,
           let split = parts.first(where: { $0.0 == matched || $0.1 == matched }) {
            title = matched
            metadata.title = matched
            let rest = split.0 == matched ? split.1 : split.0
            if metadata.outlet == nil, rest.count <= 60 { metadata.outlet = rest }
        }
        if metadata.language == nil, let lang = htmlLang(in: decision.bytes) {
            // Junk before <html> (an internal DTD subset) makes libxml2 imply its own <html>.
            metadata.language = HTMLMetadataReader.languageCode(lang)
        }
        var warnings = decision.warnings + found.warnings
        if extracted.blocks.isEmpty {
            guard title != nil else { throw IngestError(path: path, reason: "no readable text in the HTML page") }
            warnings.append("\(path): no main text found in the HTML page")
        }
        return ExtractedDocument(metadata: metadata, title: title, blocks: extracted.blocks,
                                 dropped: extracted.dropped, warnings: warnings)
    }

    /// Parses and copies the tree; the libxml2 document is freed when this returns.
    static func parse(_ decision: inout CharsetSniffer.Decision, original: [UInt8], path: String) throws -> DOMTree {
        let known = decision.encoding == "UTF-8" || LibXMLDocument.supports(encoding: decision.encoding)
        var parsed = known ? LibXMLDocument(bytes: decision.bytes, encoding: decision.encoding) : nil
        if parsed == nil, decision.encoding != "UTF-8" {
            // A charset libxml2 does not know: fall back to Windows-1252.
            decision.warnings.append("\(path): charset \(decision.encoding) is not supported; read as Windows-1252")
            var b = CharsetSniffer.windows1252ToUTF8(original)
            replaceNUL(&b)
            parsed = LibXMLDocument(bytes: b, encoding: "UTF-8")
        }
        guard let parsed else { throw IngestError(path: path, reason: "HTML could not be parsed") }
        return parsed.tree()
    }

    /// More than 10% control bytes (not tab, newline, form feed, carriage return, escape) in the
    /// first 4 KB, with no UTF-16 pattern, means binary data.
    static func looksBinary(_ bytes: [UInt8]) -> Bool {
        let head = bytes.prefix(4096)
        if head.count >= 2 && ((head[0] == 0xFF && head[1] == 0xFE) || (head[0] == 0xFE && head[1] == 0xFF)) { return false }
        if head.count >= 4 && ((head[0] == 0x3C && head[1] == 0) || (head[0] == 0 && head[1] == 0x3C)) { return false }
        var control = 0
        for b in head where b < 0x20 && b != 0x09 && b != 0x0A && b != 0x0C && b != 0x0D && b != 0x1B { control += 1 }
        return control * 10 > head.count
    }

    /// The `lang` attribute of the first `<html …>` tag in the first 16 KB.
    static func htmlLang(in bytes: [UInt8]) -> String? {
        let head = String(decoding: bytes.prefix(16_384), as: UTF8.self).lowercased()
        guard let open = head.range(of: "<html "), let close = head.range(of: ">", range: open.upperBound..<head.endIndex)
        else { return nil }
        let tag = head[open.upperBound..<close.lowerBound]
        guard let l = tag.range(of: "lang=") else { return nil }
        let value = tag[l.upperBound...].drop(while: { $0 == "\"" || $0 == "'" })
        let code = value.prefix(while: { $0.isLetter || $0 == "-" || $0 == "_" })
        return code.isEmpty ? nil : String(code)
    }

    /// NUL bytes would end libxml2's input early.
    static func replaceNUL(_ b: inout [UInt8]) {
        guard b.contains(0) else { return }
        for i in b.indices where b[i] == 0 { b[i] = 0x20 }
    }
}
