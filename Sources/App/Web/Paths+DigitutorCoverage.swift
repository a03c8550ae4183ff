/// Links of digitutor coverage for a unit's supervisors, and the printable lists (`Digitutors/`).
extension Paths {
    /// A unit's (and its sub-units') digitutors and gaps, for its supervisors and the network's keepers.
    static func unitTutors(_ unitID: Int64) -> String { unit(unitID) + "/digitutors" }
    /// The printable list of a unit's sub-units without an active tutor.
    static func unitTutorsPrint(_ unitID: Int64) -> String { unitTutors(unitID) + "/print" }
    /// The printable list of the organisation's units without an active tutor.
    static func tutorCoveragePrint(_ slug: String) -> String { tutorCoverage(slug) + "/print" }
}
