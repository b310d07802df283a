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
        public init(manifestPath: String? = nil, rulePaths: [String] = []) {
            self.manifestPath = manifestPath
            self.rulePaths = rulePaths
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
        public var articles: [Article]
        public var problems: [IngestError]
    }

    public let options: Options
    public let languages: LanguageStore
    let ingestor: Ingestor
    public let recognizer: QuantityRecognizer
    let claimBuilder: ClaimBuilder
    let crossReferencer: CrossReferencer

    public init(options: Options = Options()) throws {
        self.options = options
        languages = try LanguageStore.builtIn()
        let manifest = try options.manifestPath.map { try Manifest.load(path: $0) }
        ingestor = Ingestor(languages: languages, manifest: manifest)
        recognizer = try QuantityRecognizer(languages: languages)
        claimBuilder = try ClaimBuilder(languages: languages, recognizer: recognizer)
        var rules = try RuleSet.builtIn()
        for path in options.rulePaths { rules = rules.adding(try RuleSet.load(path: path)) }
        let entries = claimBuilder.catalog.entries
        crossReferencer = CrossReferencer(
            rules: rules,
            concepts: ConceptHierarchy(broader: entries.compactMapValues(\.broader), totals: entries.compactMapValues(\.total)))
    }

    /// Called from worker threads as articles finish: (done, total).
    public typealias Progress = @Sendable (_ done: Int, _ total: Int) -> Void

    /// Reads every article under `paths` (files, folders, "-").
    public func ingest(paths: [String], progress: Progress? = nil) -> IngestResult {
        let (files, discoveryErrors) = InputDiscovery.discover(paths)
        let counter = ProgressCounter(total: files.count, report: progress)
        let results = Self.parallelMap(files) { file -> Result<Article, IngestError> in
            defer { counter.tick() }
            do { return .success(try ingestor.ingest(file)) } catch let e as IngestError {
                return .failure(e)
            } catch {
                return .failure(IngestError(path: file.path, reason: "\(error)"))
            }
        }
        var articles: [Article] = []
        var problems = discoveryErrors
        for r in results {
            switch r {
            case .success(let a): articles.append(a)
            case .failure(let e): problems.append(e)
            }
        }
        articles.sort { ($0.id, $0.path) < ($1.id, $1.path) }
        problems.sort { ($0.path, $0.reason) < ($1.path, $1.reason) }
        return IngestResult(articles: articles, problems: problems)
    }

    /// Claims for one article.
    public func claims(for article: Article) -> [Claim] {
        claimBuilder.claims(for: article)
    }

    /// Ingest, recognize, build claims and cross-reference a batch. `progress` hears about
    /// ingest and claim building, (done, total) over both.
    public func check(paths: [String], progress: Progress? = nil) -> CheckResult {
        var ingestProgress: Progress? = nil
        if let progress { ingestProgress = { done, total in progress(done, total * 2) } }
        let ingested = ingest(paths: paths, progress: ingestProgress)
        let n = ingested.articles.count
        var claimProgress: Progress? = nil
        if let progress { claimProgress = { done, _ in progress(n + done, n * 2) } }
        let counter = ProgressCounter(total: n, report: claimProgress)
        let reported = Self.parallelMap(ingested.articles) { (article: Article) -> ReportedArticle in
            defer { counter.tick() }
            return ReportedArticle(id: article.id, path: article.path, outlet: article.outlet,
                            published: article.published, language: article.language,
                            title: article.title, claims: claimBuilder.claims(for: article))
        }
        let findings = crossReferencer.findings(for: reported)
        return CheckResult(report: Report(articles: reported, findings: findings),
                           articles: ingested.articles, problems: ingested.problems)
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
        let ingested = ingest(paths: paths, progress: progress)
        let reported = Self.parallelMap(ingested.articles) { article in
            ReportedArticle(id: article.id, path: article.path, outlet: article.outlet,
                            published: article.published, language: article.language,
                            title: article.title, claims: claimBuilder.claims(for: article))
        }
        let newIDs = Set(reported.map(\.id))
        let stored = try store.articles().filter { !newIDs.contains($0.id) }
        let everything = (stored + reported).sorted { ($0.id, $0.path ?? "") < ($1.id, $1.path ?? "") }
        let newClaims = Set(reported.flatMap { $0.claims.map(\.id) })
        var findings = crossReferencer.findings(for: everything).filter { $0.claims.contains(where: newClaims.contains) }
        for i in findings.indices { findings[i].id = "F\(i + 1)" }
        let involved = Set(findings.flatMap(\.claims))
        let storedInFindings = stored.filter { a in a.claims.contains { involved.contains($0.id) } }
        let articles = (reported + storedInFindings).sorted { ($0.id, $0.path ?? "") < ($1.id, $1.path ?? "") }
        let entries = zip(ingested.articles, reported).map { article, rep in
            ClaimStore.Entry(article: rep, contentHash: ClaimStore.contentHash(title: article.title, text: article.text))
        }
        let outcome = try store.record(entries)
        let check = CheckResult(report: Report(articles: articles, findings: findings),
                                articles: ingested.articles, problems: ingested.problems)
        return StoredCheckResult(check: check, outcome: outcome)
    }

    /// Maps in parallel over all cores, keeping the input order.
    static func parallelMap<T: Sendable, U: Sendable>(_ items: [T], _ transform: @Sendable (T) -> U) -> [U] {
        if items.count < 2 { return items.map(transform) }
        let box = ResultBox<U>(count: items.count)
        DispatchQueue.concurrentPerform(iterations: items.count) { i in
            box.set(i, transform(items[i]))
        }
        return box.values()
    }
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

/// Slots filled from several threads, one index each.
final class ResultBox<U: Sendable>: @unchecked Sendable {
    private var slots: [U?]
    private let lock = NSLock()
    init(count: Int) { slots = Array(repeating: nil, count: count) }
    func set(_ i: Int, _ v: U) { lock.lock(); slots[i] = v; lock.unlock() }
    func values() -> [U] { slots.map { $0! } }
}

extension Pipeline {
    /// The language of a short text ("en" when nothing tells).
    public func identifyLanguage(_ text: String) -> String {
        LanguageIdentifier(languages: languages).identify(text) ?? "en"
    }
}
