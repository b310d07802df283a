import Crosscheck

/// Plain-text ingest on arbitrary bytes: decoding (UTF-8, UTF-16, Windows-1252), furniture,
/// bylines, sentences, language identification.
let ingestor: Ingestor = {
    Ingestor(languages: try! LanguageStore.builtIn())
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOne(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    _ = try? ingestor.ingest(bytes: bytes, file: InputFile(path: "fuzz.txt"))
    return 0
}
