import Foundation
import GRDB

/// A logged help session as the tutor sees it in their own log, with its row id (for deleting a
/// mistake).
public struct OwnHelpEntry: Sendable, Equatable {
    public var id: Int64
    public var entry: HelpLogEntry

    public init(id: Int64, entry: HelpLogEntry) {
        self.id = id
        self.entry = entry
    }
}

/// Help sessions and their minutes in one group of the help log, counted by the database.
public struct HelpLogCount: Sendable, Equatable {
    public var year: Int
    /// The month, 1 to 12.
    public var month: Int
    public var topicID: Int64
    public var channel: HelpChannel
    public var unitID: Int64
    public var sessions: Int
    public var minutes: Int

    public init(year: Int, month: Int, topicID: Int64, channel: HelpChannel, unitID: Int64, sessions: Int, minutes: Int) {
        self.year = year
        self.month = month
        self.topicID = topicID
        self.channel = channel
        self.unitID = unitID
        self.sessions = sessions
        self.minutes = minutes
    }
}

/// A catalogue training in one competence area, for "top topics this month".
public struct AreaTraining: Sendable, Equatable {
    public var areaCode: String
    public var trainingID: Int64
    public var title: LocalisedText

    public init(areaCode: String, trainingID: Int64, title: LocalisedText) {
        self.areaCode = areaCode
        self.trainingID = trainingID
        self.title = title
    }
}

extension TutorStore {
    // MARK: - The tutor's own log

    /// Logs many help sessions in one transaction through one prepared statement (the demo's year
    /// of help, an import): a hundred thousand rows take well under a second this way.
    @discardableResult
    public func logHelpMany(_ entries: [HelpLogEntry]) throws(StorageError) -> Int {
        guard !entries.isEmpty else { return 0 }
        return try database.writing { db in
            let statement = try db.makeStatement(sql: """
                INSERT INTO tutor_help_log (tutor_id, day, topic_id, minutes, channel, unit_id) VALUES (?, ?, ?, ?, ?, ?)
                """)
            for entry in entries {
                try statement.execute(arguments: [entry.tutorID, entry.day, entry.topicID, entry.minutes,
                                                  entry.channel.rawValue, entry.unitID])
            }
            return entries.count
        }
    }

    /// Logs one help session and returns its id (the confirmation names it).
    public func logHelpReturningID(_ entry: HelpLogEntry) throws(StorageError) -> Int64 {
        try database.writing { db in
            try entry.insert(db)
            return db.lastInsertedRowID
        }
    }

    /// The tutor's latest entries with their ids, newest first.
    public func ownHelpLog(tutorID: Int64, limit: Int = 30) throws(StorageError) -> [OwnHelpEntry] {
        try database.reading { db in
            try Row.fetchAll(db, sql: """
                SELECT * FROM tutor_help_log WHERE tutor_id = ? ORDER BY day DESC, id DESC LIMIT ?
                """, arguments: [tutorID, limit]).map { row in
                OwnHelpEntry(id: row["id"], entry: try HelpLogEntry(row: row))
            }
        }
    }

    /// One of the tutor's entries; nil when there is none with that id or it is someone else's.
    public func ownHelpEntry(id: Int64, tutorID: Int64) throws(StorageError) -> HelpLogEntry? {
        try database.reading { db in
            try HelpLogEntry.fetchOne(db, sql: "SELECT * FROM tutor_help_log WHERE id = ? AND tutor_id = ?",
                                      arguments: [id, tutorID])
        }
    }

    /// The tutor's sessions and minutes from `from` (a day) on: the month's and the year's totals.
    public func helpTotals(tutorID: Int64, from: String) throws(StorageError) -> (sessions: Int, minutes: Int) {
        try database.reading { db in
            let row = try Row.fetchOne(db, sql: """
                SELECT count(*), coalesce(sum(minutes), 0) FROM tutor_help_log WHERE tutor_id = ? AND day >= ?
                """, arguments: [tutorID, from])
            return (row?[0] ?? 0, row?[1] ?? 0)
        }
    }

    /// Deletes one of the tutor's own entries of `notBefore` or later (a mistake, put right soon);
    /// false when there is no such entry of theirs, or it is older.
    public func deleteOwnHelp(id: Int64, tutorID: Int64, notBefore: String) throws(StorageError) -> Bool {
        try database.writing { db in
            try db.execute(sql: "DELETE FROM tutor_help_log WHERE id = ? AND tutor_id = ? AND day >= ?",
                           arguments: [id, tutorID, notBefore])
            return db.changesCount == 1
        }
    }

    // MARK: - Aggregates

    /// Help sessions in `unitIDs` from `from` to `to` (days, inclusive), per topic id: the raw counts
    /// a rule in `Metrics` decides how to show.
    public func helpSessionsByTopic(unitIDs: Set<Int64>, from: String, to: String) throws(StorageError) -> [Int64: Int] {
        guard !unitIDs.isEmpty else { return [:] }
        return try database.reading { db in
            var sessions: [Int64: Int] = [:]
            for row in try Row.fetchAll(db.cachedStatement(sql: """
                SELECT topic_id, count(*) FROM tutor_help_log
                WHERE unit_id IN (SELECT value FROM json_each(?)) AND day >= ? AND day <= ?
                GROUP BY topic_id
                """), arguments: [OnboardingStore.jsonArray(unitIDs.sorted()), from, to]) {
                sessions[row[0]] = row[1]
            }
            return sessions
        }
    }

    /// The organisation's help log from `from` to `to` (days, inclusive) counted per month, topic,
    /// channel and unit. The rows come straight off the covering index and are added up here: with
    /// thousands of units a year of entries hardly groups, and SQLite's sorter for a GROUP BY took
    /// four times as long as the scan itself.
    public func helpLogCounts(organisationID: Int64, from: String, to: String) throws(StorageError) -> [HelpLogCount] {
        struct Key: Hashable {
            let month: Int
            let topicID: Int64
            let channel: String
            let unitID: Int64
        }
        return try database.reading { db in
            var tallies: [Key: (sessions: Int, minutes: Int)] = [:]
            // The month as one number (year * 100 + month), so no text is made per row.
            let rows = try Row.fetchCursor(db.cachedStatement(sql: """
                SELECT CAST(substr(h.day, 1, 4) AS INTEGER) * 100 + CAST(substr(h.day, 6, 2) AS INTEGER),
                       h.topic_id, h.channel, h.unit_id, h.minutes
                FROM tutors t JOIN tutor_help_log h ON h.tutor_id = t.id
                WHERE t.organisation_id = ? AND h.day >= ? AND h.day <= ?
                """), arguments: [organisationID, from, to])
            while let row = try rows.next() {
                let key = Key(month: row[0], topicID: row[1], channel: row[2], unitID: row[3])
                let minutes: Int = row[4]
                tallies[key, default: (0, 0)].sessions += 1
                tallies[key, default: (0, 0)].minutes += minutes
            }
            return tallies.compactMap { key, tally in
                guard let channel = HelpChannel(rawValue: key.channel) else { return nil }
                return HelpLogCount(year: key.month / 100, month: key.month % 100, topicID: key.topicID, channel: channel, unitID: key.unitID,
                                    sessions: tally.sessions, minutes: tally.minutes)
            }
        }
    }

    /// Something that changes whenever the help log does (for cached aggregates): its size and
    /// newest id, so both an entry added and one deleted show.
    public func helpLogVersion() throws(StorageError) -> String {
        try database.reading { db in
            let row = try Row.fetchOne(db.cachedStatement(sql: "SELECT count(*), max(id) FROM tutor_help_log"))
            return row.map { $0.databaseValues.map(\.description).joined(separator: "|") } ?? ""
        }
    }

    // MARK: - Topics

    /// One topic of the organisation's (retired ones too); nil when it is another's.
    public func topic(id: Int64, organisationID: Int64) throws(StorageError) -> Stored<TutorTopic>? {
        try database.reading { db in
            try Stored<TutorTopic>.fetchOne(db, sql: "SELECT * FROM tutor_topics WHERE id = ? AND organisation_id = ?",
                                            arguments: [id, organisationID])
        }
    }

    /// Saves a topic's names, area and position (not whether it is active: see `setTopicActive`).
    public func updateTopic(_ topicID: Int64, _ topic: TutorTopic) throws(StorageError) {
        try database.writing { db in
            try db.execute(sql: """
                UPDATE tutor_topics SET name_fi = ?, name_sv = ?, name_en = ?, position = ?, area_code = ?
                WHERE id = ? AND organisation_id = ?
                """, arguments: [topic.nameFi, topic.nameSv, topic.nameEn, topic.position, topic.areaCode,
                                 topicID, topic.organisationID])
            guard db.changesCount == 1 else { throw StorageError.notFound }
        }
    }

    /// The organisation's active catalogue trainings (its own and those offered to it) in any of
    /// `areaCodes`, by title: what "top topics this month" points to.
    public func trainings(visibleTo organisationID: Int64, inAreas areaCodes: Set<String>) throws(StorageError) -> [AreaTraining] {
        guard !areaCodes.isEmpty else { return [] }
        return try database.reading { db in
            try Row.fetchAll(db, sql: """
                SELECT a.area_code, t.id, t.title_fi, t.title_sv, t.title_en
                FROM training_areas a JOIN trainings t ON t.id = a.training_id
                WHERE a.area_code IN (SELECT value FROM json_each(:codes)) AND t.active = 1
                  AND (t.organisation_id = :organisation
                       OR t.id IN (SELECT training_id FROM training_offers WHERE organisation_id = :organisation))
                ORDER BY a.area_code, t.title_fi, t.id
                """, arguments: ["codes": Self.jsonArray(areaCodes.sorted()), "organisation": organisationID]).map { row in
                AreaTraining(areaCode: row[0], trainingID: row[1], title: LocalisedText(fi: row[2], sv: row[3], en: row[4]))
            }
        }
    }

    private static func jsonArray(_ texts: [String]) -> String {
        guard let data = try? JSONEncoder().encode(texts) else { return "[]" }
        return String(decoding: data, as: UTF8.self)
    }
}
