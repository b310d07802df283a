import ClaimBuilding
import CorpusKit
import Crosscheck
import Foundation

/// `crosscheck-bench xref --claims N [--shape news|flat] [--dump FILE]`: cross-references N
/// synthetic claims spread over many facts, outlets and days, to check grouping stays
/// near-linear.
///
/// Shapes:
/// - `news` (the default): stories whose facts are reported by many outlets, a few hot stories
///   with tens of thousands of claims, real-looking sentences and quotes (hedges, thousands
///   separators, cited sources and agencies, places), headline claims restated in the body,
///   narrower concepts under broader ones, running counts that grow day by day, rounded and
///   occasionally wrong figures (a slip by a factor of a thousand, a stale figure).
/// - `flat`: the first generator (2,000 facts, values 10–59, one sentence "s", 50 outlets):
///   kept so that earlier figures can be compared.
///
/// `--corpus DIR` cross-references the claims the pipeline builds for a corpus instead (built
/// once and cached as JSON in the temporary folder, so that later runs compare the same claims).
/// `--dump FILE` writes the findings, one JSON object a line, for before/after comparisons;
/// the run always prints a checksum of the findings.
enum CrossReferenceScale {
    static func articles(claims n: Int, seed: UInt64 = 7) -> [ReportedArticle] {
        var rng = SplitMix(seed: seed)
        let perArticle = 10
        let concepts = (0..<2000).map { "thing\($0)/captured" }
        var out: [ReportedArticle] = []
        out.reserveCapacity(n / perArticle + 1)
        var made = 0
        var a = 0
        while made < n {
            let day = 1 + Int(rng.next() % 28)
            let date = String(format: "2021-08-%02d", day)
            var claims: [Claim] = []
            for j in 0..<min(perArticle, n - made) {
                let concept = concepts[Int(rng.next() % UInt64(concepts.count))]
                let value = Double(10 + Int(rng.next() % 50))
                claims.append(Claim(id: "a\(a)#\(j + 1)", quote: String(Int(value)), sentence: "s", kind: .count,
                                    value: .exactly(value), subject: concept, asOf: date, article: "a\(a)",
                                    concept: concept, cumulative: true))
            }
            made += claims.count
            out.append(ReportedArticle(id: "a\(a)", outlet: "Outlet \(a % 50)", published: date, language: "en", claims: claims))
            a += 1
        }
        return out
    }

    // MARK: The news shape

    /// One fact of a story: a concept (maybe narrower than the story's root), its place, whether
    /// it is a running count, and its true value on day 1 and daily growth.
    struct Fact {
        var concept: String
        var subject: String
        var event: String
        var place: String?
        var cumulative: Bool
        var start: Double
        var growth: Double
        var isShare: Bool
        var base: Double?
    }

    static let things = ["person", "civilian", "soldier", "child", "refugee", "house", "village", "district",
                         "province", "school", "hospital", "vehicle", "family", "worker", "migrant", "patient"]
    static let narrower = ["civilian": "person", "soldier": "person", "child": "person", "refugee": "person",
                           "migrant": "person", "patient": "person", "worker": "person", "village": "district"]
    static let events = [("killed", true), ("injured", true), ("displaced", true), ("captured", true),
                         ("evacuated", true), ("arrested", true), ("affected", false), ("employed", false),
                         ("registered", false), ("missing", false)]
    static let places = ["Kabul", "Kandahar", "Herat", "Aleppo", "Idlib", "Mariupol", "Kharkiv", "Khartoum",
                         "Darfur", "Gaza", "Tigray", "Cox's Bazar", "Port-au-Prince", "Sanaa", "Marib", "Goma"]
    static let sources = ["the health ministry", "the United Nations", "local officials", "the Red Cross",
                          "police", "a military spokesman", "Amnesty International", "the governor's office",
                          "witnesses", "the interior ministry"]
    static let agencies = ["AFP", "Reuters", "AP", "dpa", "EFE", "ANSA"]
    static let hedges: [(Qualifier, String)] = [(.exact, ""), (.exact, ""), (.exact, ""), (.about, "about "),
                                                (.about, "some "), (.moreThan, "more than "), (.atLeast, "at least "),
                                                (.nearly, "nearly "), (.lessThan, "fewer than ")]

    static func grouped(_ x: Int) -> String {
        let digits = String(x)
        var out = ""
        for (i, ch) in digits.enumerated() {
            if i > 0, (digits.count - i) % 3 == 0 { out += "," }
            out.append(ch)
        }
        return out
    }

    /// The concept hierarchy the news shape's narrower things climb (each story's things have
    /// their own names, so the map is per story).
    static func newsHierarchy(stories: Int) -> ConceptHierarchy {
        var broader: [String: String] = [:]
        for s in 0..<stories {
            for (narrow, broad) in narrower { broader["\(narrow)-s\(s)"] = "\(broad)-s\(s)" }
        }
        return ConceptHierarchy(broader: broader)
    }

    static func storyCount(claims n: Int) -> Int { max(1, n / 2500) }

    /// About 10 claims an article; stories drawn with a skew (a few stories hold most claims,
    /// the largest tens of thousands), each article reports on one story's facts.
    static func newsArticles(claims n: Int, seed: UInt64 = 11) -> [ReportedArticle] {
        var rng = SplitMix(seed: seed)
        func pick(_ k: Int) -> Int { Int(rng.next() % UInt64(max(1, k))) }
        func unit() -> Double { Double(rng.next() % 1_000_000) / 1_000_000 }
        let storyCount = storyCount(claims: n)
        // Every story: 3–8 facts on one or two roots, some narrower, some at a place, some shares.
        var stories: [[Fact]] = []
        for s in 0..<storyCount {
            var facts: [Fact] = []
            for _ in 0..<(3 + pick(6)) {
                let thing = things[pick(things.count)]
                let (event, cumulative) = events[pick(events.count)]
                let magnitude = pow(10, 1 + unit() * 4)   // 10 … 100,000
                let isShare = pick(10) == 0
                facts.append(Fact(concept: "\(thing)-s\(s)/\(event)", subject: "\(thing)s \(event)", event: event,
                                  place: pick(3) == 0 ? places[pick(places.count)] : nil, cumulative: cumulative,
                                  start: isShare ? 5 + unit() * 60 : magnitude.rounded(), growth: cumulative ? 0.02 + unit() * 0.08 : 0,
                                  isShare: isShare, base: isShare && pick(2) == 0 ? Double(20 + pick(80)) : nil))
            }
            stories.append(facts)
        }
        // Skewed story weights: story s is drawn with weight 1 / (s + 1) (a Zipf law).
        var cumulativeWeights: [Double] = []
        var total = 0.0
        for s in 0..<storyCount { total += 1 / Double(s + 1); cumulativeWeights.append(total) }
        func drawStory() -> Int {
            let x = unit() * total
            var lo = 0, hi = storyCount - 1
            while lo < hi { let mid = (lo + hi) / 2; if cumulativeWeights[mid] < x { lo = mid + 1 } else { hi = mid } }
            return lo
        }
        let outletCount = max(20, min(2000, n / 500))
        var out: [ReportedArticle] = []
        out.reserveCapacity(n / 10 + 1)
        var made = 0
        var a = 0
        while made < n {
            let s = drawStory()
            let facts = stories[s]
            let day = 1 + pick(28)
            let date = String(format: "2021-08-%02d", day)
            let outlet = "Outlet \(pick(outletCount))"
            let wire = pick(3) == 0 ? agencies[pick(agencies.count)] : nil
            var claims: [Claim] = []
            let want = min(4 + pick(9), n - made)
            let main = pick(facts.count)
            func figure(_ f: Fact, quoteOnly: Bool = false) -> (Double, Qualifier, String) {
                var x = f.start * (1 + f.growth * Double(day - 1))
                if f.isShare {
                    x = (x * 10).rounded() / 10
                } else {
                    // Outlets round to two or three significant digits, some give the exact figure.
                    let digits = pick(3) == 0 ? 2.0 : 3.0
                    let scale = pow(10, max(0, (log10(max(x, 1))).rounded(.down) + 1 - digits))
                    x = pick(4) == 0 ? x.rounded() : (x / scale).rounded() * scale
                    // A few stale figures (yesterday's) and slips (a thousand times too large).
                    if pick(40) == 0 { x = (x / (1 + f.growth)).rounded() }
                    if pick(500) == 0 { x *= 1000 }
                }
                let (q, words) = hedges[pick(hedges.count)]
                let shown = f.isShare ? String(format: "%.1f%%", x) : grouped(Int(x))
                return (x, q, words + shown)
            }
            func make(_ f: Fact, inTitle: Bool) {
                guard claims.count < want else { return }
                let (x, q, quote) = figure(f)
                let cited = pick(3) == 0 ? nil : sources[pick(sources.count)]
                let placeText = f.place.map { " in \($0)" } ?? ""
                let sentence: String
                if inTitle {
                    sentence = "\(quote) \(f.subject)\(placeText), \(cited ?? "officials") say"
                } else if f.isShare {
                    sentence = "\(cited.map { "According to \($0), " } ?? "")\(quote) of \(f.subject.split(separator: " ")[0])\(f.base.map { " (of \(Int($0)) counted)" } ?? "") were \(f.event)\(placeText) by \(date)."
                } else {
                    sentence = "\(cited.map { $0.prefix(1).uppercased() + $0.dropFirst() + " said" } ?? "By Tuesday,") \(quote) \(f.subject)\(placeText) had been counted since the fighting began on \(date), up from the figure given the day before."
                }
                let kind: QuantityKind = f.isShare ? .percent : .count
                let value: QuantityValue = f.isShare ? QuantityValue(number: x, base: f.base) : .exactly(x)
                claims.append(Claim(id: "n\(a)#\(claims.count + 1)", quote: quote, sentence: sentence, kind: kind,
                                    value: value, unit: f.isShare ? "percent" : nil, qualifier: q,
                                    subject: f.subject, cited: cited, asOf: pick(5) == 0 ? date : nil,
                                    article: "n\(a)", concept: f.concept, place: f.place?.lowercased(),
                                    cumulative: f.cumulative, agency: wire, inTitle: inTitle))
            }
            // Headline on the main fact, restated in the body, then the story's other facts.
            if pick(2) == 0 { make(facts[main], inTitle: true) }
            make(facts[main], inTitle: false)
            if pick(4) == 0 { make(facts[main], inTitle: false) }
            // The story's other facts, each once in turn (an article restates few figures).
            var next = pick(facts.count)
            while claims.count < want {
                next = (next + 1) % facts.count
                make(facts[next], inTitle: false)
            }
            made += claims.count
            out.append(ReportedArticle(id: "n\(a)", outlet: outlet, published: date, language: "en", claims: claims))
            a += 1
        }
        return out
    }

    // MARK: Running

    static func argument(_ name: String) -> String? {
        let args = CommandLine.arguments
        guard let i = args.firstIndex(of: name), i + 1 < args.count else { return nil }
        return args[i + 1]
    }

    /// The claims of a corpus (through the pipeline) and the hierarchy the pipeline uses, cached.
    static func corpusArticles(_ corpus: String) throws -> ([ReportedArticle], ConceptHierarchy) {
        struct Cached: Codable { var articles: [ReportedArticle]; var broader: [String: String]; var totals: [String: String] }
        // Kept outside the corpus (a file in it would be read as an article by other modes).
        let name = "crosscheck-xref-claims" + corpus.map { $0.isLetter || $0.isNumber ? String($0) : "-" }.joined() + ".json"
        let cache = FileManager.default.temporaryDirectory.appendingPathComponent(name)
        if let data = try? Data(contentsOf: cache), let c = try? JSONDecoder().decode(Cached.self, from: data) {
            return (c.articles, ConceptHierarchy(broader: c.broader, totals: c.totals))
        }
        let pipeline = try Pipeline(options: .init(manifestPath: corpus + "/manifest.csv"))
        let articles = pipeline.check(paths: [corpus]).report.articles
        let languages = try LanguageStore.builtIn()
        let entries = try ClaimBuilder(languages: languages, recognizer: QuantityRecognizer(languages: languages)).catalog.entries
        let c = Cached(articles: articles, broader: entries.compactMapValues(\.broader), totals: entries.compactMapValues(\.total))
        try JSONEncoder().encode(c).write(to: cache)
        return (c.articles, ConceptHierarchy(broader: c.broader, totals: c.totals))
    }

    /// User and system CPU seconds of this process so far (all threads).
    static func cpuSeconds() -> Double {
        var usage = rusage()
        getrusage(0, &usage)   // RUSAGE_SELF
        func s(_ t: timeval) -> Double { Double(t.tv_sec) + Double(t.tv_usec) / 1e6 }
        return s(usage.ru_utime) + s(usage.ru_stime)
    }

    static func run(claims n: Int) throws {
        let shape = argument("--shape") ?? "news"
        let arts: [ReportedArticle]
        let xref: CrossReferencer
        var label = "\(n) claims (\(shape))"
        if let corpus = argument("--corpus") {
            let (a, h) = try corpusArticles(corpus)
            arts = a
            xref = CrossReferencer(rules: try RuleSet.builtIn(), concepts: h)
            label = "\(a.reduce(0) { $0 + $1.claims.count }) claims of \(corpus)"
        } else if shape == "flat" {
            arts = articles(claims: n)
            xref = try CrossReferencer()
        } else {
            arts = newsArticles(claims: n)
            xref = CrossReferencer(rules: try RuleSet.builtIn(), concepts: newsHierarchy(stories: storyCount(claims: n)))
        }
        let before = Measure.peakMB()
        var findings: [Finding] = []
        let cpu0 = cpuSeconds()
        let t = Measure.best(1) { findings = xref.findings(for: arts) }
        let cpu = cpuSeconds() - cpu0
        // FNV-1a over the findings' fields: equal output gives an equal checksum.
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        func mix(_ s: String) {
            for b in s.utf8 { hash = (hash ^ UInt64(b)) &* 0x100_0000_01b3 }
            hash = (hash ^ 0xff) &* 0x100_0000_01b3
        }
        for f in findings {
            mix(f.id ?? ""); mix(f.rule); mix(f.verdict.rawValue); for c in f.claims { mix(c) }; mix(f.explanation)
        }
        print("cross-reference: \(label), \(findings.count) findings, \(String(format: "%.2f", t)) s (\(String(format: "%.2f", cpu)) s of CPU), peak \(Measure.format(Measure.peakMB())) MB (\(Measure.format(before)) MB before), checksum \(String(hash, radix: 16))")
        if let path = argument("--dump") {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            var data = Data()
            for f in findings { data += try encoder.encode(f); data.append(0x0A) }
            try data.write(to: URL(fileURLWithPath: path))
        }
    }
}
