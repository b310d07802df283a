import CrosscheckModel
import LanguageData

/// Turns an ``ExtractedDocument`` into an ``Article``: manifest over page metadata, furniture,
/// byline, language identification and sentence splitting. PLACEHOLDER parts are marked.
struct ArticleAssembler: Sendable {
    let languages: LanguageStore

    func assemble(_ doc: ExtractedDocument, file: InputFile, manifest: Manifest.Entry?) -> Article {
        let md = (manifest?.metadata ?? PageMetadata()).filled(from: doc.metadata)
        var text = ""
        var paragraphs: [Paragraph] = []
        for block in doc.blocks {
            if !text.isEmpty { text += "\n\n" }
            let start = text.utf8.count
            text += block.text
            paragraphs.append(Paragraph(text: block.text, start: start, end: text.utf8.count, role: block.role))
        }
        // PLACEHOLDER: one sentence per paragraph until the splitter lands.
        let sentences = paragraphs.map { Sentence(text: $0.text, start: $0.start, end: $0.end) }
        return Article(id: manifest?.id ?? file.id, path: file.path, title: md.title ?? doc.title,
                       outlet: md.outlet, published: md.published, language: md.language ?? "und",
                       url: md.url, byline: md.byline, text: text, paragraphs: paragraphs,
                       sentences: sentences, dropped: doc.dropped, warnings: doc.warnings)
    }
}
