import Foundation
import GRDB

/// Survey rounds seen from one unit, for the slips of one-time codes a supervisor prints.
extension SurveyRoundStore {
    /// An open round that invited staff of the unit, with how many of them.
    public struct CoveringRound: Sendable, Equatable {
        public let round: Stored<SurveyRound>
        public let invited: Int
    }

    /// The open rounds whose population, as fixed when they opened, includes staff of `unitID`,
    /// newest first. `mode` limits them to one mode (codes are for anonymous rounds only).
    public func openRounds(coveringUnit unitID: Int64, mode: SurveyMode? = nil) throws(StorageError) -> [CoveringRound] {
        try database.reading { db in
            let rows = try Row.fetchAll(db, sql: """
                SELECT r.*, (SELECT count(*) FROM survey_invitations i
                             WHERE i.round_id = r.id AND i.unit_id = ?1) AS invited
                FROM survey_rounds r
                WHERE r.status = 'open' AND (?2 IS NULL OR r.mode = ?2)
                  AND EXISTS (SELECT 1 FROM survey_invitations i WHERE i.round_id = r.id AND i.unit_id = ?1)
                ORDER BY r.opens_on DESC, r.id DESC
                """, arguments: [unitID, mode?.rawValue])
            return try rows.map { row in CoveringRound(round: try Stored<SurveyRound>(row: row), invited: row["invited"]) }
        }
    }

    /// An open round that invited staff of some of a unit tree's units, with how many of each.
    public struct CoveringRoundOfUnits: Sendable, Equatable {
        public let round: Stored<SurveyRound>
        /// Invited employees per unit id, for the units asked about that have any.
        public let invitedByUnit: [Int64: Int]
    }

    /// The open rounds whose population includes staff of any of `unitIDs`, newest first, with the
    /// invited count of each of those units (a unit with its sub-units, for one print of slips).
    public func openRounds(coveringAnyOf unitIDs: [Int64], mode: SurveyMode? = nil)
        throws(StorageError) -> [CoveringRoundOfUnits] {
        guard !unitIDs.isEmpty else { return [] }
        return try database.reading { db in
            let marks = databaseQuestionMarks(count: unitIDs.count)
            let counts = try Row.fetchAll(db, sql: """
                SELECT i.round_id, i.unit_id, count(*) AS invited
                FROM survey_invitations i JOIN survey_rounds r ON r.id = i.round_id
                WHERE r.status = 'open' AND (? IS NULL OR r.mode = ?) AND i.unit_id IN (\(marks))
                GROUP BY i.round_id, i.unit_id
                """, arguments: StatementArguments([mode?.rawValue, mode?.rawValue]) + StatementArguments(unitIDs))
            var byRound: [Int64: [Int64: Int]] = [:]
            for row in counts { byRound[row["round_id"], default: [:]][row["unit_id"]] = row["invited"] }
            let rounds = try Stored<SurveyRound>.filter(Array(byRound.keys).contains(Column("id"))).fetchAll(db)
                .sorted { ($0.opensOn, $0.id) > ($1.opensOn, $1.id) }
            return rounds.map { CoveringRoundOfUnits(round: $0, invitedByUnit: byRound[$0.id] ?? [:]) }
        }
    }

    /// Whether the round invited staff of the unit when it opened.
    public func roundCovers(roundID: Int64, unitID: Int64) throws(StorageError) -> Bool {
        try database.reading { db in
            try Bool.fetchOne(db, sql: """
                SELECT EXISTS (SELECT 1 FROM survey_invitations WHERE round_id = ? AND unit_id = ?)
                """, arguments: [roundID, unitID]) ?? false
        }
    }
}
