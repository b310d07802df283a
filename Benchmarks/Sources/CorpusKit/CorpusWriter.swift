import Foundation

/// Writes synthetic news articles in several languages, with varied figures, outlets and dates,
/// as plain text and as HTML pages (with navigation, share widgets and related links around the
/// article, as real templates have), plus a manifest.csv.
public struct CorpusWriter: Sendable {
    public struct Options: Sendable {
        public var articles: Int
        public var seed: UInt64
        /// Share of articles written as HTML (0…1).
        public var htmlShare: Double
        /// Paragraphs per article.
        public var paragraphs: ClosedRange<Int>
        /// Share of sentences that carry a figure (0…1); the rest are prose without one. Real
        /// news is far from 1: see `docs/performance.md` for the share measured on real pages.
        public var figureShare: Double
        /// Page chrome around an HTML article (navigation, scripts, footer), in bytes, roughly.
        public var chromeBytes: Int
        /// When set, articles are written until the corpus holds at least this many bytes
        /// (`articles` is then ignored).
        public var targetBytes: Int?
        public init(articles: Int = 1000, seed: UInt64 = 42, htmlShare: Double = 0.5, paragraphs: ClosedRange<Int> = 6...14,
                    figureShare: Double = 0.3, chromeBytes: Int = 20_000) {
            self.articles = articles
            self.seed = seed
            self.htmlShare = htmlShare
            self.paragraphs = paragraphs
            self.figureShare = figureShare
            self.chromeBytes = chromeBytes
        }

        /// The first generator's corpus: every sentence a figure, small pages (a stress case).
        public static func dense(articles: Int, seed: UInt64 = 42) -> Options {
            Options(articles: articles, seed: seed, figureShare: 1, chromeBytes: 0)
        }
    }

    public struct Summary: Sendable {
        public var files: Int
        public var bytes: Int
        public var textBytes: Int
        public var htmlBytes: Int
    }

    public let options: Options
    public init(options: Options) { self.options = options }

    /// Sentence templates per language; `{n}` a count, `{o}` an ordinal word or digit ordinal,
    /// `{p}` a percentage, `{d}` a duration, `{m}` money, `{q}` a qualifier, `{day}` a weekday.
    static let templates: [String: [String]] = [
        "en": [
            "Officials said {q} {n} people had been evacuated from the flooded districts by {day}.",
            "It was the {o} town to be taken since the offensive began {d} ago, according to Reuters.",
            "Turnout reached {p} percent, the highest in {d}, the electoral commission said.",
            "The government approved {m} in emergency aid, a spokesperson told AFP.",
            "Between {n} and {n2} soldiers will be deployed in the next 24 to 48 hours.",
            "More than a quarter of the country's 34 provinces reported new cases on {day}.",
            "The storm destroyed {q} {n} homes and left two thirds of the region without power.",
        ],
        "da": [
            "Ifølge politiet blev {q} {n} personer evakueret {day}.",
            "Det er den {o} by, der er indtaget på {d}, oplyser Ritzau.",
            "Valgdeltagelsen var {p} procent, den højeste i {d}.",
            "Regeringen afsætter {m} til genopbygning, siger ministeren.",
            "Mellem {n} og {n2} soldater sendes ud inden for 24 til 48 timer.",
            "Cirka to tredjedele af kommunerne har meldt nye tilfælde {day}.",
        ],
        "es": [
            "Según las autoridades, {q} {n} personas fueron evacuadas el {day}.",
            "Es la {o} ciudad tomada en {d}, informó EFE.",
            "La participación alcanzó el {p} por ciento, la más alta en {d}.",
            "El Gobierno aprobó {m} en ayudas, dijo el portavoz.",
            "Entre {n} y {n2} soldados serán desplegados en las próximas 24 a 48 horas.",
        ],
        "fr": [
            "Selon la préfecture, {q} {n} personnes ont été évacuées {day}.",
            "C'est la {o} ville prise en {d}, selon l'AFP.",
            "La participation a atteint {p} pour cent, la plus élevée depuis {d}.",
            "Le gouvernement a débloqué {m} d'aide, a déclaré le porte-parole.",
            "Entre {n} et {n2} soldats seront déployés dans les 24 à 48 heures.",
        ],
        "de": [
            "Laut Polizei wurden {q} {n} Menschen am {day} in Sicherheit gebracht.",
            "Es ist die {o} Stadt, die in {d} eingenommen wurde, berichtet dpa.",
            "Die Wahlbeteiligung lag bei {p} Prozent, so hoch wie seit {d} nicht.",
            "Die Regierung stellt {m} Soforthilfe bereit, sagte ein Sprecher.",
            "Zwischen {n} und {n2} Soldaten sollen in den nächsten 24 bis 48 Stunden verlegt werden.",
        ],
    ]

    /// Prose without a figure, per language: what most sentences of a news story are.
    static let prose: [String: [String]] = [
        "en": [
            "Residents described scenes of chaos as the water rose through the night.",
            "The decision drew sharp criticism from opposition parties, who called it too little and too late.",
            "Aid groups warned that conditions in the camps were getting worse as the rains continued.",
            "Witnesses said the convoy had come under fire shortly after leaving the city.",
            "The ministry did not respond to a request for comment.",
            "Talks between the two sides are expected to resume later this week in the capital.",
            "Local officials urged people to stay indoors and follow instructions from the emergency services.",
            "Analysts say the move reflects growing pressure on the government ahead of the elections.",
        ],
        "da": [
            "Beboerne fortæller om kaotiske scener, da vandet steg i løbet af natten.",
            "Beslutningen møder skarp kritik fra oppositionen, der kalder den for lidt og for sent.",
            "Nødhjælpsorganisationer advarer om, at forholdene i lejrene bliver værre.",
            "Ministeriet har ikke ønsket at kommentere sagen.",
            "Forhandlingerne ventes at blive genoptaget senere på ugen i hovedstaden.",
            "Myndighederne opfordrer folk til at blive indendørs og følge beredskabets anvisninger.",
        ],
        "es": [
            "Los vecinos describieron escenas de caos mientras el agua subía durante la noche.",
            "La decisión fue criticada por la oposición, que la calificó de insuficiente y tardía.",
            "Las organizaciones humanitarias advirtieron de que la situación en los campamentos empeora.",
            "El ministerio no respondió a una solicitud de comentarios.",
            "Se espera que las conversaciones se reanuden a finales de esta semana en la capital.",
            "Las autoridades locales pidieron a la población que permanezca en sus casas.",
        ],
        "fr": [
            "Les habitants ont décrit des scènes de chaos alors que l'eau montait pendant la nuit.",
            "La décision a été vivement critiquée par l'opposition, qui la juge trop tardive.",
            "Les organisations humanitaires ont averti que la situation dans les camps se dégradait.",
            "Le ministère n'a pas répondu à une demande de commentaire.",
            "Les discussions devraient reprendre en fin de semaine dans la capitale.",
            "Les autorités locales ont appelé la population à rester chez elle.",
        ],
        "de": [
            "Anwohner berichteten von chaotischen Szenen, als das Wasser in der Nacht stieg.",
            "Die Entscheidung stieß bei der Opposition auf scharfe Kritik, die sie als zu spät bezeichnete.",
            "Hilfsorganisationen warnten, dass sich die Lage in den Lagern weiter verschlechtere.",
            "Das Ministerium reagierte nicht auf eine Anfrage.",
            "Die Gespräche sollen noch in dieser Woche in der Hauptstadt fortgesetzt werden.",
            "Die örtlichen Behörden forderten die Menschen auf, in ihren Häusern zu bleiben.",
        ],
    ]

    static let qualifiers: [String: [String]] = [
        "en": ["about", "more than", "at least", "nearly", ""], "da": ["cirka", "mere end", "mindst", "næsten", ""],
        "es": ["alrededor de", "más de", "al menos", "casi", ""], "fr": ["environ", "plus de", "au moins", "près de", ""],
        "de": ["etwa", "mehr als", "mindestens", "fast", ""],
    ]
    static let ordinals: [String: [String]] = [
        "en": ["second", "third", "eighth", "ninth", "12th"], "da": ["anden", "tredje", "ottende", "niende", "12."],
        "es": ["segunda", "tercera", "octava", "novena", "12ª"], "fr": ["deuxième", "troisième", "huitième", "neuvième", "12e"],
        "de": ["zweite", "dritte", "achte", "neunte", "12."],
    ]
    static let durations: [String: [String]] = [
        "en": ["six days", "two decades", "less than a week", "20 years"], "da": ["seks dage", "to årtier", "under en uge", "20 år"],
        "es": ["seis días", "dos décadas", "menos de una semana", "20 años"], "fr": ["six jours", "deux décennies", "moins d'une semaine", "20 ans"],
        "de": ["sechs Tagen", "zwei Jahrzehnten", "weniger als einer Woche", "20 Jahren"],
    ]
    static let weekdays: [String: [String]] = [
        "en": ["on Monday", "on Wednesday", "on Friday"], "da": ["mandag", "onsdag", "fredag"],
        "es": ["lunes", "miércoles", "viernes"], "fr": ["lundi", "mercredi", "vendredi"], "de": ["Montag", "Mittwoch", "Freitag"],
    ]
    static let money: [String: [String]] = [
        "en": ["$1.2 billion", "€350 million", "£40m"], "da": ["2,8 mia. kr.", "350 millioner kroner"],
        "es": ["1.200 millones de euros", "350 millones de dólares"], "fr": ["1,2 milliard d'euros", "350 millions d'euros"],
        "de": ["1,2 Milliarden Euro", "3,5 Mio. Euro"],
    ]
    static let outlets = ["Daily Ledger", "Nordisk Avis", "El Diario Global", "Le Quotidien", "Abendpost", "Wire Weekly", "Harbour Times"]
    static let languages = ["en", "da", "es", "fr", "de"]

    /// Writes the corpus into `folder` (created if needed).
    public func write(to folder: URL) throws -> Summary {
        let fm = FileManager.default
        try fm.createDirectory(at: folder, withIntermediateDirectories: true)
        var rng = SplitMix(seed: options.seed)
        var manifest = "path,outlet,published,language,url\n"
        var summary = Summary(files: 0, bytes: 0, textBytes: 0, htmlBytes: 0)
        var i = 0
        while options.targetBytes.map({ summary.bytes < $0 }) ?? (i < options.articles) {
            defer { i += 1 }
            let lang = Self.languages[Int(rng.next() % UInt64(Self.languages.count))]
            let outlet = Self.outlets[Int(rng.next() % UInt64(Self.outlets.count))]
            let day = 1 + Int(rng.next() % 28)
            let date = String(format: "2021-08-%02d", day)
            let title = sentence(lang, &rng).replacingOccurrences(of: ".", with: "")
            var paragraphs: [String] = []
            let count = options.paragraphs.lowerBound + Int(rng.next() % UInt64(options.paragraphs.count))
            for _ in 0..<count {
                paragraphs.append((0..<(2 + Int(rng.next() % 3))).map { _ in
                    // no draw when every sentence has a figure: --dense writes the first generator's corpus
                    options.figureShare >= 1 || Double(rng.next() % 1000) / 1000 < options.figureShare
                        ? sentence(lang, &rng) : pick(Self.prose[lang]!, &rng)
                }.joined(separator: " "))
            }
            let isHTML = Double(rng.next() % 1000) / 1000 < options.htmlShare
            let name = String(format: "a%06d", i) + (isHTML ? ".html" : ".txt")
            let body = isHTML ? html(title: title, paragraphs: paragraphs, lang: lang, outlet: outlet, date: date)
                              : title + "\n\n" + paragraphs.joined(separator: "\n\n") + "\n"
            let data = Data(body.utf8)
            try data.write(to: folder.appendingPathComponent(name))
            manifest += "\(name),\(outlet),\(date),\(lang),\n"
            summary.files += 1
            summary.bytes += data.count
            if isHTML { summary.htmlBytes += data.count } else { summary.textBytes += data.count }
        }
        try Data(manifest.utf8).write(to: folder.appendingPathComponent("manifest.csv"))
        return summary
    }

    func pick(_ xs: [String], _ rng: inout SplitMix) -> String { xs[Int(rng.next() % UInt64(xs.count))] }

    func sentence(_ lang: String, _ rng: inout SplitMix) -> String {
        var s = pick(Self.templates[lang]!, &rng)
        let n = 10 + Int(rng.next() % 5000)
        let n2 = n + 1 + Int(rng.next() % 3000)
        let replacements: [(String, String)] = [
            ("{n2}", grouped(n2, lang)), ("{n}", grouped(n, lang)),
            ("{o}", pick(Self.ordinals[lang]!, &rng)), ("{p}", String(5 + Int(rng.next() % 90))),
            ("{d}", pick(Self.durations[lang]!, &rng)), ("{m}", pick(Self.money[lang]!, &rng)),
            ("{q}", pick(Self.qualifiers[lang]!, &rng)), ("{day}", pick(Self.weekdays[lang]!, &rng)),
        ]
        for (k, v) in replacements { s = s.replacingOccurrences(of: k, with: v) }
        return s.replacingOccurrences(of: "  ", with: " ")
    }

    func grouped(_ n: Int, _ lang: String) -> String {
        guard n >= 1000 else { return String(n) }
        let sep = lang == "en" ? "," : (lang == "fr" ? "\u{202F}" : ".")
        return "\(n / 1000)\(sep)\(String(format: "%03d", n % 1000))"
    }

    func html(title: String, paragraphs: [String], lang: String, outlet: String, date: String) -> String {
        let related = (0..<4).map { "<li><a href=\"/story/\($0)\">More than \($0 * 100 + 300) killed in unrelated story \($0)</a></li>" }.joined()
        return """
        <!DOCTYPE html><html lang="\(lang)"><head><meta charset="utf-8"><title>\(title) | \(outlet)</title>
        <meta property="og:site_name" content="\(outlet)"><meta property="article:published_time" content="\(date)T08:00:00Z">
        <script type="application/ld+json">{"@type":"NewsArticle","headline":"\(title)","datePublished":"\(date)","publisher":{"name":"\(outlet)"}}</script>
        <style>body{font-family:sans-serif}</style>\(chrome(head: true))</head><body>
        <header class="site-header"><nav class="main-nav"><a href="/">Home</a><a href="/world">World</a><a href="/sport">Sport</a></nav></header>
        <div class="cookie-banner">We use cookies to improve your experience. <button>Accept</button></div>
        <main><article><h1>\(title)</h1><div class="byline">By Staff Reporter</div>
        <div class="share-buttons"><a href="#">Share</a><a href="#">Tweet</a></div>
        <div class="article-body">\(paragraphs.map { "<p>\($0)</p>" }.joined(separator: "\n"))</div></article>
        <aside class="related-posts"><h3>Related</h3><ul>\(related)</ul></aside></main>
        <footer class="site-footer">© 2021 \(outlet). All rights reserved.\(chrome(head: false))</footer></body></html>
        """
    }

    /// Page chrome of about `chromeBytes / 2` bytes: tracking and ad scripts for the head, a site
    /// map of links for the footer (what real templates carry around an article).
    func chrome(head: Bool) -> String {
        let half = options.chromeBytes / 2
        guard half > 0 else { return "" }
        var out = ""
        var k = 0
        while out.utf8.count < half {
            if head {
                out += "<script>window.dataLayer=window.dataLayer||[];dataLayer.push({'event':'slot\(k)','section':'world','ts':\(1_628_000_000 + k)});</script>\n"
            } else {
                out += "<li><a href=\"/section/\(k)\">Section \(k)</a> <a href=\"/section/\(k)/archive\">Archive</a></li>\n"
            }
            k += 1
        }
        return head ? out : "<ul class=\"sitemap\">" + out + "</ul>"
    }
}
