@testable import ClaimBuilding
import CrosscheckModel
import Testing

/// The scratch a thread keeps from article to article (``ReadingScratch/acquire()``): articles
/// of different languages, publication dates and sources give the claims a fresh scratch gives,
/// whatever was read before them on the thread.
@Suite struct ThreadScratchTests {
    static func articles() -> [Article] {
        [
            EndToEndTests.article(
                title: "Taliban take 12 provincial capitals",
                paragraphs: [["In just a week, the Taliban took control of 12 of the 34 Afghan provincial capitals, AFP said."],
                             ["The Pentagon said 3,000 soldiers will be deployed to Kabul on Friday.",
                              "At least 41 people were killed, Reuters reported."]],
                language: "en", outlet: "Euronews with AFP", published: "2021-08-13"),
            EndToEndTests.article(
                title: "41 dræbt i Kabul",
                paragraphs: [["Mindst 41 mennesker er dræbt, oplyser Ritzau i går.",
                              "Sundtunnelen bliver 3,9 milliarder kroner dyrere, siger ministeriet."]],
                language: "da", published: nil),
            EndToEndTests.article(
                title: nil,
                paragraphs: [["Au moins 41 personnes ont été tuées mercredi, selon l'AFP.",
                              "Le gouvernement a annoncé 3 000 soldats pendant trois semaines."]],
                language: "fr", published: "2020-01-31"),
            EndToEndTests.article(
                title: "12 killed",
                paragraphs: [["At least 12 people were killed on Monday, the AFP news agency said.",
                              "The war has lasted 20 years and killed 41 soldiers."]],
                language: "en", published: "2019-05-02"),
        ]
    }

    @Test func claimsDoNotDependOnWhatTheThreadReadBefore() throws {
        let builder = Support.builder
        let articles = Self.articles()
        let fresh = articles.map { builder.claims(for: $0, scratch: ReadingScratch()) }
        #expect(fresh.contains { !$0.isEmpty })
        #expect(fresh.contains { $0.contains { $0.cited != nil || $0.agency != nil } })
        for order in [Array(articles.indices), Array(articles.indices.reversed()), [0, 1, 0, 2, 1, 3, 0, 3, 2]] {
            for i in order {
                #expect(builder.claims(for: articles[i]) == fresh[i], "article \(i) in order \(order)")
            }
        }
        // one scratch kept and reset by hand between the articles answers the same
        let kept = ReadingScratch()
        for i in [3, 2, 1, 0, 1] {
            kept.resetForArticle()
            #expect(builder.claims(for: articles[i], scratch: kept) == fresh[i], "article \(i) with a reset scratch")
        }
    }

    @Test func aBusyThreadScratchIsNotHandedOutTwice() {
        let a = ReadingScratch.acquire()
        let b = ReadingScratch.acquire()
        #expect(a !== b)
        b.relinquish()
        a.relinquish()
        let c = ReadingScratch.acquire()
        #expect(c === a)   // the thread's own again, once it is free
        c.relinquish()
    }

    @Test func resetForgetsThePerArticleMemory() throws {
        let reader = try #require(Support.builder.readers["en"])
        let scratch = ReadingScratch()
        _ = scratch.publication("2021-08-11")
        _ = reader.cachedAgencyName("AFP", in: &scratch.agencyNames)
        let q = Quantity(text: "3", start: 0, end: 1, kind: .count, value: .exactly(3))
        let c = ClaimCandidate(quantity: CandidateQuantity(q), first: 0, end: 1, quoteEnd: 1, base: nil, concept: "person/killed")
        _ = reader.conceptSummary(of: c, in: &scratch.conceptSummaries)
        #expect(!scratch.agencyNames.isEmpty)
        #expect(scratch.conceptSummaries.contains { $0 != nil })
        scratch.resetForArticle()
        #expect(scratch.agencyNames.isEmpty)
        #expect(scratch.conceptSummaries.allSatisfy { $0 == nil })
        #expect(scratch.publication("2020-01-31").iso == "2020-01-31")
        #expect(scratch.publication(nil).date == nil)
    }
}
