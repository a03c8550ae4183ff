import Foundation
import GRDB

/// Which instructions a list shows.
public struct InstructionFilter: Sendable, Equatable {
    public var topicID: Int64?
    /// Instructions for this sector and for everyone; nil: all sectors.
    public var sectorID: Int64?
    public var language: String?
    /// Only those whose review was due before this day (`YYYY-MM-DD`).
    public var reviewDueBefore: String?
    public var includeRetired: Bool

    public init(topicID: Int64? = nil, sectorID: Int64? = nil, language: String? = nil, reviewDueBefore: String? = nil,
                includeRetired: Bool = false) {
        self.topicID = topicID
        self.sectorID = sectorID
        self.language = language
        self.reviewDueBefore = reviewDueBefore
        self.includeRetired = includeRetired
    }
}

/// One search result: the instruction and a snippet of its text around the words found, with
/// `InstructionSearchText.highlightStart`/`End` around each match.
public struct InstructionHit: Sendable, Equatable {
    public var instruction: Stored<Instruction>
    public var snippet: String
}

/// The instructions library: instructions with their links and owners, the search index kept in
/// step in the same transaction, and search.
public struct InstructionStore: Sendable {
    let database: AppDatabase

    public init(_ database: AppDatabase) {
        self.database = database
    }

    // MARK: - Writing

    public func create(_ draft: InstructionDraft, now: Date = Date()) throws(StorageError) -> Stored<Instruction> {
        guard let created = try createMany([draft], now: now).first else { throw StorageError.notFound }
        return created
    }

    /// Writes many instructions in one transaction (the demo's library).
    public func createMany(_ drafts: [InstructionDraft], now: Date = Date()) throws(StorageError) -> [Stored<Instruction>] {
        try database.writing { db in
            try drafts.map { draft in
                var instruction = draft.instruction
                instruction.reviewDueOn = try Self.dueOn(instruction)
                instruction.createdAt = now
                instruction.updatedAt = now
                let stored = try instruction.insertStored(db)
                try Self.replaceParts(db, stored.id, draft)
                try Self.index(db, stored)
                return stored
            }
        }
    }

    /// Saves a changed instruction (not its creation time).
    public func update(_ id: Int64, _ draft: InstructionDraft, now: Date = Date()) throws(StorageError) {
        try database.writing { db in
            var instruction = draft.instruction
            instruction.reviewDueOn = try Self.dueOn(instruction)
            try db.execute(sql: """
                UPDATE instructions SET title = ?, body = ?, topic_id = ?, system_name = ?, sector_id = ?, language = ?,
                    translation_of = ?, owner_team = ?, pinned = ?, reviewed_on = ?, review_interval_months = ?,
                    review_due_on = ?, updated_at = ?, updated_by = ?
                WHERE id = ?
                """, arguments: [instruction.title, instruction.body, instruction.topicID, instruction.systemName,
                                 instruction.sectorID, instruction.language, instruction.translationOf, instruction.ownerTeam,
                                 instruction.pinned, instruction.reviewedOn, instruction.reviewIntervalMonths,
                                 instruction.reviewDueOn, now, instruction.updatedBy, id])
            guard db.changesCount == 1 else { throw StorageError.notFound }
            try Self.replaceParts(db, id, draft)
            try Self.index(db, Stored(id: id, record: instruction))
        }
    }

    /// Records that the instruction was reviewed on `day`: the next review is due an interval later.
    public func markReviewed(_ id: Int64, on day: String, by userID: Int64?, now: Date = Date()) throws(StorageError) {
        try database.writing { db in
            guard let months = try Int.fetchOne(db, sql: "SELECT review_interval_months FROM instructions WHERE id = ?",
                                                arguments: [id]),
                  let due = InstructionReview.dueOn(reviewedOn: day, months: months)
            else { throw StorageError.notFound }
            try db.execute(sql: """
                UPDATE instructions SET reviewed_on = ?, review_due_on = ?, updated_at = ?, updated_by = ? WHERE id = ?
                """, arguments: [day, due, now, userID, id])
        }
    }

    /// Retires an instruction (kept, left out of lists and search) or brings it back.
    public func setRetired(_ id: Int64, _ retired: Bool, by userID: Int64?, now: Date = Date()) throws(StorageError) {
        try database.writing { db in
            try db.execute(sql: "UPDATE instructions SET retired = ?, updated_at = ?, updated_by = ? WHERE id = ?",
                           arguments: [retired, now, userID, id])
            guard db.changesCount == 1 else { throw StorageError.notFound }
        }
    }

    // MARK: - Reading

    public func instruction(id: Int64) throws(StorageError) -> InstructionDetails? {
        try database.reading { db in
            guard let instruction = try Stored<Instruction>.fetchOne(db, sql: "SELECT * FROM instructions WHERE id = ?",
                                                                     arguments: [id]) else { return nil }
            let links = try Row.fetchAll(db, sql: """
                SELECT title, url FROM instruction_links WHERE instruction_id = ? ORDER BY position
                """, arguments: [id]).map { InstructionLink(title: $0[0], url: $0[1]) }
            let owners = try Int64.fetchAll(db, sql: """
                SELECT user_id FROM instruction_owners WHERE instruction_id = ? ORDER BY user_id
                """, arguments: [id])
            return InstructionDetails(instruction: instruction, links: links, ownerUserIDs: owners)
        }
    }

    /// The organisation's instructions: pinned first, then by title.
    public func instructions(organisationID: Int64, _ filter: InstructionFilter = InstructionFilter())
        throws(StorageError) -> [Stored<Instruction>] {
        try database.reading { db in
            let (condition, arguments) = Self.condition(organisationID, filter)
            return try Stored<Instruction>.fetchAll(db, sql: """
                SELECT i.* FROM instructions i WHERE \(condition) ORDER BY i.pinned DESC, i.title, i.id
                """, arguments: arguments)
        }
    }

    /// Searches titles, texts and systems: every word as a prefix, ä/ö/å folded, best matches first
    /// (bm25, a title match weighing most); pinned instructions win ties. `query` is what the user
    /// typed, made safe by `InstructionSearchText.matchQuery`; nothing searchable finds nothing.
    public func search(_ query: String, organisationID: Int64, _ filter: InstructionFilter = InstructionFilter(),
                       limit: Int = 50) throws(StorageError) -> [InstructionHit] {
        guard let match = InstructionSearchText.matchQuery(query) else { return [] }
        return try database.reading { db in
            let (condition, arguments) = Self.condition(organisationID, filter)
            // CROSS JOIN keeps the full-text index the outer loop: run once, then each hit's row by
            // id (otherwise SQLite may run the whole match again for every instruction).
            let rows = try Row.fetchAll(db, sql: """
                SELECT i.*, snippet(instructions_search, 1, char(57344), char(57345), '…', 16) AS found_snippet
                FROM instructions_search CROSS JOIN instructions i ON i.id = instructions_search.rowid
                WHERE instructions_search MATCH ? AND \(condition)
                ORDER BY bm25(instructions_search, 10.0, 1.0, 5.0), i.pinned DESC, i.id
                LIMIT ?
                """, arguments: [match] + arguments + [limit])
            return try rows.map { row in
                InstructionHit(instruction: try Stored<Instruction>(row: row), snippet: row["found_snippet"] ?? "")
            }
        }
    }

    /// A few instructions for a sector's people in their language: pinned first, then the newest.
    public func forSector(organisationID: Int64, sectorID: Int64?, language: String, limit: Int = 5)
        throws(StorageError) -> [Stored<Instruction>] {
        try database.reading { db in
            try Stored<Instruction>.fetchAll(db, sql: """
                SELECT * FROM instructions
                WHERE organisation_id = ? AND retired = 0 AND language = ? AND (sector_id IS NULL OR sector_id = ?)
                ORDER BY pinned DESC, updated_at DESC, id DESC LIMIT ?
                """, arguments: [organisationID, language, sectorID, limit])
        }
    }

    /// The other language versions of an instruction (its original and the original's translations).
    public func translations(of instruction: Stored<Instruction>) throws(StorageError) -> [Stored<Instruction>] {
        let root = instruction.translationOf ?? instruction.id
        return try database.reading { db in
            try Stored<Instruction>.fetchAll(db, sql: """
                SELECT * FROM instructions WHERE (id = ? OR translation_of = ?) AND id != ? AND retired = 0
                ORDER BY language, id
                """, arguments: [root, root, instruction.id])
        }
    }

    /// Whether the user was named an owner of the instruction.
    public func isOwner(instructionID: Int64, userID: Int64) throws(StorageError) -> Bool {
        try database.reading { db in
            try Bool.fetchOne(db, sql: "SELECT 1 FROM instruction_owners WHERE instruction_id = ? AND user_id = ?",
                              arguments: [instructionID, userID]) ?? false
        }
    }

    /// Whether the user owns any instruction of the organisation (they see the "needs review" filter).
    public func ownsAny(userID: Int64, organisationID: Int64) throws(StorageError) -> Bool {
        try database.reading { db in
            try Bool.fetchOne(db, sql: """
                SELECT 1 FROM instruction_owners o JOIN instructions i ON i.id = o.instruction_id
                WHERE o.user_id = ? AND i.organisation_id = ? LIMIT 1
                """, arguments: [userID, organisationID]) ?? false
        }
    }

    /// Something that changes whenever an instruction of the organisation is added or changed (for the
    /// home page's "instructions for your sector", kept per person).
    public func instructionsStamp(organisationID: Int64) throws(StorageError) -> String {
        try database.reading { db in try Self.instructionsStamp(db, organisationID: organisationID) }
    }

    static func instructionsStamp(_ db: Database, organisationID: Int64) throws -> String {
        let row = try Row.fetchOne(db.cachedStatement(sql: """
            SELECT max(updated_at), count(*) FROM instructions WHERE organisation_id = ?
            """), arguments: [organisationID])
        return row.map { $0.databaseValues.map(\.description).joined(separator: "/") } ?? ""
    }

    /// In one read: something that changes whenever the organisation's library, topics or sector
    /// names change (for the cached library page), and whether the user owns any of its instructions.
    public func libraryState(organisationID: Int64, userID: Int64?) throws(StorageError) -> (version: String, ownsSome: Bool) {
        try database.reading { db in
            let row = try Row.fetchOne(db.cachedStatement(sql: """
                SELECT (SELECT max(updated_at) FROM instructions WHERE organisation_id = ?1),
                       (SELECT count(*) FROM instructions WHERE organisation_id = ?1),
                       (SELECT group_concat(id || ':' || active || ':' || name_fi || name_sv || name_en, '|')
                          FROM tutor_topics WHERE organisation_id = ?1),
                       (SELECT group_concat(id || ':' || name, '|') FROM sectors WHERE organisation_id = ?1),
                       EXISTS (SELECT 1 FROM instruction_owners o JOIN instructions i ON i.id = o.instruction_id
                               WHERE o.user_id = ?2 AND i.organisation_id = ?1)
                """), arguments: [organisationID, userID])
            guard let row else { return ("", false) }
            let version = row.databaseValues.prefix(4).map(\.description).joined(separator: "|")
            return (version, row[4] ?? false)
        }
    }

    // MARK: - Helpers

    private static func dueOn(_ instruction: Instruction) throws -> String {
        guard let due = InstructionReview.dueOn(reviewedOn: instruction.reviewedOn, months: instruction.reviewIntervalMonths)
        else { throw StorageError.invalid("The review date is not a date.") }
        return due
    }

    private static func condition(_ organisationID: Int64, _ filter: InstructionFilter) -> (String, StatementArguments) {
        var parts = ["i.organisation_id = ?"]
        var arguments: StatementArguments = [organisationID]
        if !filter.includeRetired { parts.append("i.retired = 0") }
        if let topic = filter.topicID {
            parts.append("i.topic_id = ?")
            arguments += [topic]
        }
        if let sector = filter.sectorID {
            parts.append("(i.sector_id IS NULL OR i.sector_id = ?)")
            arguments += [sector]
        }
        if let language = filter.language {
            parts.append("i.language = ?")
            arguments += [language]
        }
        if let day = filter.reviewDueBefore {
            parts.append("i.review_due_on < ?")
            arguments += [day]
        }
        return (parts.joined(separator: " AND "), arguments)
    }

    private static func replaceParts(_ db: Database, _ id: Int64, _ draft: InstructionDraft) throws {
        try db.execute(sql: "DELETE FROM instruction_links WHERE instruction_id = ?", arguments: [id])
        for (position, link) in draft.links.enumerated() {
            try db.execute(sql: "INSERT INTO instruction_links (instruction_id, position, title, url) VALUES (?, ?, ?, ?)",
                           arguments: [id, position, link.title, link.url])
        }
        try db.execute(sql: "DELETE FROM instruction_owners WHERE instruction_id = ?", arguments: [id])
        for user in Set(draft.ownerUserIDs).sorted() {
            try db.execute(sql: "INSERT INTO instruction_owners (instruction_id, user_id) VALUES (?, ?)", arguments: [id, user])
        }
    }

    /// Writes the instruction's row of the search index (title, plain text, system).
    private static func index(_ db: Database, _ instruction: Stored<Instruction>) throws {
        try db.execute(sql: "DELETE FROM instructions_search WHERE rowid = ?", arguments: [instruction.id])
        try db.execute(sql: "INSERT INTO instructions_search (rowid, title, body, system_name) VALUES (?, ?, ?, ?)",
                       arguments: [instruction.id, InstructionSearchText.indexable(instruction.title),
                                   InstructionSearchText.indexable(InstructionSearchText.plain(instruction.body)),
                                   InstructionSearchText.indexable(instruction.systemName)])
    }
}
