import CrosscheckModel

/// A small hand-made report with a conflict, an agreement and hostile article text.
enum ReportFixtures {
    static let payload = "<script>alert(1)</script><img src=x onerror=alert(2)><a href=\"javascript:alert(3)\">x</a>"

    static var hostile: Report {
        let a = ReportedArticle(
            id: "evil", path: "evil.html", outlet: "Evil <b>Outlet</b>", published: "2021-08-11",
            language: "en", title: "Title " + payload,
            claims: [
                Claim(id: "evil#1", quote: "9 " + payload, sentence: "Sentence " + payload, kind: .count,
                      value: .exactly(9), subject: "things " + payload, cited: "=HYPERLINK(\"http://x\")",
                      asOf: "2021-08-11", article: "evil"),
            ])
        let b = ReportedArticle(
            id: "good", outlet: "Good Outlet", published: "2021-08-11", language: "da", title: "Titel",
            claims: [
                Claim(id: "good#1", quote: "den ottende", sentence: "den ottende by", kind: .ordinal,
                      value: .exactly(8), subject: "things", asOf: "2021-08-11", article: "good"),
                Claim(id: "good#2", quote: "to tredjedele", sentence: "cirka to tredjedele (65 procent)",
                      kind: .fraction, value: .exactly(2.0 / 3.0), qualifier: .about, subject: "share", article: "good"),
                Claim(id: "good#3", quote: "65 procent", sentence: "cirka to tredjedele (65 procent)",
                      kind: .percent, value: .exactly(65), unit: "percent", qualifier: .about, subject: "share", article: "good"),
            ])
        return Report(articles: [a, b], findings: [
            Finding(id: "F1", rule: "same-day-different-count", verdict: .conflict, claims: ["evil#1", "good#1"],
                    explanation: "Evil says 9 " + payload + "; Good says 8."),
            Finding(id: "F2", rule: "share-of-whole", verdict: .agree, claims: ["good#2", "good#3"],
                    explanation: "about two thirds and about 65 percent agree."),
        ])
    }
}
