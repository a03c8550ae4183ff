import Foundation
import GRDB

/// A photo as the store keeps it: cleaned bytes (the App's `PhotoSanitiser` checked and stripped
/// them) and their type.
public struct BoardPhoto: Sendable, Equatable {
    public let bytes: Data
    public let contentType: String
    public let width: Int
    public let height: Int

    public init(bytes: Data, contentType: String, width: Int, height: Int) {
        self.bytes = bytes
        self.contentType = contentType
        self.width = width
        self.height = height
    }
}

/// What one person wrote within a time, for the rate limits.
public struct BoardWritten: Sendable, Equatable {
    public let posts: Int
    public let answers: Int
    public let reports: Int
}

/// Digivinkit: posts, answers, "useful", adoptions, reports and moderators. A post is visible to its
/// organisation, and to every organisation of the installation when shared. Counters and "solved"
/// are kept by the database's triggers (migration 0020); the search index is written here, in the
/// same transaction as what it indexes.
public struct BoardStore: Sendable {
    let database: AppDatabase

    public init(_ database: AppDatabase) {
        self.database = database
    }

    // MARK: - Posts

    /// Stores a post (and its photo) and indexes it.
    public func create(_ post: BoardPost, photo: BoardPhoto? = nil) throws(StorageError) -> Stored<BoardPost> {
        try database.writing { db in
            var post = post
            if let photo {
                try db.execute(sql: """
                    INSERT INTO board_photos (organisation_id, content_type, bytes, width, height, uploaded_by, created_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?)
                    """, arguments: [post.organisationID, photo.contentType, photo.bytes, photo.width, photo.height,
                                     post.authorUserID, post.createdAt])
                post.photoID = db.lastInsertedRowID
            }
            let stored = try post.insertStored(db)
            try Self.index(db, postID: stored.id)
            return stored
        }
    }

    /// One post with its writer, whoever asks (the page decides what to show).
    public func listing(id: Int64) throws(StorageError) -> BoardListing? {
        try database.reading { db in
            try Row.fetchOne(db, sql: Self.listingSelect + " WHERE p.id = ?", arguments: [id]).map { try Self.listing($0) }
        }
    }

    /// The visible posts for a reader of `organisationID`, newest (or most useful, most adopted)
    /// first. `page` counts from 0.
    public func list(visibleTo organisationID: Int64, _ filter: BoardFilter, page: Int = 0, pageSize: Int = 20)
        throws(StorageError) -> [BoardListing] {
        try database.reading { db in
            let (condition, arguments) = Self.condition(organisationID, filter)
            let rows = try Row.fetchAll(db, sql: Self.listingSelect + """
                 WHERE \(condition)
                ORDER BY \(Self.order(filter.sort))
                LIMIT ? OFFSET ?
                """, arguments: arguments + [pageSize + 1, max(0, page) * pageSize])
            return try rows.map { try Self.listing($0) }
        }
    }

    /// A search over titles, texts and answers: each word a prefix ("salasan" finds "salasanan"),
    /// ä/ö/å folded, best match first unless another sort is asked for. Each hit's snippet is cut
    /// from its text (or its answers or title, when only they match) by `BoardSnippet`.
    public func search(_ query: String, visibleTo organisationID: Int64, _ filter: BoardFilter, limit: Int = 30)
        throws(StorageError) -> [BoardListing] {
        guard let match = InstructionSearchText.matchQuery(query) else { return [] }
        return try database.reading { db in
            let hits = try Self.bestHits(db, match: match, organisationID: organisationID, filter, limit: limit)
                ?? Self.allHits(db, match: match, organisationID: organisationID, filter, limit: limit)
            let answers = try Self.answerTexts(db, postIDs: hits.map(\.post.id))
            return hits.map { hit in
                var snippet = BoardSnippet.make(hit.post.body, query: query)
                // The text first; else the answers; else the title, so the reader sees why it was found.
                for other in [answers[hit.post.id] ?? "", hit.post.title] where !snippet.contains(InstructionSearchText.highlightStart) {
                    let found = BoardSnippet.make(other, query: query)
                    if found.contains(InstructionSearchText.highlightStart) { snippet = found }
                }
                return BoardListing(post: hit.post, author: hit.author, organisationName: hit.organisationName,
                                    sectorName: hit.sectorName, snippet: snippet)
            }
        }
    }

    /// The best matches by relevance from the index alone, then their rows: reading the posts of
    /// every match to filter them first cost more than the rest of a search for a common word. Only
    /// for a search by relevance without filters; nil when the index's best three times `limit`
    /// leave fewer than `limit` visible while more matches exist (then `allHits` decides).
    static func bestHits(_ db: Database, match: String, organisationID: Int64, _ filter: BoardFilter, limit: Int) throws -> [BoardListing]? {
        guard filter.sort == .newest, filter.kind == nil, filter.sectorID == nil, filter.areaCode == nil, filter.tool == nil,
              filter.solved == nil else { return nil }
        let wanted = limit * 3
        let ids = try Int64.fetchAll(db, sql: """
            SELECT rowid FROM board_search WHERE board_search MATCH ? ORDER BY bm25(board_search, 10.0, 2.0, 1.0), rowid DESC LIMIT ?
            """, arguments: [match, wanted])
        guard !ids.isEmpty else { return [] }
        // Which of them the reader may see (ids only), then the rows of the first `limit` of those.
        let (condition, arguments) = Self.condition(organisationID, filter)
        let visibleIDs = Set(try Int64.fetchAll(db, sql: """
            SELECT p.id FROM board_posts p WHERE p.id IN (SELECT value FROM json_each(?)) AND \(condition)
            """, arguments: [TrainingCatalogueStore.jsonArray(ids)] + arguments))
        let chosen = Array(ids.filter(visibleIDs.contains).prefix(limit))
        if chosen.count < limit && ids.count == wanted { return nil }
        guard !chosen.isEmpty else { return [] }
        var byID: [Int64: BoardListing] = [:]
        for row in try Row.fetchAll(db, sql: Self.listingSelect + " WHERE p.id IN (SELECT value FROM json_each(?))",
                                    arguments: [TrainingCatalogueStore.jsonArray(chosen)]) {
            let listing = try Self.listing(row)
            byID[listing.post.id] = listing
        }
        return chosen.compactMap { byID[$0] }
    }

    /// Every match joined with its post, filtered and ordered by the database.
    static func allHits(_ db: Database, match: String, organisationID: Int64, _ filter: BoardFilter, limit: Int) throws -> [BoardListing] {
        let (condition, arguments) = Self.condition(organisationID, filter)
        // The full-text index drives the loop (CROSS JOIN): matched once, then each hit's row by id.
        let order = filter.sort == .newest ? "bm25(board_search, 10.0, 2.0, 1.0), p.id DESC" : Self.order(filter.sort)
        return try Row.fetchAll(db, sql: """
            SELECT \(Self.listingColumns), '' AS found_snippet
            FROM board_search CROSS JOIN board_posts p ON p.id = board_search.rowid
            \(Self.listingJoins)
            WHERE board_search MATCH ? AND \(condition)
            ORDER BY \(order)
            LIMIT ?
            """, arguments: [match] + arguments + [limit]).map { try Self.listing($0) }
    }

    /// The visible answers' texts of some posts, joined per post.
    static func answerTexts(_ db: Database, postIDs: [Int64]) throws -> [Int64: String] {
        guard !postIDs.isEmpty else { return [:] }
        var texts: [Int64: String] = [:]
        for row in try Row.fetchAll(db, sql: """
            SELECT post_id, group_concat(body, ' ') AS bodies FROM board_answers
            WHERE post_id IN (SELECT value FROM json_each(?)) AND hidden = 0 GROUP BY post_id
            """, arguments: [TrainingCatalogueStore.jsonArray(postIDs)]) {
            texts[row["post_id"]] = row["bodies"]
        }
        return texts
    }

    /// Questions of some sectors (or of no sector) in the organisation with no visible answer, asked
    /// before `before`: what a digitutor of the sector could answer.
    public func unansweredQuestions(organisationID: Int64, sectorIDs: Set<Int64>, before: Date, limit: Int = 10)
        throws(StorageError) -> [BoardListing] {
        try database.reading { db in
            try Row.fetchAll(db, sql: Self.listingSelect + """
                 WHERE p.kind = 'question' AND p.answer_count = 0 AND p.hidden = 0 AND p.locked = 0
                AND p.organisation_id = ? AND (p.sector_id IS NULL OR p.sector_id IN (SELECT value FROM json_each(?)))
                AND p.created_at < ?
                ORDER BY p.created_at LIMIT ?
                """, arguments: [organisationID, TrainingCatalogueStore.jsonArray(sectorIDs.sorted()), before, limit])
                .map { try Self.listing($0) }
        }
    }

    /// Makes a tip of a solved question: its title, its text and the answers that solved it, with a
    /// link back. The tip is written by `authorUserID` (a moderator or a digitutor), never by an
    /// anonymous asker's name.
    public func tip(fromQuestion questionID: Int64, authorUserID: Int64?, body: String, now: Date = Date())
        throws(StorageError) -> Stored<BoardPost> {
        try database.writing { db in
            guard let question = try BoardPost.fetchOne(db, sql: "SELECT * FROM board_posts WHERE id = ?", arguments: [questionID]),
                  question.kind == .question, question.solved else { throw StorageError.notFound }
            let tip = BoardPost(organisationID: question.organisationID, kind: .tip, title: question.title, body: body,
                                sectorID: question.sectorID, areaCode: question.areaCode, tool: question.tool,
                                language: question.language, authorUserID: authorUserID, shared: question.shared,
                                fromQuestionID: questionID, now: now)
            let stored = try tip.insertStored(db)
            try Self.index(db, postID: stored.id)
            return stored
        }
    }

    /// The tip made of a question, if one was.
    public func tipMade(fromQuestion questionID: Int64) throws(StorageError) -> Int64? {
        try database.reading { db in
            try Int64.fetchOne(db, sql: "SELECT id FROM board_posts WHERE from_question_id = ? AND hidden = 0 ORDER BY id LIMIT 1",
                               arguments: [questionID])
        }
    }

    // MARK: - Answers

    /// The answers of a post, oldest first; hidden ones only when asked for (moderators).
    public func answers(postID: Int64, includeHidden: Bool) throws(StorageError) -> [BoardAnswerListing] {
        try database.reading { db in
            try Row.fetchAll(db, sql: """
                SELECT a.*, \(Self.authorColumns) FROM board_answers a
                LEFT JOIN users u ON u.id = a.author_user_id LEFT JOIN employees e ON e.id = u.employee_id
                LEFT JOIN units au ON au.id = e.unit_id
                WHERE a.post_id = ? AND (? OR a.hidden = 0) ORDER BY a.id
                """, arguments: [postID, includeHidden]).map { row in
                BoardAnswerListing(answer: try Stored<BoardAnswer>(row: row), author: Self.author(row))
            }
        }
    }

    /// Adds an answer and indexes it with its post. Refused on a locked post.
    public func addAnswer(_ answer: BoardAnswer) throws(StorageError) -> Stored<BoardAnswer> {
        try database.writing { db in
            let locked = try Bool.fetchOne(db, sql: "SELECT locked FROM board_posts WHERE id = ?", arguments: [answer.postID])
            guard let locked else { throw StorageError.notFound }
            guard !locked else { throw StorageError.conflict("The thread is locked.") }
            let stored = try answer.insertStored(db)
            try Self.index(db, postID: answer.postID)
            return stored
        }
    }

    /// Marks (or unmarks) an answer of a question as solving it.
    public func setSolves(answerID: Int64, postID: Int64, solves: Bool, by userID: Int64?) throws(StorageError) {
        try database.writing { db in
            try db.execute(sql: "UPDATE board_answers SET solves = ?, solved_by = ? WHERE id = ? AND post_id = ?",
                           arguments: [solves, solves ? userID : nil, answerID, postID])
            guard db.changesCount == 1 else { throw StorageError.notFound }
        }
    }

    // MARK: - Useful and adoptions

    /// Marks a post useful for the user, or takes the mark back. Returns whether it is now marked.
    @discardableResult
    public func toggleUseful(postID: Int64, userID: Int64, now: Date = Date()) throws(StorageError) -> Bool {
        try database.writing { db in
            try db.execute(sql: "DELETE FROM board_useful WHERE post_id = ? AND user_id = ?", arguments: [postID, userID])
            if db.changesCount > 0 { return false }
            try db.execute(sql: "INSERT INTO board_useful (post_id, user_id, created_at) VALUES (?, ?, ?)",
                           arguments: [postID, userID, now])
            return true
        }
    }

    public func isUseful(postID: Int64, userID: Int64) throws(StorageError) -> Bool {
        try database.reading { db in
            try Bool.fetchOne(db, sql: "SELECT 1 FROM board_useful WHERE post_id = ? AND user_id = ?", arguments: [postID, userID]) ?? false
        }
    }

    /// Records that a unit adopted a practice (a second time only updates "how it went").
    public func adopt(postID: Int64, unitID: Int64, organisationID: Int64, userID: Int64?, howItWent: String,
                      now: Date = Date()) throws(StorageError) {
        try database.writing { db in
            try db.execute(sql: """
                INSERT INTO board_adoptions (post_id, unit_id, organisation_id, user_id, how_it_went, created_at)
                VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT (post_id, unit_id) DO UPDATE SET how_it_went = excluded.how_it_went, user_id = excluded.user_id
                """, arguments: [postID, unitID, organisationID, userID, howItWent, now])
        }
    }

    /// Takes a unit's adoption back.
    public func withdrawAdoption(postID: Int64, unitID: Int64) throws(StorageError) {
        try database.writing { db in
            try db.execute(sql: "DELETE FROM board_adoptions WHERE post_id = ? AND unit_id = ?", arguments: [postID, unitID])
        }
    }

    /// Where a practice has spread: the adopting units with their organisations, newest first.
    public func adoptions(postID: Int64) throws(StorageError) -> [BoardAdoption] {
        try database.reading { db in
            try Row.fetchAll(db, sql: """
                SELECT a.unit_id, un.name AS unit_name, o.name AS organisation_name, a.how_it_went, a.created_at
                FROM board_adoptions a JOIN units un ON un.id = a.unit_id JOIN organisations o ON o.id = a.organisation_id
                WHERE a.post_id = ? ORDER BY a.created_at DESC, a.unit_id
                """, arguments: [postID]).map { row in
                BoardAdoption(unitID: row["unit_id"], unitName: row["unit_name"], organisationName: row["organisation_name"],
                              howItWent: row["how_it_went"], createdAt: row["created_at"])
            }
        }
    }

    // MARK: - Photos

    /// A photo with the post that shows it (for the access check).
    public func photo(id: Int64) throws(StorageError) -> (photo: BoardPhoto, post: Stored<BoardPost>)? {
        try database.reading { db in
            guard let row = try Row.fetchOne(db, sql: """
                SELECT ph.bytes AS photo_bytes, ph.content_type AS photo_type, ph.width AS photo_width,
                       ph.height AS photo_height, p.*
                FROM board_photos ph JOIN board_posts p ON p.photo_id = ph.id WHERE ph.id = ? LIMIT 1
                """, arguments: [id]) else { return nil }
            let photo = BoardPhoto(bytes: row["photo_bytes"], contentType: row["photo_type"], width: row["photo_width"],
                                   height: row["photo_height"])
            return (photo, try Stored<BoardPost>(row: row))
        }
    }

    // MARK: - Rate limits

    /// How many posts, answers and reports the user wrote since `since`.
    public func writtenSince(userID: Int64, since: Date) throws(StorageError) -> BoardWritten {
        try database.reading { db in
            let posts = try Int.fetchOne(db, sql: "SELECT count(*) FROM board_posts WHERE author_user_id = ? AND created_at >= ?",
                                         arguments: [userID, since]) ?? 0
            let answers = try Int.fetchOne(db, sql: "SELECT count(*) FROM board_answers WHERE author_user_id = ? AND created_at >= ?",
                                           arguments: [userID, since]) ?? 0
            let reports = try Int.fetchOne(db, sql: "SELECT count(*) FROM board_reports WHERE reporter_user_id = ? AND created_at >= ?",
                                           arguments: [userID, since]) ?? 0
            return BoardWritten(posts: posts, answers: answers, reports: reports)
        }
    }

    // MARK: - Reading helpers

    static let authorColumns = """
        COALESCE(e.first_name || ' ' || e.last_name, u.login) AS author_name, au.name AS author_unit, e.id AS author_employee
        """
    static let listingColumns = """
        p.*, \(authorColumns), o.name AS organisation_name, s.name AS sector_name
        """
    static let listingJoins = """
        JOIN organisations o ON o.id = p.organisation_id
        LEFT JOIN sectors s ON s.id = p.sector_id
        LEFT JOIN users u ON u.id = p.author_user_id LEFT JOIN employees e ON e.id = u.employee_id
        LEFT JOIN units au ON au.id = e.unit_id
        """
    static let listingSelect = "SELECT \(listingColumns), '' AS found_snippet FROM board_posts p \(listingJoins)"

    static func author(_ row: Row) -> BoardAuthor {
        BoardAuthor(userID: row["author_user_id"], name: row["author_name"] ?? "", unitName: row["author_unit"],
                    employeeID: row["author_employee"])
    }

    static func listing(_ row: Row) throws -> BoardListing {
        BoardListing(post: try Stored<BoardPost>(row: row), author: author(row), organisationName: row["organisation_name"],
                     sectorName: row["sector_name"], snippet: row["found_snippet"] ?? "")
    }

    /// Visible to the reader's organisation (its own posts and shared ones), with the filters.
    static func condition(_ organisationID: Int64, _ filter: BoardFilter) -> (String, StatementArguments) {
        var parts = ["(p.organisation_id = ? OR p.shared = 1)"]
        var arguments: StatementArguments = [organisationID]
        if filter.includeHidden {
            parts.append("(p.hidden = 0 OR p.organisation_id = ?)")
            arguments += [organisationID]
        } else {
            parts.append("p.hidden = 0")
        }
        if let kind = filter.kind {
            parts.append("p.kind = ?")
            arguments += [kind.rawValue]
        }
        if let sectorID = filter.sectorID {
            parts.append("p.sector_id = ?")
            arguments += [sectorID]
        }
        if let areaCode = filter.areaCode {
            parts.append("p.area_code = ?")
            arguments += [areaCode]
        }
        if let tool = filter.tool {
            parts.append("p.tool = ? COLLATE NOCASE")
            arguments += [tool]
        }
        if let solved = filter.solved {
            parts.append("p.kind = 'question' AND p.solved = ?")
            arguments += [solved]
        }
        return (parts.joined(separator: " AND "), arguments)
    }

    static func order(_ sort: BoardSort) -> String {
        switch sort {
        case .newest: return "p.created_at DESC, p.id DESC"
        case .useful: return "p.useful_count DESC, p.created_at DESC, p.id DESC"
        case .adopted: return "p.adoption_count DESC, p.useful_count DESC, p.created_at DESC, p.id DESC"
        }
    }

    /// Writes the post's row of the search index: title, text (with a practice's fields and the
    /// tool) and its visible answers, as plain text.
    static func index(_ db: Database, postID: Int64) throws {
        guard let post = try BoardPost.fetchOne(db, sql: "SELECT * FROM board_posts WHERE id = ?", arguments: [postID]) else { return }
        let answers = try String.fetchAll(db, sql: "SELECT body FROM board_answers WHERE post_id = ? AND hidden = 0 ORDER BY id",
                                          arguments: [postID])
        try db.execute(sql: "DELETE FROM board_search WHERE rowid = ?", arguments: [postID])
        try db.execute(sql: "INSERT INTO board_search (rowid, title, body, answers) VALUES (?, ?, ?, ?)",
                       arguments: indexArguments(postID: postID, post, answers: answers))
    }

    static func indexArguments(postID: Int64, _ post: BoardPost, answers: [String]) -> StatementArguments {
        let body = [post.body, post.how, post.tools, post.timeTaken, post.contact, post.tool]
            .filter { !$0.isEmpty }.map(InstructionSearchText.plain).joined(separator: "\n")
        return [postID, InstructionSearchText.indexable(post.title), InstructionSearchText.indexable(body),
                InstructionSearchText.indexable(answers.map(InstructionSearchText.plain).joined(separator: "\n"))]
    }
}
