import Foundation
import Testing

/// The quality gate: the `crosscheck` binary on the seeds, scored by the shared scorer against the
/// seed gold with pinned floors. A floor is raised when the score rises, never lowered silently.
///
/// Skips (with a message) when `../shared` or `python3` is not there.
@Suite struct SeedGoldGateTests {
    static let shared = CLI.packageRoot.deletingLastPathComponent().appendingPathComponent("shared")
    static let scorer = shared.appendingPathComponent("tools/score.py")
    static let gold = shared.appendingPathComponent("gold/seeds.gold.json")

    static var python3: URL? { Python.executable }

    static var available: Bool {
        FileManager.default.fileExists(atPath: scorer.path) && FileManager.default.fileExists(atPath: gold.path) && python3 != nil
    }

    /// Floors a little under what the seeds reach (all 1.000 when pinned).
    static let floors = [
        "claims.recall=0.95",
        "claims.precision=0.92",
        "kind.accuracy=0.95",
        "qualifier.accuracy=0.95",
        "cited.accuracy=0.8",
        "relations.recall=0.9",
        "conflicts.precision=1",
        "conflicts.recall=1",
    ]

    /// Ceilings: no gold relation may be given the opposite verdict.
    static let ceilings = [
        "not_claims.reported=0",
        "relations.contradicted=0",
    ]

    @Test(.enabled(if: available, "../shared/tools/score.py, ../shared/gold/seeds.gold.json or python3 is missing: gate skipped"))
    func seedClaimsMeetTheFloors() throws {
        let r = try CLI.run(["check", "seeds", "--format", "json"])
        #expect(r.status == 0, "stderr: \(r.stderr)")
        let report = FileManager.default.temporaryDirectory.appendingPathComponent("crosscheck-seeds-\(UUID().uuidString).json")
        try r.stdout.write(to: report)
        defer { try? FileManager.default.removeItem(at: report) }

        let (status, text) = try Python.run([Self.scorer.path, "--gold", Self.gold.path, "--report", report.path, "--details"]
            + Self.floors.flatMap { ["--min", $0] } + Self.ceilings.flatMap { ["--max", $0] })
        #expect(status == 0, "the seed gate fell below its floors:\n\(text)")
    }
}
