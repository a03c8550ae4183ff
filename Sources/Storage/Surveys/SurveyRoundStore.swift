import Foundation
import GRDB

/// Survey rounds: creating and editing a draft, opening (which fixes the population), extending and
/// closing.
public struct SurveyRoundStore: Sendable {
    /// Internal so `SurveyRoundStore+Units.swift` can use it.
    let database: AppDatabase

    public init(_ database: AppDatabase) {
        self.database = database
    }

    /// An organisation's rounds, newest first.
    public func rounds(organisationID: Int64) throws(StorageError) -> [Stored<SurveyRound>] {
        try database.reading { db in
            try Stored<SurveyRound>.filter(Column("organisation_id") == organisationID)
                .order(Column("opens_on").desc, Column("id").desc).fetchAll(db)
        }
    }

    public func round(id: Int64) throws(StorageError) -> Stored<SurveyRound>? {
        try database.reading { db in
            try Stored<SurveyRound>.fetchOne(db.cachedStatement(sql: "SELECT * FROM survey_rounds WHERE id = ?"),
                                     arguments: [id])
        }
    }

    /// A round with every round of its organisation, newest first, read together: what a dashboard
    /// needs to know before it can use cached results.
    public func roundWithHistory(id: Int64) throws(StorageError) -> (round: Stored<SurveyRound>, all: [Stored<SurveyRound>])? {
        try database.reading { db in
            guard let round = try Stored<SurveyRound>.fetchOne(
                db.cachedStatement(sql: "SELECT * FROM survey_rounds WHERE id = ?"), arguments: [id]) else { return nil }
            let all = try Stored<SurveyRound>.fetchAll(db.cachedStatement(sql: """
                SELECT * FROM survey_rounds WHERE organisation_id = ? ORDER BY opens_on DESC, id DESC
                """), arguments: [round.organisationID])
            return (round, all)
        }
    }

    public func scope(roundID: Int64) throws(StorageError) -> [Stored<RoundScope>] {
        try database.reading { db in
            try Stored<RoundScope>.filter(Column("round_id") == roundID).order(Column("id")).fetchAll(db)
        }
    }

    public func openQuestions(roundID: Int64) throws(StorageError) -> [Stored<OpenQuestion>] {
        try database.reading { db in
            try Stored<OpenQuestion>.filter(Column("round_id") == roundID).order(Column("position")).fetchAll(db)
        }
    }

    /// Creates a draft round with its population and open questions.
    public func create(_ round: SurveyRound, scope: [RoundScope], openQuestions: [LocalisedText])
        throws(StorageError) -> Stored<SurveyRound> {
        try database.writing { db in
            var round = round
            round.status = .draft
            try Self.requireUsable(db, frameworkID: round.frameworkID, organisationID: round.organisationID)
            let stored = try round.insertStored(db)
            try Self.replaceDetails(db, roundID: stored.id, organisationID: round.organisationID, scope: scope,
                                    openQuestions: openQuestions)
            return stored
        }
    }

    /// Changes a draft round: everything may change until it opens.
    public func updateDraft(_ round: Stored<SurveyRound>, scope: [RoundScope], openQuestions: [LocalisedText])
        throws(StorageError) {
        try database.writing { db in
            let roundID = round.id
            guard let stored = try Stored<SurveyRound>.fetchOne(db, key: roundID),
                  stored.organisationID == round.organisationID else { throw StorageError.notFound }
            guard stored.status == .draft else {
                throw StorageError.invalid("Only a draft round can be edited; an open round can only be extended.")
            }
            try Self.requireUsable(db, frameworkID: round.frameworkID, organisationID: round.organisationID)
            var changed = round
            changed.status = .draft
            changed.resultsVersion = stored.resultsVersion
            try changed.update(db)
            try Self.replaceDetails(db, roundID: roundID, organisationID: round.organisationID, scope: scope,
                                    openQuestions: openQuestions)
        }
    }

    private static func requireUsable(_ db: Database, frameworkID: Int64, organisationID: Int64) throws {
        guard let framework = try Stored<Framework>.fetchOne(db, key: frameworkID),
              framework.organisationID == nil || framework.organisationID == organisationID else {
            throw StorageError.invalid("Choose a framework of this organisation.")
        }
        guard framework.status == .published else {
            throw StorageError.invalid("A round needs a published framework version.")
        }
    }

    private static func replaceDetails(_ db: Database, roundID: Int64, organisationID: Int64, scope: [RoundScope],
                                       openQuestions: [LocalisedText]) throws {
        try db.execute(sql: "DELETE FROM survey_round_scope WHERE round_id = ?", arguments: [roundID])
        for part in scope {
            try requireInOrganisation(db, part, organisationID: organisationID)
            try RoundScope(roundID: roundID, sectorID: part.sectorID, unitID: part.unitID).insert(db)
        }
        try db.execute(sql: "DELETE FROM survey_open_questions WHERE round_id = ?", arguments: [roundID])
        for (index, text) in openQuestions.enumerated() {
            try OpenQuestion(roundID: roundID, position: index + 1, text: text).insert(db)
        }
    }

    private static func requireInOrganisation(_ db: Database, _ part: RoundScope, organisationID: Int64) throws {
        let owner: Int64?
        if let sectorID = part.sectorID {
            owner = try Int64.fetchOne(db, sql: "SELECT organisation_id FROM sectors WHERE id = ?",
                                       arguments: [sectorID])
        } else if let unitID = part.unitID {
            owner = try Int64.fetchOne(db, sql: "SELECT organisation_id FROM units WHERE id = ?", arguments: [unitID])
        } else {
            owner = nil
        }
        guard owner == organisationID else {
            throw StorageError.invalid("The population may only include this organisation's sectors and units.")
        }
    }

    /// Opens a draft round: the employees in its population with a unit are invited, with their unit
    /// and job group as they are now, and the organisation's unit tree is recorded as it is now.
    /// Returns how many were invited.
    @discardableResult
    public func open(roundID: Int64, at moment: Date = Date()) throws(StorageError) -> Int {
        try database.writing { db in
            guard var round = try Stored<SurveyRound>.fetchOne(db, key: roundID) else { throw StorageError.notFound }
            guard round.status == .draft else { throw StorageError.invalid("The round is open or closed already.") }
            round.status = .open
            round.openedAt = moment
            try round.update(db)
            try db.execute(sql: Self.populationUnitsSQL + """
                INSERT INTO survey_invitations (round_id, employee_id, unit_id, job_group)
                SELECT ?1, e.id, e.unit_id, ifnull(trim(e.job_group), '')
                FROM employees e JOIN population p ON p.id = e.unit_id
                WHERE e.organisation_id = ?2 AND e.active = 1
                """, arguments: [roundID, round.organisationID])
            let invited = db.changesCount
            try db.execute(sql: """
                INSERT INTO survey_round_units (round_id, unit_id, parent_id, sector_id)
                SELECT ?, id, parent_id, sector_id FROM units WHERE organisation_id = ?
                """, arguments: [roundID, round.organisationID])
            return invited
        }
    }

    /// Where each unit stood when the round opened (its parent and sector then).
    public func unitPlacements(roundID: Int64) throws(StorageError) -> [Int64: UnitPlacement] {
        try database.reading { db in
            var placements: [Int64: UnitPlacement] = [:]
            for row in try Row.fetchAll(db, sql: """
                SELECT unit_id, parent_id, sector_id FROM survey_round_units WHERE round_id = ?
                """, arguments: [roundID]) {
                placements[row[0]] = UnitPlacement(unitID: row[0], parentID: row[1], sectorID: row[2])
            }
            return placements
        }
    }

    /// The units of a round's population (`population(id)`): the scope's units and sectors with all
    /// their sub-units, or every unit when the scope is empty. Parameters: ?1 round id, ?2 organisation id.
    private static let populationUnitsSQL = """
        WITH RECURSIVE population(id) AS (
            SELECT u.id FROM units u
            WHERE u.id IN (SELECT unit_id FROM survey_round_scope WHERE round_id = ?1 AND unit_id IS NOT NULL)
               OR u.sector_id IN (SELECT sector_id FROM survey_round_scope WHERE round_id = ?1
                                  AND sector_id IS NOT NULL)
               OR (u.organisation_id = ?2 AND NOT EXISTS (SELECT 1 FROM survey_round_scope WHERE round_id = ?1))
            UNION
            SELECT child.id FROM units child JOIN population p ON child.parent_id = p.id
        )

        """

    /// Moves the close date of an open round later.
    public func extend(roundID: Int64, closesOn: String) throws(StorageError) {
        try database.writing { db in
            guard var round = try Stored<SurveyRound>.fetchOne(db, key: roundID) else { throw StorageError.notFound }
            guard round.status == .open else { throw StorageError.invalid("Only an open round can be extended.") }
            guard closesOn > round.closesOn else {
                throw StorageError.invalid("The new close date must be later than \(round.closesOn).")
            }
            round.closesOn = closesOn
            try round.update(db)
        }
    }

    /// Closes an open round: it takes no more answers, and unfinished drafts are deleted.
    public func close(roundID: Int64, at moment: Date = Date()) throws(StorageError) {
        try database.writing { db in
            guard let round = try Stored<SurveyRound>.fetchOne(db, key: roundID) else { throw StorageError.notFound }
            guard round.status == .open else { throw StorageError.invalid("Only an open round can be closed.") }
            try Self.close(db, round, at: moment)
        }
        database.afterCommit { database.scrubber.scrubNow() }
    }

    /// Closes every open round whose last day is before `today`: a round's results are published
    /// only once it is closed, and a round past its dates takes no answers anyway. Returns how many
    /// were closed.
    @discardableResult
    public func closeOverdue(today: String, at moment: Date = Date()) throws(StorageError) -> Int {
        // A read first: this runs on page views, which should not queue for the writer for nothing.
        let anyOverdue = try database.reading { db in
            try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM survey_rounds WHERE status = 'open' AND closes_on < ?)",
                              arguments: [today]) ?? false
        }
        guard anyOverdue else { return 0 }
        let closed = try database.writing { db in
            let overdue = try Stored<SurveyRound>.fetchAll(db, sql: """
                SELECT * FROM survey_rounds WHERE status = 'open' AND closes_on < ?
                """, arguments: [today])
            for round in overdue { try Self.close(db, round, at: moment) }
            return overdue.count
        }
        if closed > 0 { database.afterCommit { database.scrubber.scrubNow() } }
        return closed
    }

    private static func close(_ db: Database, _ round: Stored<SurveyRound>, at moment: Date) throws {
        var round = round
        round.status = .closed
        round.closedAt = moment
        try round.update(db)
        try db.execute(sql: "DELETE FROM survey_drafts WHERE round_id = ?", arguments: [round.id])
    }

    /// Deletes a round that never opened.
    public func deleteDraft(roundID: Int64) throws(StorageError) {
        try database.writing { db in
            guard let round = try Stored<SurveyRound>.fetchOne(db, key: roundID) else { throw StorageError.notFound }
            guard round.status == .draft else { throw StorageError.invalid("Only a draft round can be deleted.") }
            try db.execute(sql: "DELETE FROM survey_rounds WHERE id = ?", arguments: [roundID])
        }
    }

    /// The rounds an employee was invited to, newest first, with whether they have answered (their
    /// keyed credential is recorded).
    public func invitations(employeeID: Int64) throws(StorageError) -> [(round: Stored<SurveyRound>, answered: Bool)] {
        let secrets = database.secrets
        return try database.reading { db in
            let rounds = try Stored<SurveyRound>.fetchAll(db, sql: """
                SELECT r.* FROM survey_invitations i JOIN survey_rounds r ON r.id = i.round_id
                WHERE i.employee_id = ? ORDER BY r.opens_on DESC, r.id DESC
                """, arguments: [employeeID])
            let answered = try db.cachedStatement(sql: """
                SELECT EXISTS (SELECT 1 FROM survey_answer_credentials WHERE round_id = ? AND credential = ?)
                """)
            return try rounds.map { round in
                let roundID = round.id
                let credential = secrets.answerCredential(roundID: roundID, employeeID: employeeID)
                return (round, try Bool.fetchOne(answered, arguments: [roundID, credential]) ?? false)
            }
        }
    }

    /// Something that changes whenever a round of the organisation is made, opens, closes or gets a
    /// response (each bumps the round's results version), for pages that list open rounds and whether
    /// the reader has answered.
    public func roundsStamp(organisationID: Int64) throws(StorageError) -> String {
        try database.reading { db in try Self.roundsStamp(db, organisationID: organisationID) }
    }

    static func roundsStamp(_ db: Database, organisationID: Int64) throws -> String {
        let row = try Row.fetchOne(db.cachedStatement(sql: """
            SELECT count(*), ifnull(max(id), 0), ifnull(sum(results_version), 0) FROM survey_rounds
            WHERE organisation_id = ?
            """), arguments: [organisationID])
        return row.map { "\($0[0] as Int64? ?? 0)/\($0[1] as Int64? ?? 0)/\($0[2] as Int64? ?? 0)" } ?? ""
    }

    /// How many were invited to a round, and how many responses it has (with a sign-in or a code).
    public func participation(roundID: Int64) throws(StorageError) -> (invited: Int, answered: Int) {
        try database.reading { db in
            let invited = try Int.fetchOne(db, sql: "SELECT count(*) FROM survey_invitations WHERE round_id = ?",
                                           arguments: [roundID]) ?? 0
            let answered = try Int.fetchOne(db, sql: "SELECT count(*) FROM survey_responses WHERE round_id = ?",
                                            arguments: [roundID]) ?? 0
            return (invited, answered)
        }
    }
}
