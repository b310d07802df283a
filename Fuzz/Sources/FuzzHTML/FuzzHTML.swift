import Crosscheck

/// HTML ingest on arbitrary bytes: libxml2 parsing, encoding detection, extraction, metadata,
/// sentences. Any crash, hang or sanitizer report is a bug.
let ingestor: Ingestor = {
    Ingestor(languages: try! LanguageStore.builtIn())
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOne(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    _ = try? ingestor.ingest(bytes: bytes, file: InputFile(path: "fuzz.html"))
    return 0
}
