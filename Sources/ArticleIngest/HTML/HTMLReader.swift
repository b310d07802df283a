import CLibXML2
import CrosscheckModel

/// Reads an HTML page. PLACEHOLDER: the HTML-ingest work replaces this.
enum HTMLReader {
    static func read(bytes: [UInt8], path: String) throws -> ExtractedDocument {
        throw IngestError(path: path, reason: "HTML ingest is not built yet")
    }
}
