import Crosscheck

/// Quantity recognition on arbitrary text in every built-in language; the first byte picks the
/// language so the fuzzer can steer it.
let recognizer: QuantityRecognizer = {
    try! QuantityRecognizer(languages: try! LanguageStore.builtIn())
}()
let codes: [String] = { try! LanguageStore.builtIn().codes }()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOne(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data = data, size > 0 else { return 0 }
    let lang = codes[Int(data[0]) % codes.count]
    let text = String(decoding: UnsafeBufferPointer(start: data + 1, count: size - 1), as: UTF8.self)
    for q in recognizer.recognize(text, language: lang) {
        precondition(q.start >= 0 && q.start <= q.end && q.end <= text.utf8.count, "offsets out of the text")
    }
    return 0
}
