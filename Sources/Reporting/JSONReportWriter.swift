import CrosscheckModel
import Foundation

/// Writes a ``Report`` as the contract's JSON: sorted keys, stable order, no timestamps, so the
/// same input gives byte-identical output.
public enum JSONReportWriter {
    public static func data(_ report: Report) throws -> Data {
        try encoder().encode(report)
    }

    /// The encoder every JSON output of the tool uses.
    public static func encoder() -> JSONEncoder {
        let e = JSONEncoder()
        e.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return e
    }
}
