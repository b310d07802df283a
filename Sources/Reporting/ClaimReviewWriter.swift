import CrosscheckModel
import Foundation

/// `--format claimreview`: schema.org `ClaimReview` JSON-LD, one review per conflict, as
/// fact-checkers publish them. Each conflicting claim is reviewed with the finding's explanation
/// as the review body and the rating "Conflicting figures".
public enum ClaimReviewWriter {
    public static func data(_ report: Report, reviewer: String = "Crosscheck") throws -> Data {
        let index = ReportIndex(report)
        var reviews: [[String: Any]] = []
        for f in index.orderedFindings where f.verdict == .conflict {
            for id in f.claims {
                guard let (a, c) = index.claims[id] else { continue }
                var appearance: [String: Any] = ["@type": "CreativeWork"]
                if let t = a.title { appearance["headline"] = t }
                if let o = a.outlet { appearance["publisher"] = ["@type": "Organization", "name": o] }
                if let p = a.published { appearance["datePublished"] = p }
                var claim: [String: Any] = ["@type": "Claim", "appearance": appearance, "inLanguage": a.language]
                if let o = a.outlet { claim["author"] = ["@type": "Organization", "name": o] }
                if let d = c.asOf ?? a.published { claim["datePublished"] = d }
                reviews.append([
                    "@context": "https://schema.org",
                    "@type": "ClaimReview",
                    "identifier": "\(f.id ?? f.rule)/\(c.id)",
                    "claimReviewed": c.sentence,
                    "itemReviewed": claim,
                    "author": ["@type": "Organization", "name": reviewer],
                    "reviewBody": f.explanation,
                    "reviewRating": [
                        "@type": "Rating",
                        "alternateName": "Conflicting figures",
                        "ratingValue": 2, "bestRating": 5, "worstRating": 1,
                    ],
                ])
            }
        }
        return try JSONSerialization.data(withJSONObject: reviews, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
    }
}
