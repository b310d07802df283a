import CrosscheckModel
import Foundation
import LanguageData

/// Turns an ``ExtractedDocument`` (from the plain-text or the HTML reader) into an ``Article``.
///
/// - Metadata: the manifest wins over what the page says, which wins over what the reader found
///   (``PageMetadata/filled(from:)``).
/// - Furniture, bylines and a repeated title are taken out of the blocks by ``FurnitureFilter``
///   and listed in ``Article/dropped`` with their reasons.
/// - `text` is the kept blocks joined by a blank line, with each paragraph's UTF-8 offsets.
/// - Language: the manifest's, then the page's (when it is a language we have, and unless the
///   text clearly reads as another one), then ``LanguageIdentifier`` on the text.
/// - Sentences: ``SentenceSplitter`` for that language, paragraph by paragraph.
struct ArticleAssembler: Sendable {
    let languages: LanguageStore
    let furniture: FurnitureFilter
    /// Built on first use: a batch whose manifest names every article's language never needs it
    /// (about a tenth of start-up).
    let identifierBox: LazyIdentifier
    var identifier: LanguageIdentifier { identifierBox.value }
    /// One splitter per language, built once; `fallbackSplitter` for a language we have no folder for.
    /// Held by reference: a look-up hands out one reference, not a copy of the splitter's tables
    /// (a retain for each of them).
    let splitters: [String: SplitterRef]
    let fallbackSplitter: SplitterRef

    init(languages: LanguageStore) {
        self.languages = languages
        self.furniture = FurnitureFilter(languages: languages)
        self.identifierBox = LazyIdentifier(languages: languages)
        var splitters: [String: SplitterRef] = [:]
        for code in languages.codes { splitters[code] = SplitterRef(SentenceSplitter(languages: languages, language: code)) }
        self.splitters = splitters
        self.fallbackSplitter = SplitterRef(SentenceSplitter(languages: languages, language: "und"))
    }

    /// `blocksCollapsed`: the reader already gave every block through `Shape.collapseSpaces`
    /// (the plain-text reader does), so collapsing them again would give each back unchanged.
    func assemble(_ doc: ExtractedDocument, file: InputFile, manifest: Manifest.Entry?, blocksCollapsed: Bool = false) -> Article {
        var md = (manifest?.metadata ?? PageMetadata()).filled(from: doc.metadata)
        var warnings = doc.warnings
        let title = (md.title ?? doc.title).map { Shape.collapseSpaces($0) }.flatMap { $0.isEmpty ? nil : $0 }

        var blocks: [Block] = []
        if blocksCollapsed {
            // Most documents have no empty block: their array is shared, not copied.
            blocks = doc.blocks.contains { $0.text.isEmpty } ? doc.blocks.filter { !$0.text.isEmpty } : doc.blocks
        } else {
            for block in doc.blocks {
                let t = Shape.collapseSpaces(block.text)
                if !t.isEmpty { blocks.append(Block(text: t, role: block.role)) }
            }
        }
        // The body may repeat the title the page's own markup gave, even when the manifest renamed it.
        let titles = [title, doc.title, doc.metadata.title].compactMap { $0 }
        let filtered = furniture.filter(blocks, titles: titles)
        if md.byline == nil { md.byline = filtered.byline }

        let (text, paragraphs) = Self.join(filtered.kept)

        let language = decideLanguage(manifest: manifest?.metadata.language, page: doc.metadata.language,
                                      title: title, text: text, warnings: &warnings)
        let sentences = (splitters[language] ?? fallbackSplitter).splitter.split(text, paragraphs: paragraphs)
        return Article(id: manifest?.id ?? file.id, path: file.path, title: title,
                       outlet: md.outlet, published: md.published, language: language,
                       url: md.url, byline: md.byline, text: text, paragraphs: paragraphs,
                       sentences: sentences, dropped: doc.dropped + filtered.dropped, warnings: warnings)
    }

    /// The kept blocks joined by a blank line, and each one's paragraph with its UTF-8 offsets.
    /// The blocks' bytes are copied into one buffer and the text made from it once, without
    /// validating them again (``ValidUTF8``: every block is a `String`, so its bytes are valid),
    /// rather than appended to a `String` block by block.
    static func join(_ blocks: [Block]) -> (text: String, paragraphs: [Paragraph]) {
        var paragraphs: [Paragraph] = []
        paragraphs.reserveCapacity(blocks.count)
        var total = 0
        for block in blocks { total += block.text.utf8.count + 2 }
        guard total > 0 else { return ("", paragraphs) }
        var ascii = true
        var n = 0
        let buffer = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: total)
        defer { buffer.deallocate() }
        for block in blocks {
            block.text.withUTF8Bytes { b in
                // A blank line before every block but the first that has bytes (as `text += "\n\n"`
                // after a non-empty text did).
                if n > 0 {
                    buffer[n] = 0x0A
                    buffer[n + 1] = 0x0A
                    n += 2
                }
                let start = n
                if let base = b.baseAddress, b.count > 0 {
                    (buffer.baseAddress! + n).update(from: base, count: b.count)
                    n += b.count
                }
                if ascii { ascii = UTF8Scan.isASCII(b, 0, b.count) }
                paragraphs.append(Paragraph(text: block.text, start: start, end: n, role: block.role))
            }
        }
        let text = ValidUTF8.string(UnsafeBufferPointer(rebasing: buffer[0..<n]), ascii: ascii)
        return (text, paragraphs)
    }

    /// Manifest, then the page's own declaration, then identification; "und" when nothing tells.
    func decideLanguage(manifest: String?, page: String?, title: String?, text: String, warnings: inout [String]) -> String {
        if let m = manifest.map(Self.primarySubtag), !m.isEmpty { return m }
        let sample = text.isEmpty ? (title ?? "") : text
        // Scored once: identification and the overrule checks below read the same ranking.
        let scores = identifier.scores(sample)
        let identified = LanguageIdentifier.best(scores)
        if let p = page.map(Self.primarySubtag), !p.isEmpty {
            // A language we have no folder for (ru, ko …): keep it, unless the text is plainly one of ours.
            guard languages.pack(p) != nil else {
                if let identified, (scores.first?.score ?? 0) >= 15, identifier.coverage(sample) >= 0.25 {
                    warnings.append("the page declares language '\(p)' but its text reads as '\(identified)'; using '\(identified)'")
                    return identified
                }
                return p
            }
            guard let identified, identified != p else { return p }
            // Templates often declare a default language whatever the article's. Overrule the page
            // only on strong evidence: a clear score, five times the declared language's.
            let top = scores.first?.score ?? 0
            let declared = scores.first { $0.code == p }?.score ?? 0
            if top >= 15 && top >= 5 * declared {
                warnings.append("the page declares language '\(p)' but its text reads as '\(identified)'; using '\(identified)'")
                return identified
            }
            if top >= 8 {
                warnings.append("the page declares language '\(p)' but its text may be '\(identified)'; keeping '\(p)'")
            }
            return p
        }
        return identified ?? "und"
    }

    /// "en-US" → "en", "pt_BR" → "pt".
    static func primarySubtag(_ tag: String) -> String {
        let lower = tag.trimmingSpaces.lowercased()
        return String(lower.prefix { $0 != "-" && $0 != "_" })
    }
}

/// A ``SentenceSplitter`` shared by reference.
final class SplitterRef: Sendable {
    let splitter: SentenceSplitter
    init(_ splitter: SentenceSplitter) { self.splitter = splitter }
}

/// A ``LanguageIdentifier`` built once, by the first thread that asks for it.
final class LazyIdentifier: @unchecked Sendable {
    private let languages: LanguageStore
    private let lock = NSLock()
    private var built: LanguageIdentifier?

    init(languages: LanguageStore) { self.languages = languages }

    var value: LanguageIdentifier {
        lock.lock(); defer { lock.unlock() }
        if let built { return built }
        let made = LanguageIdentifier(languages: languages)
        built = made
        return made
    }
}
