import Foundation
import GRDB

extension TutorStore {
    /// The tutors who serve a unit on `day` (a Helsinki date): active then, and named for the unit
    /// itself or for a unit above it with its sub-units included, as the coverage rules count them.
    /// Those named for the unit itself come first, then the others, each group by name.
    ///
    /// One function keyed by unit, so "my digitutor" on the home page and the unit's training poster
    /// always name the same people.
    public func activeTutors(servingUnit unitID: Int64, on day: String) throws(StorageError) -> [TutorDetails] {
        let found = try database.reading { db in
            // The chain of units from this one up, with how far each is; a parent's tutor counts only
            // with `includes_subunits`. The depth limit stops a (refused, but cheap to guard) cycle.
            try Self.details(db, where: """
                t.id IN (
                    WITH RECURSIVE chain(id, parent_id, depth) AS (
                        SELECT id, parent_id, 0 FROM units WHERE id = ?
                        UNION ALL
                        SELECT u.id, u.parent_id, c.depth + 1 FROM units u JOIN chain c ON u.id = c.parent_id WHERE c.depth < 64
                    )
                    SELECT tu.tutor_id FROM tutor_units tu JOIN chain c ON c.id = tu.unit_id
                    WHERE c.depth = 0 OR tu.includes_subunits = 1)
                AND (SELECT c.status FROM tutor_status_changes c WHERE c.tutor_id = t.id AND c.from_on <= ?
                     ORDER BY c.from_on DESC, c.id DESC LIMIT 1) = 'active'
                """, arguments: [unitID, day])
        }
        let own = found.filter { tutor in tutor.units.contains { $0.unitID == unitID } }
        return own + found.filter { tutor in !tutor.units.contains { $0.unitID == unitID } }
    }
}
