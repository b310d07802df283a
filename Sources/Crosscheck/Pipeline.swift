@_exported import CrosscheckModel
import ArticleIngest
import ClaimBuilding
import CrossReference
import Foundation
import LanguageData
import QuantityRecognition

/// The whole pipeline behind one value: files in, a ``Report`` out.
///
/// ```swift
/// let pipeline = try Pipeline()
/// let result = pipeline.check(paths: ["articles/"])
/// for problem in result.problems { print(problem) }
/// print(result.report.findings.filter { $0.verdict == .conflict })
/// ```
///
/// Articles are processed in parallel; the output order is always the same (articles sorted by
/// id, then path; claims in text order), whatever order the paths were given in.
public struct Pipeline: Sendable {
    public struct Options: Sendable {
        /// A manifest that wins over `manifest.csv` files found beside the inputs.
        public var manifestPath: String?
        /// Rule files or folders added to the built-in cross-reference rules (a rule with a
        /// built-in's id replaces it).
        public var rulePaths: [String]
        /// Whether ``CheckResult/articles`` keeps every article as read (text, paragraphs,
        /// sentences). Off by default: a batch is streamed, each article dropped once its claims
        /// are built, so memory grows with the claims kept and not with the pages read.
        public var keepsArticles: Bool
        public init(manifestPath: String? = nil, rulePaths: [String] = [], keepsArticles: Bool = false) {
            self.manifestPath = manifestPath
            self.rulePaths = rulePaths
            self.keepsArticles = keepsArticles
        }
    }

    /// What ingesting a batch gave: the articles read and a problem per file that could not be.
    public struct IngestResult: Sendable {
        public var articles: [Article]
        public var problems: [IngestError]
    }

    /// What checking a batch gave: the report and the files that could not be read.
    public struct CheckResult: Sendable {
        public var report: Report
        /// The articles as read, in report order; empty unless ``Options/keepsArticles`` is set.
        public var articles: [Article]
        public var problems: [IngestError]
        /// What reading the articles noticed ("a000.html: no title found"), each starting with
        /// the article's path, in report order.
        public var warnings: [String]
    }

    public let options: Options
    public let languages: LanguageStore
    let ingestor: Ingestor
    public let recognizer: QuantityRecognizer
    let claimBuilder: ClaimBuilder
    /// The cross-referencer `check` uses: the built-in and added rules, and the concept catalog's
    /// hierarchy.
    public let crossReferencer: CrossReferencer

    public init(options: Options = Options()) throws {
        self.options = options
        languages = try LanguageStore.builtIn()
        let manifest = try options.manifestPath.map { try Manifest.load(path: $0) }
        // The language lexicons and the rule files are built on two cores at once (each is about
        // a third of start-up); errors are reported in the same order as when built one by one.
        // The ingestor (furniture tables, sentence splitters) is built beside the rules, the
        // lighter task, rather than before both on one core.
        let langs = languages, rulePaths = options.rulePaths
        let built = StartupSlots()
        DispatchQueue.concurrentPerform(iterations: 2) { k in
            if k == 0 {
                built.lexicons = Result {
                    let recognizer = try QuantityRecognizer(languages: langs)
                    return (recognizer, try ClaimBuilder(languages: langs, recognizer: recognizer))
                }
            } else {
                built.ingestor = Ingestor(languages: langs, manifest: manifest)
                built.rules = Result {
                    var rules = try RuleSet.builtIn(cases: false)   // the cases are for tests and `crosscheck rules`
                    for path in rulePaths { rules = rules.adding(try RuleSet.load(path: path)) }
                    return rules
                }
            }
        }
        ingestor = built.ingestor!
        (recognizer, claimBuilder) = try built.lexicons!.get()
        let rules = try built.rules!.get()
        let entries = claimBuilder.catalog.entries
        crossReferencer = CrossReferencer(
            rules: rules,
            concepts: ConceptHierarchy(broader: entries.compactMapValues(\.broader), totals: entries.compactMapValues(\.total)))
    }

    /// Called from worker threads as articles finish: (done, total).
    public typealias Progress = @Sendable (_ done: Int, _ total: Int) -> Void

    /// Reads every article under `paths` (files, folders, "-").
    public func ingest(paths: [String], progress: Progress? = nil) -> IngestResult {
        var (articles, problems) = eachArticle(paths: paths, progress: progress) { $0 }
        articles.sort { ($0.id, $0.path) < ($1.id, $1.path) }
        return IngestResult(articles: articles, problems: problems)
    }

    /// Finds the files under `paths`, ingests each on all cores and hands the article to `use`
    /// in the same task (so the article need not outlive it); the results in file order, and the
    /// files that could not be read, sorted by path.
    private func eachArticle<T: Sendable>(paths: [String], progress: Progress?,
                                          _ use: @Sendable (Article) -> T) -> ([T], [IngestError]) {
        let (files, discoveryErrors) = InputDiscovery.discover(paths)
        let counter = ProgressCounter(total: files.count, report: progress)
        let results = Self.parallelMap(files) { file -> Result<T, IngestError> in
            defer { counter.tick() }
            do { return .success(use(try ingestor.ingest(file))) } catch let e as IngestError {
                return .failure(e)
            } catch {
                return .failure(IngestError(path: file.path, reason: "\(error)"))
            }
        }
        var values: [T] = []
        var problems = discoveryErrors
        for r in results {
            switch r {
            case .success(let v): values.append(v)
            case .failure(let e): problems.append(e)
            }
        }
        problems.sort { ($0.path, $0.reason) < ($1.path, $1.reason) }
        return (values, problems)
    }

    /// Claims for one article.
    public func claims(for article: Article) -> [Claim] {
        claimBuilder.claims(for: article)
    }

    /// Ingest, recognize, build claims and cross-reference a batch. `progress` hears (done, total)
    /// as articles finish.
    ///
    /// Each file is read, ingested and turned into claims by one task, files in parallel; only the
    /// claims (and, with ``Options/keepsArticles``, the article) outlive the task.
    public func check(paths: [String], progress: Progress? = nil) -> CheckResult {
        let batch = read(paths: paths, hashes: false, progress: progress)
        let findings = crossReferencer.findings(for: batch.reported)
        return CheckResult(report: Report(articles: batch.reported, findings: findings),
                           articles: batch.articles, problems: batch.problems, warnings: batch.warnings)
    }

    /// What one file became: its claims, warnings and (when asked) content hash and article.
    private struct ReadFile: Sendable {
        var reported: ReportedArticle
        var warnings: [String]
        var contentHash: String?
        var article: Article?
    }

    /// A batch read and turned into claims, in report order (article id, then path).
    private struct ReadBatch: Sendable {
        var reported: [ReportedArticle] = []
        var warnings: [String] = []
        var hashes: [String] = []
        var articles: [Article] = []
        var problems: [IngestError] = []
    }

    private func read(paths: [String], hashes: Bool, progress: Progress?) -> ReadBatch {
        let keep = options.keepsArticles
        var (read, problems) = eachArticle(paths: paths, progress: progress) { article in
            let reported = ReportedArticle(id: article.id, path: article.path, outlet: article.outlet,
                                           published: article.published, language: article.language,
                                           title: article.title, claims: claimBuilder.claims(for: article))
            return ReadFile(
                reported: reported,
                warnings: article.warnings.map { $0.hasPrefix(article.path) ? $0 : "\(article.path): \($0)" },
                contentHash: hashes ? ClaimStore.contentHash(title: article.title, text: article.text) : nil,
                article: keep ? article : nil)
        }
        read.sort { ($0.reported.id, $0.reported.path ?? "") < ($1.reported.id, $1.reported.path ?? "") }
        var batch = ReadBatch()
        batch.problems = problems
        batch.reported = read.map(\.reported)
        batch.warnings = read.flatMap(\.warnings)
        batch.hashes = read.compactMap(\.contentHash)
        batch.articles = read.compactMap(\.article)
        return batch
    }

    /// What checking a batch against a claim store gave.
    public struct StoredCheckResult: Sendable {
        public var check: CheckResult
        /// What recording the batch did to each article (added, replaced, unchanged).
        public var outcome: ClaimStore.Outcome
    }

    /// Checks a batch against everything stored before it, then records the batch.
    ///
    /// Findings are those that involve at least one claim of this batch; the report lists this
    /// batch's articles plus the stored articles that take part in a finding, so every claim id
    /// in a finding resolves. The batch is recorded in one transaction after the comparison: if
    /// recording fails, the store is left as it was and the error names the store file.
    public func check(paths: [String], store: ClaimStore, progress: Progress? = nil) throws -> StoredCheckResult {
        let batch = read(paths: paths, hashes: true, progress: progress)
        let reported = batch.reported
        let newIDs = Set(reported.map(\.id))
        let stored = try store.articles().filter { !newIDs.contains($0.id) }
        let everything = (stored + reported).sorted { ($0.id, $0.path ?? "") < ($1.id, $1.path ?? "") }
        let newClaims = Set(reported.flatMap { $0.claims.map(\.id) })
        var findings = crossReferencer.findings(for: everything).filter { $0.claims.contains(where: newClaims.contains) }
        for i in findings.indices { findings[i].id = "F\(i + 1)" }
        let involved = Set(findings.flatMap(\.claims))
        let storedInFindings = stored.filter { a in a.claims.contains { involved.contains($0.id) } }
        let articles = (reported + storedInFindings).sorted { ($0.id, $0.path ?? "") < ($1.id, $1.path ?? "") }
        let entries = zip(reported, batch.hashes).map { rep, hash in ClaimStore.Entry(article: rep, contentHash: hash) }
        let outcome = try store.record(entries)
        let check = CheckResult(report: Report(articles: articles, findings: findings),
                                articles: batch.articles, problems: batch.problems, warnings: batch.warnings)
        return StoredCheckResult(check: check, outcome: outcome)
    }

    /// Maps in parallel over all cores, keeping the input order.
    static func parallelMap<T: Sendable, U: Sendable>(_ items: [T], _ transform: @Sendable (T) -> U) -> [U] {
        if items.count < 2 { return items.map(transform) }
        return IndexedSlots.map(items.count) { transform(items[$0]) }
    }
}

/// What the two start-up tasks built (each slot written by one task, read after both end).
final class StartupSlots: @unchecked Sendable {
    var lexicons: Result<(QuantityRecognizer, ClaimBuilder), any Error>?
    var rules: Result<RuleSet, any Error>?
    var ingestor: Ingestor?
}

/// Counts finished items across threads and reports each step.
final class ProgressCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var done = 0
    private let total: Int
    private let report: Pipeline.Progress?
    init(total: Int, report: Pipeline.Progress?) {
        self.total = total
        self.report = report
    }
    func tick() {
        guard let report else { return }
        lock.lock()
        done += 1
        let d = done
        lock.unlock()
        report(d, total)
    }
}

extension Pipeline {
    /// The language of a short text ("en" when nothing tells).
    public func identifyLanguage(_ text: String) -> String {
        LanguageIdentifier(languages: languages).identify(text) ?? "en"
    }
}
