import Foundation
import GRDB

/// Moderation of the board: hiding with a reason (kept on the record; the App audits it), locking,
/// reports, and the moderators HR or the tutor coordinator named.
extension BoardStore {
    /// Hides a post (with the reason) or shows it again. A hidden post leaves every list and search
    /// but stays for moderators and its writer, with the reason.
    public func setPostHidden(_ postID: Int64, hidden: Bool, reason: String, by userID: Int64?, now: Date = Date())
        throws(StorageError) {
        try database.writing { db in
            try db.execute(sql: """
                UPDATE board_posts SET hidden = ?, hidden_reason = ?, hidden_by = ?, hidden_at = ?, updated_at = ? WHERE id = ?
                """, arguments: [hidden, hidden ? reason : "", hidden ? userID : nil, hidden ? now : nil, now, postID])
            guard db.changesCount == 1 else { throw StorageError.notFound }
            if hidden { try Self.resolveReports(db, postID: postID, answerID: nil, by: userID, now: now) }
        }
    }

    /// Hides an answer (with the reason) or shows it again; the search index follows.
    public func setAnswerHidden(_ answerID: Int64, postID: Int64, hidden: Bool, reason: String, by userID: Int64?,
                                now: Date = Date()) throws(StorageError) {
        try database.writing { db in
            try db.execute(sql: """
                UPDATE board_answers SET hidden = ?, hidden_reason = ?, hidden_by = ?, hidden_at = ? WHERE id = ? AND post_id = ?
                """, arguments: [hidden, hidden ? reason : "", hidden ? userID : nil, hidden ? now : nil, answerID, postID])
            guard db.changesCount == 1 else { throw StorageError.notFound }
            try Self.index(db, postID: postID)
            if hidden { try Self.resolveReports(db, postID: postID, answerID: answerID, by: userID, now: now) }
        }
    }

    /// Locks a thread (no new answers) or opens it again.
    public func setLocked(_ postID: Int64, locked: Bool, now: Date = Date()) throws(StorageError) {
        try database.writing { db in
            try db.execute(sql: "UPDATE board_posts SET locked = ?, updated_at = ? WHERE id = ?", arguments: [locked, now, postID])
            guard db.changesCount == 1 else { throw StorageError.notFound }
        }
    }

    // MARK: - Reports

    /// Anyone who can read a post reports it or one of its answers.
    public func report(postID: Int64, answerID: Int64?, organisationID: Int64, reporterUserID: Int64?, reason: String,
                       now: Date = Date()) throws(StorageError) {
        try database.writing { db in
            try db.execute(sql: """
                INSERT INTO board_reports (post_id, answer_id, organisation_id, reporter_user_id, reason, created_at)
                VALUES (?, ?, ?, ?, ?, ?)
                """, arguments: [postID, answerID, organisationID, reporterUserID, reason, now])
        }
    }

    /// Reports of the organisation's posts not yet dealt with, oldest first.
    public func openReports(organisationID: Int64, limit: Int = 100) throws(StorageError) -> [BoardReport] {
        try database.reading { db in
            try Row.fetchAll(db, sql: """
                SELECT r.id, r.post_id, r.answer_id, p.title, r.reason, r.created_at,
                       COALESCE(e.first_name || ' ' || e.last_name, u.login, '') AS reporter
                FROM board_reports r JOIN board_posts p ON p.id = r.post_id
                LEFT JOIN users u ON u.id = r.reporter_user_id LEFT JOIN employees e ON e.id = u.employee_id
                WHERE r.organisation_id = ? AND r.resolved_at IS NULL ORDER BY r.created_at, r.id LIMIT ?
                """, arguments: [organisationID, limit]).map { row in
                BoardReport(id: row["id"], postID: row["post_id"], answerID: row["answer_id"], postTitle: row["title"],
                            reason: row["reason"], reporterName: row["reporter"], createdAt: row["created_at"])
            }
        }
    }

    /// How many reports of the organisation wait, for the moderators' link.
    public func openReportCount(organisationID: Int64) throws(StorageError) -> Int {
        try database.reading { db in
            try Int.fetchOne(db, sql: "SELECT count(*) FROM board_reports WHERE organisation_id = ? AND resolved_at IS NULL",
                             arguments: [organisationID]) ?? 0
        }
    }

    /// Closes one report without hiding anything (the moderator found nothing wrong).
    public func dismissReport(_ reportID: Int64, organisationID: Int64, by userID: Int64?, now: Date = Date()) throws(StorageError) {
        try database.writing { db in
            try db.execute(sql: """
                UPDATE board_reports SET resolved_at = ?, resolved_by = ? WHERE id = ? AND organisation_id = ? AND resolved_at IS NULL
                """, arguments: [now, userID, reportID, organisationID])
            guard db.changesCount == 1 else { throw StorageError.notFound }
        }
    }

    /// Posts and answers of the organisation now hidden, newest first, for the moderators' page.
    public func hiddenPosts(organisationID: Int64, limit: Int = 50) throws(StorageError) -> [BoardListing] {
        try database.reading { db in
            try Row.fetchAll(db, sql: Self.listingSelect + """
                 WHERE p.organisation_id = ? AND p.hidden = 1 ORDER BY p.hidden_at DESC LIMIT ?
                """, arguments: [organisationID, limit]).map { try Self.listing($0) }
        }
    }

    static func resolveReports(_ db: Database, postID: Int64, answerID: Int64?, by userID: Int64?, now: Date) throws {
        try db.execute(sql: """
            UPDATE board_reports SET resolved_at = ?, resolved_by = ?
            WHERE post_id = ? AND (? IS NULL OR answer_id = ?) AND resolved_at IS NULL
            """, arguments: [now, userID, postID, answerID, answerID])
    }

    // MARK: - Moderators

    /// The users named moderators of the organisation, with names.
    public func moderators(organisationID: Int64) throws(StorageError) -> [(userID: Int64, name: String)] {
        try database.reading { db in
            try Row.fetchAll(db, sql: """
                SELECT m.user_id, COALESCE(e.first_name || ' ' || e.last_name, u.login) AS name
                FROM board_moderators m JOIN users u ON u.id = m.user_id LEFT JOIN employees e ON e.id = u.employee_id
                WHERE m.organisation_id = ? ORDER BY name
                """, arguments: [organisationID]).map { (userID: $0["user_id"], name: $0["name"]) }
        }
    }

    public func isNamedModerator(userID: Int64, organisationID: Int64) throws(StorageError) -> Bool {
        try database.reading { db in
            try Bool.fetchOne(db, sql: "SELECT 1 FROM board_moderators WHERE organisation_id = ? AND user_id = ?",
                              arguments: [organisationID, userID]) ?? false
        }
    }

    public func addModerator(organisationID: Int64, userID: Int64, by namedBy: Int64?, now: Date = Date()) throws(StorageError) {
        try database.writing { db in
            try db.execute(sql: """
                INSERT INTO board_moderators (organisation_id, user_id, named_by, created_at) VALUES (?, ?, ?, ?)
                ON CONFLICT DO NOTHING
                """, arguments: [organisationID, userID, namedBy, now])
        }
    }

    public func removeModerator(organisationID: Int64, userID: Int64) throws(StorageError) {
        try database.writing { db in
            try db.execute(sql: "DELETE FROM board_moderators WHERE organisation_id = ? AND user_id = ?",
                           arguments: [organisationID, userID])
        }
    }
}
