import Foundation
import Testing

/// The second quality gate: the `crosscheck` binary on the HTML fixtures (a flood story in three
/// languages over three days, two Danish reports of one memo, and pages built to trip ingest),
/// scored by the shared scorer against the hand-made fixture gold with pinned floors. A floor is
/// raised when the score rises, never lowered silently.
///
/// Skips (with a message) when `../shared`, the fixture gold or `python3` is not there.
@Suite struct FixtureGoldGateTests {
    static let scorer = SeedGoldGateTests.scorer
    static let gold = CLI.packageRoot.appendingPathComponent("fixtures/gold/fixtures.gold.json")

    static var available: Bool {
        FileManager.default.fileExists(atPath: scorer.path) && FileManager.default.fileExists(atPath: gold.path)
            && SeedGoldGateTests.python3 != nil
    }

    /// Floors a little under what the fixtures reach.
    static let floors = [
        "claims.recall=0.95",
        "claims.precision=0.95",
        "relations.recall=0.9",
        "conflicts.precision=0.85",
        "conflicts.recall=0.95",
    ]

    /// Ceilings at what the fixtures reach: gold relations given the opposite verdict.
    static let ceilings = [
        "relations.contradicted=3",
    ]

    @Test(.enabled(if: available, "../shared/tools/score.py, fixtures/gold/fixtures.gold.json or python3 is missing: gate skipped"))
    func fixturesMeetTheFloors() throws {
        let r = try CLI.run(["check", "fixtures/html", "--format", "json"])
        #expect(r.status == 0, "stderr: \(r.stderr)")
        let report = FileManager.default.temporaryDirectory.appendingPathComponent("crosscheck-fixtures-\(UUID().uuidString).json")
        try r.stdout.write(to: report)
        defer { try? FileManager.default.removeItem(at: report) }

        let (status, text) = try Python.run([Self.scorer.path, "--gold", Self.gold.path, "--report", report.path, "--details"]
            + Self.floors.flatMap { ["--min", $0] } + Self.ceilings.flatMap { ["--max", $0] })
        #expect(status == 0, "the fixture gate fell below its floors:\n\(text)")
    }
}
