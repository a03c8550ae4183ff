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

    /// Whether the round invited staff of the unit when it opened.
    public func roundCovers(roundID: Int64, unitID: Int64) throws(StorageError) -> Bool {
        try database.reading { db in
            try Bool.fetchOne(db, sql: """
                SELECT EXISTS (SELECT 1 FROM survey_invitations WHERE round_id = ? AND unit_id = ?)
                """, arguments: [roundID, unitID]) ?? false
        }
    }
}
