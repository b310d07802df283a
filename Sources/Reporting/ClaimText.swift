import CrosscheckModel

/// Short human-readable renderings of claims, shared by the report writers and the CLI.
public enum ClaimText {
    /// The resolved figure with its qualifier, base and unit: "more than 0.25 of 34", "24–48 hour".
    public static func figure(_ claim: Claim) -> String { ReportIndex.figure(claim) }
}
