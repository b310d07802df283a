import Crosscheck
import Foundation

/// Rule-file loading on arbitrary bytes: the YAML parser, the rule model, lint. A broken file
/// must be a `RuleError` naming file and line, never a crash.
let path = FileManager.default.temporaryDirectory.appendingPathComponent("fuzz-rule-\(getpid()).yaml").path

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOne(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = data.map { Data(bytes: $0, count: size) } ?? Data()
    guard FileManager.default.createFile(atPath: path, contents: bytes) else { return 0 }
    _ = try? RuleSet.load(path: path)
    return 0
}
