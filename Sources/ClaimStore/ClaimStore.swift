import CrosscheckModel
import Foundation
import GRDB

/// A SQLite file of every article and claim checked so far, so that a new batch is
/// cross-referenced against everything stored before it.
///
/// Articles are keyed by id and content hash: the same article again changes nothing, a changed
/// one replaces its earlier version (and the outcome says so). Each batch is written in one
/// transaction: a batch that fails halfway leaves the store as it was.
public final class ClaimStore: Sendable {
    /// The file the store lives in.
    public let path: String
    private let db: DatabaseQueue

    /// An error naming the store file and the problem.
    public struct StoreError: Error, CustomStringConvertible, Sendable {
        public var path: String
        public var problem: String
        public var description: String { "\(path): \(problem)" }
    }

    /// What recording a batch did to each article.
    public struct Outcome: Sendable, Hashable {
        /// Articles new to the store.
        public var added: [String] = []
        /// Articles whose text changed since they were stored: the new version replaced the old.
        public var replaced: [String] = []
        /// Articles stored before with the same text: nothing was written.
        public var unchanged: [String] = []
    }

    /// One article with its content hash, as the store keeps it.
    public struct Entry: Sendable, Hashable {
        public var article: ReportedArticle
        public var contentHash: String
        public init(article: ReportedArticle, contentHash: String) {
            self.article = article
            self.contentHash = contentHash
        }
    }

    /// Opens (creating if needed) the store at `path` and brings its schema up to date.
    public init(path: String) throws {
        self.path = path
        do {
            var config = Configuration()
            config.foreignKeysEnabled = true
            config.label = "crosscheck-store"
            db = try DatabaseQueue(path: path, configuration: config)
            try Self.migrator.migrate(db)
        } catch let e as DatabaseError {
            throw StoreError(path: path, problem: "not a usable claim store: \(e.message ?? e.description)")
        } catch {
            throw StoreError(path: path, problem: "cannot be opened: \(error)")
        }
    }

    static var migrator: DatabaseMigrator {
        var m = DatabaseMigrator()
        m.registerMigration("v1") { db in
            try db.execute(sql: """
                CREATE TABLE batch (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    articles INTEGER NOT NULL,
                    added INTEGER NOT NULL,
                    replaced INTEGER NOT NULL,
                    unchanged INTEGER NOT NULL
                );
                CREATE TABLE article (
                    id TEXT PRIMARY KEY,
                    path TEXT,
                    outlet TEXT,
                    published TEXT,
                    language TEXT NOT NULL,
                    title TEXT,
                    contentHash TEXT NOT NULL,
                    batch INTEGER NOT NULL REFERENCES batch(id)
                );
                CREATE TABLE claim (
                    id TEXT PRIMARY KEY,
                    articleId TEXT NOT NULL REFERENCES article(id) ON DELETE CASCADE,
                    position INTEGER NOT NULL,
                    concept TEXT,
                    subject TEXT,
                    asOf TEXT,
                    body TEXT NOT NULL
                );
                CREATE INDEX claim_article ON claim(articleId, position);
                CREATE INDEX claim_concept ON claim(concept);
                CREATE INDEX claim_subject ON claim(subject);
                """)
        }
        return m
    }

    /// Every stored article with its claims, sorted by id.
    public func articles() throws -> [ReportedArticle] {
        try wrap {
            try db.read { db in
                let decoder = JSONDecoder()
                var claims: [String: [Claim]] = [:]
                let cursor = try Row.fetchCursor(db, sql: "SELECT articleId, body FROM claim ORDER BY articleId, position")
                while let row = try cursor.next() {
                    let body: String = row["body"]
                    claims[row["articleId"], default: []].append(try decoder.decode(Claim.self, from: Data(body.utf8)))
                }
                return try Row.fetchAll(db, sql: "SELECT * FROM article ORDER BY id").map { row in
                    let id: String = row["id"]
                    return ReportedArticle(id: id, path: row["path"], outlet: row["outlet"], published: row["published"],
                                           language: row["language"], title: row["title"], claims: claims[id] ?? [])
                }
            }
        }
    }

    /// The stored content hash of each article id.
    public func contentHashes() throws -> [String: String] {
        try wrap {
            try db.read { db in
                var out: [String: String] = [:]
                for row in try Row.fetchAll(db, sql: "SELECT id, contentHash FROM article") { out[row["id"]] = row["contentHash"] }
                return out
            }
        }
    }

    /// Records a batch in one transaction. `failAfter` is for tests: it throws after that many
    /// articles were written, to prove the transaction leaves the store unchanged.
    @discardableResult
    public func record(_ entries: [Entry], failAfter: Int? = nil) throws -> Outcome {
        try wrap {
            try db.write { db in
                let known = try Dictionary(
                    Row.fetchAll(db, sql: "SELECT id, contentHash FROM article").map { ($0["id"] as String, $0["contentHash"] as String) },
                    uniquingKeysWith: { a, _ in a })
                var outcome = Outcome()
                try db.execute(sql: "INSERT INTO batch (articles, added, replaced, unchanged) VALUES (?, 0, 0, 0)",
                               arguments: [entries.count])
                let batch = db.lastInsertedRowID
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.sortedKeys]
                var written = 0
                for e in entries.sorted(by: { $0.article.id < $1.article.id }) {
                    let a = e.article
                    if let old = known[a.id] {
                        if old == e.contentHash { outcome.unchanged.append(a.id); continue }
                        try db.execute(sql: "DELETE FROM article WHERE id = ?", arguments: [a.id])
                        outcome.replaced.append(a.id)
                    } else {
                        outcome.added.append(a.id)
                    }
                    try db.execute(
                        sql: "INSERT INTO article (id, path, outlet, published, language, title, contentHash, batch) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                        arguments: [a.id, a.path, a.outlet, a.published, a.language, a.title, e.contentHash, batch])
                    for (i, c) in a.claims.enumerated() {
                        let body = String(decoding: try encoder.encode(c), as: UTF8.self)
                        try db.execute(
                            sql: "INSERT INTO claim (id, articleId, position, concept, subject, asOf, body) VALUES (?, ?, ?, ?, ?, ?, ?)",
                            arguments: [c.id, a.id, i, c.concept, c.subject, c.asOf, body])
                    }
                    written += 1
                    if written == Self.stallAfter {
                        // Test hook (CROSSCHECK_TEST_STALL_STORE_AFTER): hold the open transaction so a
                        // test can kill the process mid-write and check the store is unchanged.
                        FileHandle.standardError.write(Data("crosscheck: store: stalling inside the transaction\n".utf8))
                        Thread.sleep(forTimeInterval: 120)
                    }
                    if let failAfter, written >= failAfter {
                        throw StoreError(path: path, problem: "stopped on purpose after \(written) articles (test)")
                    }
                }
                try db.execute(sql: "UPDATE batch SET added = ?, replaced = ?, unchanged = ? WHERE id = ?",
                               arguments: [outcome.added.count, outcome.replaced.count, outcome.unchanged.count, batch])
                return outcome
            }
        }
    }

    static let stallAfter: Int? = ProcessInfo.processInfo.environment["CROSSCHECK_TEST_STALL_STORE_AFTER"].flatMap(Int.init)

    /// One stored figure for ``history(matching:)``.
    public struct HistoryEntry: Sendable, Hashable {
        public var article: ReportedArticle
        public var claim: Claim
    }

    /// The stored claims whose subject or concept contains `text` (case-insensitive), ordered by
    /// as-of date, then article and position: one fact's figures over time.
    public func history(matching text: String) throws -> [HistoryEntry] {
        let needle = "%" + text.lowercased().replacingOccurrences(of: "%", with: "") + "%"
        return try wrap {
            try db.read { db in
                let decoder = JSONDecoder()
                let rows = try Row.fetchAll(db, sql: """
                    SELECT c.body, a.id AS aid, a.path, a.outlet, a.published, a.language, a.title
                    FROM claim c JOIN article a ON a.id = c.articleId
                    WHERE lower(coalesce(c.subject, '')) LIKE ? OR lower(coalesce(c.concept, '')) LIKE ?
                    ORDER BY coalesce(c.asOf, a.published, ''), a.id, c.position
                    """, arguments: [needle, needle])
                return try rows.map { row in
                    let body: String = row["body"]
                    let claim = try decoder.decode(Claim.self, from: Data(body.utf8))
                    let art = ReportedArticle(id: row["aid"], path: row["path"], outlet: row["outlet"], published: row["published"],
                                              language: row["language"], title: row["title"], claims: [])
                    return HistoryEntry(article: art, claim: claim)
                }
            }
        }
    }

    /// The content hash the store keys an article version by: its title and main text.
    public static func contentHash(title: String?, text: String) -> String {
        SHA256.hex(Array(((title ?? "") + "\n" + text).utf8))
    }

    private func wrap<T>(_ body: () throws -> T) throws -> T {
        do { return try body() } catch let e as StoreError { throw e } catch let e as DatabaseError {
            throw StoreError(path: path, problem: e.message ?? e.description)
        } catch {
            throw StoreError(path: path, problem: "\(error)")
        }
    }
}
